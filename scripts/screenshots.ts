/**
 * `node scripts/screenshots.ts [out-dir]`: screenshots of every page type of the built site, light
 * and dark, desktop and phone, for checking the design by eye. Needs `npm run build` first.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launchChromium, serveSite } from './lib/browser.ts';

const outDir = resolve(process.argv[2] ?? 'screenshots');
mkdirSync(outDir, { recursive: true });
const pages: Record<string, string> = {
  home: '',
  theme: 'themes/lora/',
  all: 'papers/date/2/',
  paper: 'papers/performance-scaling-via-optimal-transport-enabling-data-selection-from-partially/',
  search: 'search/?q=quantization',
  about: 'about/',
  missing: 'no-such-page/',
};
const viewports = { desktop: { width: 1280, height: 900 }, phone: { width: 360, height: 780 } };

const server = await serveSite(resolve('dist'));
const browser = await launchChromium();
for (const scheme of ['light', 'dark'] as const) {
  for (const [device, viewport] of Object.entries(viewports)) {
    const page = await browser.newPage({ viewport, colorScheme: scheme });
    for (const [name, path] of Object.entries(pages)) {
      await page.goto(`${server.url}${path}`, { waitUntil: 'networkidle' });
      await page.screenshot({
        path: join(outDir, `${name}-${scheme}-${device}.png`),
        fullPage: device === 'phone' ? false : true,
      });
    }
    await page.close();
  }
}
await browser.close();
await server.close();
console.log(`screenshots in ${outDir}`);
