/**
 * The Content-Security-Policy the site works under, for hosts that can send the header (README
 * shows it; a browser test serves every page type with it): everything from the site itself,
 * WebAssembly for Pagefind, and the fixed inline scripts by their hashes.
 */
import { createHash } from 'node:crypto';
import { INLINE_SCRIPTS } from './inline-scripts.ts';

const scriptHash = (script: string): string => `'sha256-${createHash('sha256').update(script).digest('base64')}'`;

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${INLINE_SCRIPTS.map(scriptHash).join(' ')}`,
  "style-src 'self'",
  "img-src 'self' data:",
].join('; ');
