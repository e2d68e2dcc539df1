/**
 * A count with its noun, singular for exactly one: `plural(1, 'paper')` is "1 paper",
 * `plural(3, 'entry', 'entries')` is "3 entries".
 */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}
