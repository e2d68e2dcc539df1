/**
 * Orders strings by UTF-16 code unit (JavaScript's own string order), the same on every machine and
 * locale: what deterministic output needs (localeCompare depends on the ICU data of the Node that
 * runs it). It differs from code point order only between characters beyond U+FFFF and U+E000–U+FFFF.
 */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
