/**
 * Reading status in the browser: Save and Read toggles on every paper card and on the paper page,
 * the `s` and `r` keys, and the reading list in localStorage. Nothing leaves the browser.
 */
import {
  emptyReadingList,
  readStoredList,
  serializeReadingList,
  setStatus,
  slugFromPath,
  type ReadingList,
} from '../../lib/reading-list.ts';
import { keepForOffline } from './offline.ts';

const STORAGE_KEY = 'papershelf-reading-list';
/** Fired on window when the list changes; every script on the page (site, Saved page) listens for it. */
const CHANGE_EVENT = 'papershelf:reading-list';
type Status = 'saved' | 'read';
const LABELS: Record<Status, string> = { saved: 'Save', read: 'Read' };

interface PaperRef {
  slug: string;
  title: string;
  /** The paper page's address, for keeping it offline. */
  href: string;
}

export function loadReadingList(): ReadingList {
  try {
    const text = localStorage.getItem(STORAGE_KEY);
    return text ? readStoredList(text) : emptyReadingList();
  } catch {
    // Unavailable storage (private mode) or a damaged entry: start empty rather than break the page.
    return emptyReadingList();
  }
}

/** Why the browser refused to store the list: its storage for the site is full, or off (private mode, settings). */
export type StorageRefusal = 'full' | 'off';

/** What a reader is told when the list could not be stored. */
export const REFUSAL_MESSAGES: Record<StorageRefusal, string> = {
  full: 'this browser’s storage for this site is full',
  off: 'this browser does not allow saving here (storage is off)',
};

const isQuotaError = (error: unknown): boolean =>
  error instanceof DOMException && (error.name === 'QuotaExceededError' || error.name === 'NS_ERROR_DOM_QUOTA_REACHED');

/** Stores the list and tells the page; says why when the browser refuses. */
export function storeReadingList(list: ReadingList): StorageRefusal | null {
  try {
    localStorage.setItem(STORAGE_KEY, serializeReadingList(list));
  } catch (error) {
    return isQuotaError(error) ? 'full' : 'off';
  }
  window.dispatchEvent(new Event(CHANGE_EVENT));
  return null;
}

/** Runs `listener` whenever the reading list changes, in this tab or another. */
export function onReadingListChange(listener: () => void): void {
  window.addEventListener(CHANGE_EVENT, listener);
  window.addEventListener('storage', (event) => {
    if (event.key === STORAGE_KEY || event.key === null) listener();
  });
}

/** Says what changed to screen readers (and shows nothing on screen). */
function announce(message: string): void {
  let announcer = document.getElementById('reading-status-announcer');
  if (!announcer) {
    announcer = Object.assign(document.createElement('div'), { id: 'reading-status-announcer', className: 'visually-hidden' });
    announcer.setAttribute('role', 'status');
    document.body.append(announcer);
  }
  announcer.textContent = message;
}

function toggle(paper: PaperRef, status: Status): void {
  const current = loadReadingList();
  const on = !(current.get(paper.slug)?.[status] ?? false);
  const list = setStatus(current, paper, { [status]: on }, new Date());
  const refusal = storeReadingList(list);
  if (refusal) {
    announce(`Not saved: ${REFUSAL_MESSAGES[refusal]}.`);
    return;
  }
  const entry = list.get(paper.slug);
  announce(`${paper.title}: ${entry?.saved ? 'saved' : 'not saved'}, ${entry?.read ? 'read' : 'not read'}`);
  // A saved paper should open on a plane: ask the service worker (when there is one) to keep it.
  if (status === 'saved' && on) keepForOffline([paper.href]);
}

/** The paper a card stands for, from its title link (which works whether the link is shortened or not). */
function cardPaper(card: Element): PaperRef | null {
  const link = card.querySelector<HTMLAnchorElement>('.paper-card-title a');
  const slug = link && slugFromPath(new URL(link.href, location.href).pathname);
  return slug ? { slug, title: link.textContent?.trim() ?? slug, href: link.href } : null;
}

/** The paper this page is about, on a paper page. */
function pagePaper(): PaperRef | null {
  const slug = slugFromPath(location.pathname);
  const title = document.querySelector('.paper-header h1')?.textContent?.trim();
  return slug && title ? { slug, title, href: location.href } : null;
}

function statusControls(paper: PaperRef, className: string): HTMLElement {
  const group = document.createElement('div');
  group.className = className;
  group.setAttribute('role', 'group');
  group.setAttribute('aria-label', `Reading status of ${paper.title}`);
  for (const status of ['saved', 'read'] as const) {
    const button = Object.assign(document.createElement('button'), { type: 'button', className: 'status-toggle' });
    button.dataset['status'] = status;
    button.setAttribute('aria-pressed', 'false');
    const mark = Object.assign(document.createElement('span'), { className: 'status-mark' });
    mark.setAttribute('aria-hidden', 'true');
    button.append(mark, LABELS[status]);
    button.addEventListener('click', () => toggle(paper, status));
    group.append(button);
  }
  group.dataset['slug'] = paper.slug;
  return group;
}

/** Shows the stored status on every set of controls and card on the page. */
function showStatus(): void {
  const list = loadReadingList();
  for (const group of document.querySelectorAll<HTMLElement>('.reading-status')) {
    const entry = list.get(group.dataset['slug'] ?? '');
    for (const button of group.querySelectorAll<HTMLButtonElement>('[data-status]')) {
      button.setAttribute('aria-pressed', String(entry?.[button.dataset['status'] as Status] ?? false));
    }
    group.closest('.paper-card')?.classList.toggle('is-read', entry?.read ?? false);
  }
}

/** Adds status controls to cards that have none yet (lists, search results, the Saved page). */
export function addStatusToCards(root: ParentNode = document): void {
  for (const card of root.querySelectorAll<HTMLElement>('.paper-card')) {
    if (card.querySelector('.reading-status')) continue;
    const paper = cardPaper(card);
    if (paper) card.append(statusControls(paper, 'reading-status in-card'));
  }
  showStatus();
}

/** The paper the keyboard acts on: the focused card's, or this page's. */
function keyboardTarget(): PaperRef | null {
  const card = document.activeElement?.closest('.paper-card');
  return card ? cardPaper(card) : pagePaper();
}

/** For the `s` and `r` keys: toggles saved or read on the selected paper (or this paper's page). */
export function toggleSelected(status: Status): void {
  const paper = keyboardTarget();
  if (paper) toggle(paper, status);
}

export function setUpReadingStatus(): void {
  const paper = pagePaper();
  const actions = document.querySelector('.paper-header .paper-actions');
  if (paper && actions) actions.prepend(statusControls(paper, 'reading-status'));
  addStatusToCards();
  onReadingListChange(showStatus);
  // Cards added later (search results) get their controls as they appear.
  for (const list of document.querySelectorAll('[data-search-results]')) {
    new MutationObserver(() => addStatusToCards(list)).observe(list, { childList: true });
  }
}
