/**
 * The Saved page: lists the papers this browser saved or marked read, straight from localStorage,
 * so it works offline and from disk; exports the list as a file and imports one.
 */
import { formatCount, plural } from '../lib/text.ts';
import { serializeReadingList, type ReadingEntry } from '../lib/reading-list.ts';
import { mergeReadingLists, parseReadingList, ReadingListError } from '../lib/reading-list-file.ts';
import { paperUrl } from './lib/paper-url.ts';
import {
  addStatusToCards,
  loadReadingList,
  onReadingListChange,
  REFUSAL_MESSAGES,
  storeReadingList,
} from './lib/reading-status.ts';

const page = document.querySelector<HTMLElement>('[data-saved-page]')!;
const transferStatus = document.querySelector<HTMLElement>('[data-transfer-status]')!;
/** The site root, from this page's address (`<base>/saved/`). */
const siteRoot = new URL('../', location.href);

function card(entry: ReadingEntry): HTMLLIElement {
  const item = Object.assign(document.createElement('li'), { className: 'paper-card' });
  const heading = Object.assign(document.createElement('h3'), { className: 'paper-card-title' });
  heading.append(
    Object.assign(document.createElement('a'), { href: paperUrl(entry.slug, siteRoot).href, textContent: entry.title }),
  );
  const when = new Date(entry.updated).toLocaleDateString('en', { year: 'numeric', month: 'short', day: 'numeric' });
  const meta = Object.assign(document.createElement('p'), { className: 'paper-meta', textContent: `Marked ${when}` });
  item.append(heading, meta);
  return item;
}

function render(): void {
  const entries = [...loadReadingList().values()].sort((a, b) => b.updated.localeCompare(a.updated));
  const groups = { saved: entries.filter((entry) => entry.saved), read: entries.filter((entry) => !entry.saved && entry.read) };
  for (const [name, group] of Object.entries(groups)) {
    const list = page.querySelector<HTMLOListElement>(`[data-saved-list="${name}"]`)!;
    list.replaceChildren(...group.map(card));
    page.querySelector<HTMLElement>(`[data-saved-empty="${name}"]`)!.hidden = group.length > 0;
    page.querySelector<HTMLElement>(`[data-saved-count="${name}"]`)!.textContent = `(${formatCount(group.length)})`;
    addStatusToCards(list);
  }
}

function exportList(): void {
  const list = loadReadingList();
  const blob = new Blob([serializeReadingList(list)], { type: 'application/json' });
  const link = Object.assign(document.createElement('a'), {
    href: URL.createObjectURL(blob),
    download: `papershelf-reading-list-${new Date().toISOString().slice(0, 10)}.json`,
  });
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  transferStatus.textContent = `Exported ${plural(list.size, 'paper')} to ${link.download}.`;
}

async function importFile(input: HTMLInputElement): Promise<void> {
  const file = input.files?.[0];
  if (!file) return;
  input.value = '';
  try {
    const { list, changed } = mergeReadingLists(loadReadingList(), parseReadingList(await file.text()));
    const refusal = storeReadingList(list);
    if (refusal) {
      transferStatus.textContent = `Could not import ${file.name}: ${REFUSAL_MESSAGES[refusal]}. Nothing was changed.`;
      return;
    }
    transferStatus.textContent = `Imported ${file.name}: ${plural(changed, 'paper')} added or updated.`;
  } catch (error) {
    const reason = error instanceof ReadingListError ? error.message : 'it could not be read';
    transferStatus.textContent = `Could not import ${file.name}: ${reason}. Nothing was changed.`;
  }
}

page.hidden = false;
render();
onReadingListChange(render);
page.querySelector('[data-export]')!.addEventListener('click', exportList);
const importInput = page.querySelector<HTMLInputElement>('[data-import]')!;
importInput.addEventListener('change', () => void importFile(importInput));
