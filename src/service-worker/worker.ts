/**
 * The service worker that lets a hosted copy of the site open offline: it precaches the shell
 * (styles, scripts, icon, the main pages and the offline page) when it installs, caches every page
 * and file of the site the reader opens, and fetches the pages a page asks it to keep.
 *
 * Network first: online, every request goes to the host and the cache only keeps a copy, so a
 * reader always sees the current build, and a page and its styles and scripts always come from the
 * same build (those files keep their names from build to build, so serving them from the cache
 * while the page came from the host could mix two builds). Offline, the cache answers, and a page
 * that was never cached gets the offline page instead of the browser's error.
 *
 * Each build has its own cache, named after a hash of the built site: a new build installs a new
 * worker, which precaches the new shell and fetches again, from the new build, every page the
 * reader had cached, then takes over at once and deletes the older caches. Offline, a reader only
 * ever sees one build.
 *
 * Compiled by src/integrations/offline-cache.ts into `sw.js` at the site root.
 */
import { cacheKey, cachePrefix, KEEP_MESSAGE, OFFLINE_PAGE, PAGE_MARKER_HTML, type KeepMessage } from './protocol.ts';

/** Set at build time: a hash of the built site, the shell's paths and Pagefind's index files, from the site root. */
declare const __PAPERSHELF_VERSION__: string;
declare const __PAPERSHELF_SHELL__: string[];
declare const __PAPERSHELF_SEARCH__: string[];

// The project compiles with the DOM library, which lacks the service-worker types (the webworker
// library conflicts with it), so the few used here are declared.
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  respondWith(response: Promise<Response>): void;
}
interface ExtendableMessageEvent extends ExtendableEvent {
  readonly data: unknown;
}
interface ServiceWorkerScope {
  readonly location: { readonly href: string };
  readonly clients: {
    claim(): Promise<void>;
    matchAll(options: { type: 'window'; includeUncontrolled: boolean }): Promise<readonly { readonly url: string }[]>;
  };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
  addEventListener(type: 'message', listener: (event: ExtendableMessageEvent) => void): void;
}

const worker = self as unknown as ServiceWorkerScope;
/** The site root: the worker's folder, which is also its scope. */
const ROOT = new URL('./', worker.location.href).href;
const PREFIX = cachePrefix(ROOT);
const CACHE = `${PREFIX}${__PAPERSHELF_VERSION__}`;
const SHELL = __PAPERSHELF_SHELL__.map((path) => new URL(path, ROOT).href);
const OFFLINE = new URL(OFFLINE_PAGE, ROOT).href;

const inSite = (url: string): boolean => url.startsWith(ROOT);
/**
 * Whether a response is one of this site's files, worth keeping: not an error, not redirected (a
 * redirected response cannot answer a navigation from the cache), and, when it is HTML, one of the
 * site's pages, which all carry PAGE_MARKER_HTML. A captive portal's login page answers any address
 * with 200 and HTML, for a page, a stylesheet or Pagefind's files alike: it is never kept.
 */
async function worthKeeping(response: Response): Promise<boolean> {
  if (!response.ok || response.redirected) return false;
  if (!(response.headers.get('content-type') ?? '').startsWith('text/html')) return true;
  return (await response.clone().text()).includes(PAGE_MARKER_HTML);
}

/** Puts a response in the cache if it is worth keeping; says whether it did. */
async function put(cache: Cache, url: string, response: Response): Promise<boolean> {
  if (!(await worthKeeping(response))) return false;
  await cache.put(cacheKey(url), response);
  return true;
}
/**
 * A request to the host that checks with it (a conditional request, answered with "not modified" when
 * nothing changed) rather than trusting the browser's HTTP cache, which may hold files of the previous
 * build for as long as the host allows (10 minutes on GitHub Pages): after a deploy the reader gets the
 * new build at once, and the worker never caches an old file under the new build's name. A navigation
 * cannot be copied with changes, so it is rebuilt from its address, leaving redirects to the browser.
 */
const fresh = (request: Request | string): Request =>
  typeof request !== 'string' && request.mode === 'navigate'
    ? new Request(request.url, { cache: 'no-cache', redirect: 'manual' })
    : new Request(request, { cache: 'no-cache' });

/**
 * This build's cache, opened once per run of the worker and only if it exists (install creates it).
 * When it is deleted while the worker runs (by a newer build's worker, or by a page of a build without
 * offline reading), the worker keeps writing into the deleted cache, which nothing reads, rather than
 * creating it again under its name.
 */
let ownCache: Promise<Cache | undefined> | undefined;
const openOwnCache = (): Promise<Cache | undefined> =>
  (ownCache ??= caches.has(CACHE).then((exists) => (exists ? caches.open(CACHE) : undefined)));

/** Fetches pages of the site from the host and caches them; one that fails is skipped, not fatal. */
async function keep(cache: Cache | undefined, urls: readonly string[]): Promise<void> {
  if (!cache) return;
  await Promise.all(
    urls.map(async (url) => {
      try {
        await put(cache, url, await fetch(fresh(url)));
      } catch {
        // Offline, or the page is gone: it is simply not kept.
      }
    }),
  );
}

/** What the reader had in earlier builds' caches, besides their shells. */
async function keptByEarlierBuilds(): Promise<string[]> {
  const urls = new Set<string>();
  for (const name of await caches.keys()) {
    if (!name.startsWith(PREFIX) || name === CACHE) continue;
    for (const request of await (await caches.open(name)).keys()) urls.add(request.url);
  }
  return [...urls].filter((url) => !SHELL.includes(url));
}

worker.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      // All or nothing: if the shell cannot be fetched, this worker is dropped and the current one stays.
      const cache = await (ownCache = caches.open(CACHE));
      await Promise.all(
        SHELL.map(async (url) => {
          if (!(await put(cache, url, await fetch(fresh(url))))) throw new Error(`${url} is not this site's file`);
        }),
      );
      // A reader who has searched gets this build's search index (its files are renamed when it
      // changes), so earlier searches still run offline; others do not pay for it.
      const earlier = await keptByEarlierBuilds();
      const searched = earlier.some((url) => url.startsWith(new URL('pagefind/', ROOT).href));
      await keep(cache, [...earlier, ...(searched ? __PAPERSHELF_SEARCH__.map((path) => new URL(path, ROOT).href) : [])]);
      await worker.skipWaiting();
    })(),
  );
});

worker.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
      await worker.clients.claim();
      // The pages open while the worker installed were loaded without it: keep them too.
      const windows = await worker.clients.matchAll({ type: 'window', includeUncontrolled: true });
      await keep(await openOwnCache(), windows.map((window) => window.url).filter(inSite));
    })(),
  );
});

async function networkFirst(event: FetchEvent): Promise<Response> {
  const { request } = event;
  const key = cacheKey(request.url);
  try {
    const response = await fetch(fresh(request));
    const copy = response.clone();
    event.waitUntil(openOwnCache().then((cache) => cache && put(cache, key, copy)));
    return response;
  } catch {
    const cached =
      (await caches.match(key, { cacheName: CACHE })) ??
      (request.mode === 'navigate' ? await caches.match(OFFLINE, { cacheName: CACHE }) : undefined);
    return cached ?? Response.error();
  }
}

worker.addEventListener('fetch', (event) => {
  if (event.request.method !== 'GET' || !inSite(event.request.url)) return;
  event.respondWith(networkFirst(event));
});

worker.addEventListener('message', (event) => {
  const message = event.data as Partial<KeepMessage> | null;
  if (message?.type !== KEEP_MESSAGE || !Array.isArray(message.urls)) return;
  const urls = message.urls.flatMap((url: unknown) => (typeof url === 'string' && URL.canParse(url) ? [new URL(url).href] : []));
  event.waitUntil(openOwnCache().then((cache) => keep(cache, urls.filter(inSite))));
});
