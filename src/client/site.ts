/**
 * Runs on every page: clean links on a hosted site, the theme toggle, reading status (Save and Read
 * on every paper), and the keyboard: `/` to search, `j`/`k` through a list of papers, `o` (or Enter)
 * to open one, `s` to save it, `r` to mark it read, `?` for the keys.
 * Pages link to `…/index.html` so that they browse from disk; over http(s) those links are
 * shortened to the folder, which is the page's real address.
 */

import { loadScript } from './lib/load-script.ts';
import { setUpReadingStatus, toggleSelected } from './lib/reading-status.ts';
import { registerServiceWorker } from './lib/service-worker-registration.ts';

const THEME_KEY = 'papershelf-theme';
const INDEX = 'index.html';
const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/|#)/iu;

function shortenLinks(): void {
  if (location.protocol === 'file:') return;
  const shorten = (value: string): string => value.slice(0, -INDEX.length) || './';
  for (const anchor of document.querySelectorAll<HTMLAnchorElement>('a[href]')) {
    const href = anchor.getAttribute('href')!;
    if (!EXTERNAL.test(href) && href.endsWith(INDEX)) anchor.setAttribute('href', shorten(href));
  }
  for (const form of document.querySelectorAll<HTMLFormElement>('form[action]')) {
    const action = form.getAttribute('action')!;
    if (!EXTERNAL.test(action) && action.endsWith(INDEX)) form.setAttribute('action', shorten(action));
  }
}

function setUpThemeToggle(): void {
  const root = document.documentElement;
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-theme-toggle]')) {
    const show = (): void => button.setAttribute('aria-pressed', String(root.dataset['theme'] === 'dark'));
    show();
    button.addEventListener('click', () => {
      root.dataset['theme'] = root.dataset['theme'] === 'dark' ? 'light' : 'dark';
      try {
        localStorage.setItem(THEME_KEY, root.dataset['theme']);
      } catch {
        // Storage can be unavailable (private mode); the toggle still works for this page.
      }
      show();
    });
  }
}

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

function focusSearch(): void {
  const input =
    document.querySelector<HTMLInputElement>('[data-search-input]') ?? document.querySelector<HTMLInputElement>('#site-search');
  input?.focus();
  input?.select();
}

/** The papers listed on this page, in the order shown. */
function listedPapers(): HTMLAnchorElement[] {
  return [...document.querySelectorAll<HTMLAnchorElement>('.paper-card .paper-card-title a')];
}

/**
 * Moves the keyboard focus to the next (+1) or previous (-1) paper in the list; past the last paper
 * of a page, to the list's next page (and before the first, to the previous one).
 */
function moveThroughList(step: 1 | -1): void {
  const links = listedPapers();
  if (links.length === 0) return;
  const current = links.indexOf(document.activeElement as HTMLAnchorElement);
  const beyond = step === 1 ? current === links.length - 1 : current === 0;
  const otherPage = document.querySelector<HTMLAnchorElement>(`.pager-pages a[rel="${step === 1 ? 'next' : 'prev'}"]`);
  if (beyond && otherPage) {
    otherPage.click();
    return;
  }
  const next = current === -1 ? (step === 1 ? 0 : links.length - 1) : Math.min(links.length - 1, Math.max(0, current + step));
  links[next]!.focus();
  links[next]!.closest('.paper-card')?.scrollIntoView({ block: 'nearest' });
}

/** Where this script was loaded from; the 404 page inlines it, and resolves from its <base> instead. */
const SCRIPTS_URL = new URL(
  '.',
  (document.currentScript as HTMLScriptElement | null)?.src || new URL('scripts/', document.baseURI),
);

/** The shortcuts dialog is loaded on the first `?`: most readers never open it, and every page would carry it. */
function toggleHelp(): void {
  const loaded = (window as { papershelfShortcuts?: () => void }).papershelfShortcuts;
  if (loaded) return loaded();
  loadScript(new URL('shortcuts.js', SCRIPTS_URL)).then(toggleHelp, () => undefined);
}

function setUpKeyboard(): void {
  const actions: Record<string, () => void> = {
    '/': focusSearch,
    j: () => moveThroughList(1),
    k: () => moveThroughList(-1),
    o: () => {
      const focused = document.activeElement;
      if (focused instanceof HTMLAnchorElement && listedPapers().includes(focused)) focused.click();
    },
    s: () => toggleSelected('saved'),
    r: () => toggleSelected('read'),
    '?': toggleHelp,
  };
  document.addEventListener('keydown', (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
    const action = actions[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  });
}

shortenLinks();
setUpThemeToggle();
setUpKeyboard();
setUpReadingStatus();
registerServiceWorker();
