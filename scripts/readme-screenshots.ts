/**
 * `node scripts/readme-screenshots.ts`: the screenshots README.md shows, taken from the built site
 * (`npm run build` first): the Saved page after saving and reading papers in a theme list, over
 * http, and search from disk (file://).
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchChromium, serveSite } from './lib/browser.ts';

const dist = resolve('dist');
const outDir = resolve('docs');
mkdirSync(outDir, { recursive: true });
const server = await serveSite(dist);
const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: 1000, height: 760 }, colorScheme: 'light' });

// Reading status: save two papers and mark one read in a theme list, then open the Saved page.
await page.goto(`${server.url}themes/lora/`, { waitUntil: 'networkidle' });
const cards = page.locator('.paper-card');
await cards.nth(0).getByRole('button', { name: 'Save', exact: true }).click();
await cards.nth(1).getByRole('button', { name: 'Read', exact: true }).click();
await cards.nth(2).getByRole('button', { name: 'Save', exact: true }).click();
await page.goto(`${server.url}saved/`, { waitUntil: 'networkidle' });
await page.screenshot({ path: join(outDir, 'saved-page.png') });

// Search from disk: the search page opened from the file system, with a theme filter.
await page.goto(`${pathToFileURL(join(dist, 'search/index.html')).href}?q=quantization&theme=LoRA`);
await page.locator('[data-search-results] > li').first().waitFor();
await page.screenshot({ path: join(outDir, 'search-from-disk.png') });

await browser.close();
await server.close();
console.log(`screenshots in ${outDir}`);
