import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import sirv from 'sirv';

/** Debian's Chromium; browser downloads do not work here, so tests drive the system one. */
export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export const hasChromium = (): boolean => existsSync(CHROMIUM_PATH);

/** Flags that keep Chromium off the network it cannot reach here (updates, sync, QUIC). */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/**
 * The features Playwright turns off (its `chromiumSwitches`), repeated here because Chromium keeps
 * only the last `--disable-features` it is given, and two more: the address bar's WebUI popups. Each
 * browser context is a window of its own, and every window started a renderer for those popups,
 * which a headless window never shows, on the same cores as the pages under test (figures in
 * docs/performance.md, "The test suite"). tests/browser/chromium-flags.test.ts checks that this list
 * still holds every feature Playwright disables.
 */
const DISABLED_FEATURES = [
  'AimEnabled',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsFirstBalancedModeAutoEnable',
  'HttpsUpgrades',
  'LensOverlay',
  'MediaRouter',
  'NetworkTimeServiceQuerying',
  'OptimizationHints',
  'PaintHolding',
  'PreconnectToSearch',
  'TcpPortRandomizationWin',
  'ThirdPartyStoragePartitioning',
  'msEdgeUpdateLaunchServicesPreferredVersion',
  'msForceBrowserSignIn',
  'WebUIOmniboxAimPopup',
  'WebUIOmniboxPopup',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS, `--disable-features=${DISABLED_FEATURES.join(',')}`],
    headless: true,
  });
}

export interface StaticServer {
  /** The URL of the site root, base path included. */
  url: string;
  /** Serves another build at the same address from now on, as a deploy does. */
  deploy(dir: string): void;
  /**
   * Unreachable, the host drops every request unanswered. With `context.setOffline(true)` this takes
   * a page offline: Playwright's offline mode does not reach service workers, which fetch on their own.
   */
  setReachable(reachable: boolean): void;
  /**
   * Answers every request with this page and status 200, as a captive portal's login page does
   * (null: serve the site again).
   */
  setPortal(html: string | null): void;
  close(): Promise<void>;
}

/**
 * Browsers may keep files but must check them with the server before each use, as on Netlify or
 * Cloudflare Pages. Without a Cache-Control header they would reuse a file for a while on a guess
 * based on its age, so which build a test sees after a deploy would depend on timing.
 */
const serveFiles = (dir: string) => sirv(dir, { dev: false, etag: true, maxAge: 0, extensions: ['html'] });

/**
 * Serves a built site on loopback under `base`, with its 404 page for unknown paths, and `headers`
 * on every response (a Content-Security-Policy, say).
 */
export async function serveSite(dir: string, base = '/', headers: Record<string, string> = {}): Promise<StaticServer> {
  let site = { dir, files: serveFiles(dir) };
  let reachable = true;
  let portal: string | null = null;
  const server: Server = createServer((request, response) => {
    if (!reachable) {
      request.socket.destroy();
      return;
    }
    if (portal !== null) {
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
      response.end(portal);
      return;
    }
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
    const url = request.url ?? '/';
    if (!url.startsWith(base)) {
      response.statusCode = 404;
      response.end('outside the base path');
      return;
    }
    request.url = `/${url.slice(base.length)}`;
    const { dir: root, files } = site;
    files(request, response, () => {
      response.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' });
      response.end(readFileSync(join(root, '404.html')));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${base}`,
    deploy: (next) => {
      site = { dir: next, files: serveFiles(next) };
    },
    setReachable: (value) => {
      reachable = value;
    },
    setPortal: (html) => {
      portal = html;
    },
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        // Browsers keep connections alive; close them so the server stops now.
        server.closeAllConnections();
      }),
  };
}
