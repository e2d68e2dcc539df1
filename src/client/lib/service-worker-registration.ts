/**
 * Starts the offline service worker (src/service-worker/worker.ts) on a hosted site. Base.astro marks
 * each page with the worker's file, relative to the page (or to the <base> of the pages served at any
 * address): `data-sw` in a build that has the worker, `data-sw-off` in one that has not (offline
 * reading turned off, or `astro dev`). There, a worker left by an earlier build, or by `astro preview`
 * at the same address as `astro dev`, is removed with its caches, so it cannot serve stale files.
 * Nothing happens from disk (file://), where service workers cannot run. This is on every page: keep it tiny.
 */
import { cachePrefix } from '../../service-worker/protocol.ts';

export function registerServiceWorker(): void {
  const { sw, swOff } = document.documentElement.dataset;
  const file = sw ?? swOff;
  if (!file || !location.protocol.startsWith('http') || !('serviceWorker' in navigator)) return;
  const script = new URL(file, document.baseURI).href;
  const workers = navigator.serviceWorker;
  const removeLeftover = async (): Promise<void> => {
    const registration = await workers.getRegistration(script);
    if (registration?.active?.scriptURL !== script) return;
    await registration.unregister();
    const prefix = cachePrefix(new URL('./', script).href);
    for (const name of await caches.keys()) if (name.startsWith(prefix)) await caches.delete(name);
  };
  // Offline reading is an extra: when the browser refuses it (storage off, private mode), the site works as before.
  (sw ? workers.register(script) : removeLeftover()).catch(() => {});
}
