/**
 * The start of a text, at most `max` characters with its ellipsis, cut at a word boundary: for
 * list cards and link previews. Counted in code points, so a cut never splits a surrogate pair
 * (an emoji or a rare CJK character would otherwise show as U+FFFD in link previews).
 */
export function excerpt(text: string, max: number): string {
  // Walks at most max + 1 code points: a card needs the start of an abstract, never all of it.
  let count = 0;
  /** UTF-16 length of the first max - 1 code points, the most an excerpt keeps before its ellipsis. */
  let kept = 0;
  for (const char of text) {
    count += 1;
    if (count > max) {
      const cut = text.slice(0, kept);
      // Back to the last white space, unless the text has none to cut at.
      const atWord = cut.replace(/\s+\S*$/u, '');
      return `${atWord === '' ? cut : atWord}…`;
    }
    if (count < max) kept += char.length;
  }
  return text;
}
