/**
 * Runs on every page: clean links on a hosted site, the theme toggle, and `/` to search.
 * Pages link to `…/index.html` so that they browse from disk; over http(s) those links are
 * shortened to the folder, which is the page's real address.
 */

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

function setUpSearchShortcut(): void {
  document.addEventListener('keydown', (event) => {
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
    const input =
      document.querySelector<HTMLInputElement>('[data-search-input]') ?? document.querySelector<HTMLInputElement>('#site-search');
    if (!input) return;
    event.preventDefault();
    input.focus();
    input.select();
  });
}

shortenLinks();
setUpThemeToggle();
setUpSearchShortcut();

export {};
