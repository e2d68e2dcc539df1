/**
 * Orders strings by code point, the same on every machine and locale: what deterministic output
 * needs (localeCompare depends on the ICU data of the Node that runs it).
 */
export function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
