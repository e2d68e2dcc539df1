import { formatCount } from './text.ts';

/**
 * Progress lines for the long steps of a build, on stderr: `<step>: <what> <done>/<total>` about
 * every tenth of the work, so a long build never looks stuck. Runs smaller than `threshold` stay quiet.
 */
export function progressReporter(
  step: string,
  what: string,
  threshold: number,
): (done: number, total: number, detail?: string) => void {
  let next: number | undefined;
  return (done, total, detail) => {
    if (total < threshold) return;
    next ??= Math.ceil(total / 10);
    if (done >= next || done === total) {
      console.error(`${step}: ${what} ${formatCount(done)}/${formatCount(total)}${detail === undefined ? '' : ` (${detail})`}`);
      next = done + Math.ceil(total / 10);
    }
  };
}
