import { seededRandom } from '../../bench/synthetic-dumps.ts';

/**
 * Text that makes careless code slow: long runs of one kind of character, where a regular
 * expression can be tried at every position and scan to the end of the run each time, and
 * repetitions that make a loop rescan what it has seen. Each generator gives exactly `length`
 * characters, the same every time.
 */
export const PATHOLOGICAL_TEXTS: Readonly<Record<string, (length: number) => string>> = {
  'a run of capitals': (length) => 'A'.repeat(length),
  'a run of digits': (length) => '7'.repeat(length),
  'one giant lowercase token': (length) => 'x'.repeat(length),
  'DNA-like text': (length) => {
    const random = seededRandom(42);
    return Array.from({ length }, () => 'ACGT'[Math.floor(random() * 4)]).join('');
  },
  'repeated contribution sentences': (length) => cut('We propose LoRA. ', length),
  // Each `Fed` starts a signal (`Fed\w+`) that runs to the end, where the letter é fails it.
  'word pieces ending in a letter \\w does not match': (length) => `${cut('Fed', length - 1)}é`,
  'words joined by underscores': (length) => `${cut('prun_', length - 1)}é`,
  // Evidence reaches back across hyphens to the start of a compound (wholeCompound in classify.ts).
  'words joined by hyphens': (length) => `${cut('ab-prun-', length - 1)}é`,
  'digits between spaces': (length) => cut('12345678 ', length),
  'capitals between hyphens': (length) => cut('QLORA-', length),
  'TeX commands with an open option': (length) => cut('\\textcolor[', length),
  'TeX groups that never close': (length) => cut('\\textbf{{\\em ``x`$~', length),
  'TeX escapes, ties and math': (length) => cut("a~b \\% $5\\times$ {\\delta} ``q'' ", length),
  'URLs back to back': (length) => cut('https://a.io/x~{y}', length),
  'Markdown and HTML look-alikes': (length) => cut('*_[`<a&#x;](', length),
  'one space-free sentence end after another': (length) => cut('A.B!C?', length),
};

function cut(unit: string, length: number): string {
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}
