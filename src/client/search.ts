/**
 * The search page: Pagefind's index, a theme filter and an order, all kept in the address
 * (`?q=…&theme=…&sort=…`) so a search can be shared and the back button steps through searches.
 * Opened from disk (file://), where Pagefind cannot load its index, and under `astro dev`, where no
 * Pagefind index has been built yet, it searches a small index loaded as a classic script instead
 * (src/lib/search/disk-search.ts), which finds the same papers.
 * Results are built with DOM APIs only: no text from the index is ever parsed as HTML.
 */
import { plural } from '../lib/text.ts';
import { loadScript } from './lib/load-script.ts';
import { paperUrl } from './lib/paper-url.ts';
import type { DiskResult, DiskSearch, DiskSort } from '../lib/search/disk-search.ts';

interface PagefindResultData {
  url: string;
  /** The paper's abstract, as indexed (src/lib/search/records.ts): plain text. */
  content: string;
  /** Which words of the content match, by their place in it. */
  locations: number[];
  meta: { title?: string };
  filters: Record<string, string[]>;
}

interface Pagefind {
  options(options: { baseUrl?: string }): Promise<void>;
  init(): Promise<void>;
  preload(query: string): Promise<void>;
  search(
    query: string | null,
    options?: { filters?: Record<string, string>; sort?: Record<string, 'asc' | 'desc'> },
  ): Promise<{ results: { data(): Promise<PagefindResultData> }[] } | null>;
}

const RESULTS_SHOWN = 30;
/** Results shown before the rest have loaded, so the first answers appear at once. */
const FIRST_BATCH = 1;
/** Wait this long after a keystroke before searching, so fast typing does not start a search per letter. */
const TYPING_DELAY_MS = 40;

const form = document.querySelector<HTMLFormElement>('[data-search-form]')!;
const input = document.querySelector<HTMLInputElement>('[data-search-input]')!;
const themeSelect = document.querySelector<HTMLSelectElement>('[data-search-theme]')!;
const sortSelect = document.querySelector<HTMLSelectElement>('[data-search-sort]')!;
const statusLine = document.querySelector<HTMLElement>('[data-search-status]')!;
const list = document.querySelector<HTMLOListElement>('[data-search-results]')!;
/** The site root, from this page's address (`<base>/search/`). */
const siteRoot = new URL('../', location.href);
/** The page says so under `astro dev` (src/pages/search/index.astro). */
const fromDisk = location.protocol === 'file:' || form.dataset['searchEngine'] === 'disk';

let pagefind: Promise<Pagefind> | undefined;
function loadPagefind(): Promise<Pagefind> {
  pagefind ??= (import(new URL('pagefind/pagefind.js', siteRoot).href) as Promise<Pagefind>).then(async (module) => {
    await module.options({ baseUrl: siteRoot.pathname });
    // Load the index's entry, metadata and WebAssembly now, not on the first keystroke.
    await module.init();
    return module;
  });
  return pagefind;
}

let diskSearch: Promise<DiskSearch> | undefined;
/** From disk (and in dev) only: the index and its engine, as classic scripts (a browser runs those from file://). */
function loadDiskSearch(): Promise<DiskSearch> {
  diskSearch ??= Promise.all([
    loadScript(new URL('scripts/disk-search.js', siteRoot)),
    loadScript(new URL('search/disk-index.js', siteRoot)),
  ]).then(() => globalThis.papershelfDiskSearch!(globalThis.papershelfDiskIndex!));
  return diskSearch;
}

interface SearchState {
  q: string;
  theme: string;
  sort: string;
}

function stateFromAddress(): SearchState {
  const params = new URLSearchParams(location.search);
  return { q: params.get('q') ?? '', theme: params.get('theme') ?? '', sort: params.get('sort') ?? '' };
}

function stateFromForm(): SearchState {
  return { q: input.value.trim(), theme: themeSelect.value, sort: sortSelect.value };
}

function showState(state: SearchState): void {
  input.value = state.q;
  themeSelect.value = state.theme;
  sortSelect.value = ['date', 'upvotes'].includes(state.sort) ? state.sort : '';
}

function addressOf(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  if (state.theme) params.set('theme', state.theme);
  if (state.sort) params.set('sort', state.sort);
  const query = params.toString();
  return `${location.pathname}${query ? `?${query}` : ''}`;
}

/** Words a result shows around its first match, as Pagefind's own excerpts do. */
const EXCERPT_WORDS = 32;
const WORDS_BEFORE_MATCH = 6;

/**
 * The excerpt of a Pagefind result, built from its content and the places of the matching words as
 * text and <mark> nodes. Pagefind's ready-made excerpt escapes `<` but not `&` in a custom record's
 * text, so "&amp;" written in an abstract could not be told from an escaped "&": the content itself
 * is exact.
 */
function pagefindExcerpt(data: PagefindResultData): Node[] {
  const words = data.content.split(/\s+/u);
  // Places past the content are matches in the title or theme names (metadata): the excerpt then
  // shows the abstract's beginning.
  const inContent = data.locations.filter((place) => place < words.length);
  const marked = new Set(inContent);
  const start = inContent.length === 0 ? 0 : Math.max(0, Math.min(...inContent) - WORDS_BEFORE_MATCH);
  const end = Math.min(words.length, start + EXCERPT_WORDS);
  const nodes: Node[] = [];
  if (start > 0) nodes.push(document.createTextNode('… '));
  for (let index = start; index < end; index++) {
    if (index > start) nodes.push(document.createTextNode(' '));
    const word = words[index]!;
    nodes.push(
      marked.has(index) ? Object.assign(document.createElement('mark'), { textContent: word }) : document.createTextNode(word),
    );
  }
  if (end < words.length) nodes.push(document.createTextNode(' …'));
  return nodes;
}

/**
 * The query without words that are only symbols (`✓`, `→`), quotes kept: Pagefind indexes no such
 * word, so a quoted phrase copied from an abstract with one in it found nothing, where search from
 * disk, which leaves out words that match nothing, found the paper.
 */
const withoutBareSymbols = (query: string): string =>
  query
    .split(/\s+/u)
    .map((word) => (/[\p{L}\p{N}]/u.test(word) ? word : word.replace(/[^"]/gu, '')))
    .filter(Boolean)
    .join(' ');

/** What a result shows, from either index. */
interface ResultCard {
  href: string;
  title: string;
  excerpt: Node[];
  themes: readonly string[];
}

function pagefindCard(data: PagefindResultData, query: string): ResultCard {
  const url = new URL(data.url, location.href);
  if (query) url.searchParams.set('highlight', query);
  return {
    href: url.href,
    title: data.meta.title ?? data.url,
    excerpt: pagefindExcerpt(data),
    themes: data.filters['theme'] ?? [],
  };
}

function diskCard(result: DiskResult, query: string): ResultCard {
  const url = paperUrl(result.slug, siteRoot);
  if (query) url.searchParams.set('highlight', query);
  const excerpt = result.excerpt.map((part) =>
    part.marked ? Object.assign(document.createElement('mark'), { textContent: part.text }) : document.createTextNode(part.text),
  );
  return { href: url.href, title: result.title, excerpt, themes: result.themes };
}

function resultItem(card: ResultCard): HTMLLIElement {
  const item = document.createElement('li');
  item.className = 'paper-card';
  const heading = document.createElement('h2');
  heading.className = 'paper-card-title';
  const link = document.createElement('a');
  link.href = card.href;
  link.textContent = card.title;
  heading.append(link);
  const excerpt = document.createElement('p');
  excerpt.className = 'excerpt';
  excerpt.append(...card.excerpt);
  const chips = document.createElement('ul');
  chips.className = 'chips';
  chips.setAttribute('aria-label', 'Themes');
  for (const theme of card.themes) {
    const chip = document.createElement('li');
    const label = document.createElement('span');
    label.className = 'chip';
    label.textContent = theme;
    chip.append(label);
    chips.append(chip);
  }
  item.append(heading, excerpt, chips);
  return item;
}

function showCount(state: SearchState, total: number): void {
  const scope = [state.q && `“${state.q}”`, state.theme && `in ${state.theme}`].filter(Boolean).join(' ');
  statusLine.textContent =
    total === 0
      ? `No papers match ${scope}.`
      : `${plural(total, 'paper')} ${total === 1 ? 'matches' : 'match'} ${scope}${total > RESULTS_SHOWN ? `; showing the first ${RESULTS_SHOWN}` : ''}.`;
}

async function runFromDisk(state: SearchState, runId: number): Promise<void> {
  const engine = await loadDiskSearch();
  if (runId !== latestRun) return;
  const sort: DiskSort = state.sort === 'date' || state.sort === 'upvotes' ? state.sort : '';
  const { total, results } = engine.search(state.q, { theme: state.theme, sort, limit: RESULTS_SHOWN });
  list.replaceChildren(...results.map((result) => resultItem(diskCard(result, state.q))));
  showCount(state, total);
}

let latestRun = 0;
async function run(state: SearchState): Promise<void> {
  const runId = ++latestRun;
  if (!state.q && !state.theme) {
    list.replaceChildren();
    statusLine.textContent = 'Type a word or phrase to search every paper.';
    return;
  }
  statusLine.textContent = 'Searching…';
  if (fromDisk) return runFromDisk(state, runId);
  const engine = await loadPagefind();
  const response = await engine.search(withoutBareSymbols(state.q) || null, {
    ...(state.theme ? { filters: { theme: state.theme } } : {}),
    ...(state.sort === 'date' || state.sort === 'upvotes' ? { sort: { [state.sort]: 'desc' } } : {}),
  });
  if (runId !== latestRun || !response) return;
  // Show the best matches as soon as their fragments arrive, then the rest.
  const firstBatch = response.results.slice(0, FIRST_BATCH);
  const firstData = await Promise.all(firstBatch.map((result) => result.data()));
  if (runId !== latestRun) return;
  list.replaceChildren(...firstData.map((data) => resultItem(pagefindCard(data, state.q))));
  const restData = await Promise.all(response.results.slice(FIRST_BATCH, RESULTS_SHOWN).map((result) => result.data()));
  if (runId !== latestRun) return;
  list.append(...restData.map((data) => resultItem(pagefindCard(data, state.q))));
  showCount(state, response.results.length);
}

/**
 * Puts a search in the address bar. The first keystroke after a finished search starts a new
 * history entry and further keystrokes update it, so the back button returns to earlier searches
 * rather than to every letter typed.
 */
function record(state: SearchState, typing: boolean): void {
  const address = addressOf(state);
  if (address === `${location.pathname}${location.search}`) return;
  const entry = { ...state, typing };
  if (typing && (history.state as { typing?: boolean } | null)?.typing) history.replaceState(entry, '', address);
  else history.pushState(entry, '', address);
}

function start(): void {
  showState(stateFromAddress());
  // Fetch the search engine and its index entry now: the reader came here to search.
  void (fromDisk ? loadDiskSearch() : loadPagefind()).catch(() => undefined);
  let typingTimer: number | undefined;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const state = stateFromForm();
    record(state, false);
    void run(state);
  });
  input.addEventListener('input', () => {
    // Start fetching the index chunks for these words now, while the typing delay runs.
    const words = input.value.trim();
    if (words && !fromDisk)
      void loadPagefind()
        .then((engine) => engine.preload(words))
        .catch(() => undefined);
    window.clearTimeout(typingTimer);
    typingTimer = window.setTimeout(() => {
      const state = stateFromForm();
      record(state, true);
      void run(state);
    }, TYPING_DELAY_MS);
  });
  for (const select of [themeSelect, sortSelect]) select.addEventListener('change', () => form.requestSubmit());
  window.addEventListener('popstate', () => {
    const state = stateFromAddress();
    showState(state);
    void run(state);
  });
  void run(stateFromAddress()).catch(() => {
    statusLine.textContent = 'Search could not load its index. Try reloading the page.';
  });
  if (!input.value) input.focus();
}

start();

export {};
