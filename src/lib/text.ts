/** A count as the site and ingest show it, with thousands separators: "10,000". */
export const formatCount = (count: number): string => count.toLocaleString('en');

/**
 * A count with its noun, singular for exactly one: `plural(1, 'paper')` is "1 paper",
 * `plural(3, 'entry', 'entries')` is "3 entries", `plural(10000, 'paper')` is "10,000 papers".
 */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${formatCount(count)} ${count === 1 ? singular : pluralForm}`;
}
