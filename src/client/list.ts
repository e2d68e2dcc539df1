/** Sorting and theme filters for paper lists; the choice is kept in the address (`?sort=date&theme=lora`). */
import { COMPARATORS, isSortKey, type SortablePaper, type SortKey } from '../lib/paper-sort.ts';
import { plural } from '../lib/text.ts';

interface Item extends SortablePaper {
  element: HTMLLIElement;
  themes: string[];
}

function readItem(element: HTMLLIElement): Item {
  const { title = '', published = '', upvotes = '', themes = '' } = element.dataset;
  return {
    element,
    title,
    published: published || null,
    upvotes: upvotes === '' ? null : Number(upvotes),
    themes: themes.split(' '),
  };
}

function setUpList(root: HTMLElement): void {
  const controls = root.querySelector<HTMLElement>('[data-list-controls]');
  const select = root.querySelector<HTMLSelectElement>('[data-sort]');
  const list = root.querySelector<HTMLOListElement>('[data-list-items]');
  const count = root.querySelector<HTMLElement>('[data-list-count]');
  const filters = [...root.querySelectorAll<HTMLInputElement>('[data-theme-filter]')];
  if (!controls || !select || !list || !count) return;
  const items = [...list.querySelectorAll<HTMLLIElement>(':scope > li')].map(readItem);
  controls.hidden = false;

  const params = new URLSearchParams(location.search);
  const initialSort = params.get('sort');
  if (isSortKey(initialSort)) select.value = initialSort;
  const initialThemes = new Set((params.get('theme') ?? '').split(',').filter(Boolean));
  for (const filter of filters) filter.checked = initialThemes.has(filter.value);

  const apply = (): void => {
    const key: SortKey = isSortKey(select.value) ? select.value : 'title';
    const chosen = filters.filter((filter) => filter.checked).map((filter) => filter.value);
    let shown = 0;
    for (const item of [...items].sort(COMPARATORS[key])) {
      const visible = chosen.length === 0 || item.themes.some((theme) => chosen.includes(theme));
      item.element.hidden = !visible;
      if (visible) shown++;
      list.append(item.element);
    }
    count.textContent = plural(shown, 'paper');
    const next = new URLSearchParams(location.search);
    if (key === 'title') next.delete('sort');
    else next.set('sort', key);
    if (chosen.length === 0) next.delete('theme');
    else next.set('theme', chosen.join(','));
    const query = next.toString();
    history.replaceState(history.state, '', `${location.pathname}${query ? `?${query}` : ''}${location.hash}`);
  };
  select.addEventListener('change', apply);
  for (const filter of filters) filter.addEventListener('change', apply);
  if (initialSort !== null || initialThemes.size > 0) apply();
}

for (const root of document.querySelectorAll<HTMLElement>('[data-paper-list]')) setUpList(root);
