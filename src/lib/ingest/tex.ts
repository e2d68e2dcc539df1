/**
 * Renders the TeX residue found in scraped abstracts as it was meant to read. Only constructs
 * whose meaning is certain are rewritten; anything else (an unknown macro such as `\prjname`,
 * a TeX comment `%However`) stays literally, so no text is ever lost.
 */

/** Symbol commands and the character they print. */
const SYMBOLS: Readonly<Record<string, string>> = {
  times: '×',
  cdot: '·',
  pm: '±',
  approx: '≈',
  sim: '∼',
  leq: '≤',
  le: '≤',
  geq: '≥',
  ge: '≥',
  neq: '≠',
  infty: '∞',
  rightarrow: '→',
  to: '→',
  ldots: '…',
  dots: '…',
  alpha: 'α',
  beta: 'β',
  gamma: 'γ',
  delta: 'δ',
  epsilon: 'ε',
  varepsilon: 'ε',
  eta: 'η',
  theta: 'θ',
  lambda: 'λ',
  mu: 'μ',
  pi: 'π',
  rho: 'ρ',
  sigma: 'σ',
  tau: 'τ',
  phi: 'φ',
  psi: 'ψ',
  omega: 'ω',
  Delta: 'Δ',
  Theta: 'Θ',
  Phi: 'Φ',
  Psi: 'Ψ',
  Omega: 'Ω',
};

/** Abbreviation macros common in ML papers. */
const ABBREVIATIONS: Readonly<Record<string, string>> = {
  eg: 'e.g.',
  ie: 'i.e.',
  etal: 'et al.',
  etc: 'etc.',
  vs: 'vs.',
  wrt: 'w.r.t.',
};

/**
 * Commands whose last braced argument is their visible text: `\textcolor[rgb]{1,0,0}{text}` -> text.
 * The option stops at `[`, as the groups stop at braces: a scan from one `\textcolor[` never runs
 * past the next, so a text of unclosed options is read once, not once per option.
 */
const TEXT_COMMANDS =
  /\\(?:textcolor(?:\[[^[\]{}]*\])?\{[^{}]*\}|textbf|textit|textsc|texttt|emph|underline|text|mathrm|mathbf|mathit)\{([^{}]*)\}/gu;
/** Old-style font switches: `{\em text}` -> text. */
const FONT_SWITCHES = /\{\\(?:em|it|bf|sc|tt|rm)\s+([^{}]*)\}/gu;
const ESCAPED_CHARACTERS = /\\([%&_#${}])/gu;
const NAMED_COMMAND = /\\([A-Za-z]+)(?![A-Za-z])(\{\})?/gu;
/** `{\delta}`: braces left around a single rendered symbol. */
const BRACED_SYMBOL = /\{([^\s{}\\])\}/gu;
/** Inline math with no spaces inside: `$5.18\times$`. */
const INLINE_MATH = /(^|[\s([])\$([^\s$]{1,40})\$(?=$|[\s.,;:!?)\]])/gu;
/** A math delimiter left behind after a number: `42.9%$ energy`. */
const STRAY_CLOSING_DOLLAR = /(?<=[\d%×])\$(?=$|[\s.,;:!?)\]])/gu;
const DOUBLE_QUOTES = /``([^`'"]*?)(?:''|")/gu;
const SINGLE_QUOTES = /`([^`']*?)'(?![A-Za-z])/gu;
/**
 * A tie between two words: `a~failure`. A `~` before a number after a space means "about" and
 * stays, and so does a run of tildes (`~~~`, a divider or strike-through, never a tie).
 */
const TIE = /(?<=[^\s~])~(?=[^\s~])/gu;

/**
 * Unwraps TeX groups whose content is plain text (`\textcolor[rgb]{1, 0, 0}{text}`, `{\em text}`).
 * Safe to run over URLs too: it only removes the command and its braces.
 */
export function unwrapTexGroups(input: string): string {
  return input.replace(TEXT_COMMANDS, '$1').replace(FONT_SWITCHES, '$1');
}

/** Renders TeX residue in a run of text (no URLs in it) as it was meant to read. */
export function texToText(input: string): string {
  return unwrapTexGroups(input)
    .replace(INLINE_MATH, '$1$2')
    .replace(NAMED_COMMAND, (whole: string, name: string) => SYMBOLS[name] ?? ABBREVIATIONS[name] ?? whole)
    .replace(BRACED_SYMBOL, (whole: string, symbol: string) => (isRenderedSymbol(symbol) ? symbol : whole))
    .replace(STRAY_CLOSING_DOLLAR, '')
    .replace(ESCAPED_CHARACTERS, '$1')
    .replace(DOUBLE_QUOTES, '“$1”')
    .replace(SINGLE_QUOTES, '‘$1’')
    .replace(TIE, ' ');
}

const RENDERED_SYMBOLS = new Set(Object.values(SYMBOLS));
function isRenderedSymbol(text: string): boolean {
  return RENDERED_SYMBOLS.has(text);
}
