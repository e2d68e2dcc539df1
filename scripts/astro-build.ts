/**
 * Astro's build as `npm run build` (scripts/build.ts) runs it: warnings and errors only, since a line
 * per page is noise at thousands of papers and costs time; src/integrations/build-script-steps.ts
 * reports progress instead, and holds rendering until Pagefind is done.
 */
import { build } from 'astro';
import { buildScriptSteps } from '../src/integrations/build-script-steps.ts';

/** An error as Astro's own command line would show it: what, where, and its hint. */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const { loc, hint } = error as Error & { loc?: { file?: string; line?: number; column?: number }; hint?: string };
  const where = loc?.file ? `\n  at ${loc.file}${loc.line ? `:${loc.line}${loc.column ? `:${loc.column}` : ''}` : ''}` : '';
  return `${error.name}: ${error.message}${where}${hint ? `\n  hint: ${hint}` : ''}`;
}

try {
  await build({ logLevel: 'warn', integrations: [buildScriptSteps()] });
} catch (error) {
  console.error(`astro: ${describe(error)}`);
  process.exitCode = 1;
}
