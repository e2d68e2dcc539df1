/**
 * Keeping pages for offline reading on a hosted site. The service worker (src/service-worker/worker.ts)
 * keeps every page the reader opens; this asks it to keep pages the reader has not opened, such as
 * a paper they saved.
 */
import { KEEP_MESSAGE, type KeepMessage } from '../../service-worker/protocol.ts';

/**
 * Asks the service worker to fetch these pages of the site (absolute URLs) and keep them for reading
 * offline. Does nothing without a worker in charge of the page: from disk, with offline reading turned
 * off, or on the reader's very first page, before the worker has taken over.
 */
export function keepForOffline(urls: string[]): void {
  const message: KeepMessage = { type: KEEP_MESSAGE, urls };
  navigator.serviceWorker?.controller?.postMessage(message);
}
