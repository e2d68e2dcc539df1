/**
 * The start of a text, at most `max` characters with its ellipsis, cut at a word boundary: for
 * list cards and link previews. Counted in code points, so a cut never splits a surrogate pair
 * (an emoji or a rare CJK character would otherwise show as U+FFFD in link previews).
 */
export function excerpt(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  const cut = chars.slice(0, max - 1).join('');
  // Back to the last white space, unless the text has none to cut at.
  const atWord = cut.replace(/\s+\S*$/u, '');
  return `${atWord === '' ? cut : atWord}…`;
}
