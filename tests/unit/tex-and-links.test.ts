import { describe, expect, it } from 'vitest';
import { inlinesToText, toInlines } from '../../src/lib/ingest/abstract-text.ts';
import { texToText } from '../../src/lib/ingest/tex.ts';

describe('texToText renders TeX residue as meant', () => {
  it.each([
    ['by 5.84\\% and 1.96\\%.', 'by 5.84% and 1.96%.'],
    ["a novel theory, ``Weight Guide'' aimed", 'a novel theory, “Weight Guide” aimed'],
    ['could be ``reprogrammed" to', 'could be “reprogrammed” to'],
    ["called `model zoos' - are", 'called ‘model zoos’ - are'],
    ['following a~failure event, e.g.,~SVD', 'following a failure event, e.g., SVD'],
    ['up to $5.18\\times$ faster', 'up to 5.18× faster'],
    ['up to 5.18\\times$ latency and 42.9%$ energy', 'up to 5.18× latency and 42.9% energy'],
    ['tasks. \\textcolor[rgb]{1, 0, 0}{Code available}.', 'tasks. Code available.'],
    ['({\\epsilon}, {\\delta})-approximation', '(ε, δ)-approximation'],
    ['from {\\em parameter and retrieval} levels', 'from parameter and retrieval levels'],
    ['conditions B (\\eg, Indoors)', 'conditions B (e.g., Indoors)'],
  ])('%s', (input, expected) => {
    expect(texToText(input)).toBe(expected);
  });

  it.each([
    ['with ~3x better throughput', 'a tilde meaning "about"'],
    ['\\prjname can fine-tune', 'an unknown macro'],
    ['search efficiency. %However, the macro', 'a TeX comment'],
    ["prior work's approach", 'an apostrophe'],
    ['it costs $5 per run', 'a dollar amount'],
    ['<projektor> and *two-stage* and `code`', 'markup-like text'],
    ['a divider ~~~ between', 'a run of tildes'],
    ['strike~~~through and x~~y', 'tildes run into words'],
  ])('keeps %s literally (%s)', (input) => {
    expect(texToText(input)).toBe(input);
  });
});

describe('toInlines turns bare URLs into links', () => {
  const links = (text: string) => toInlines(text).flatMap((inline) => (inline.type === 'link' ? [inline.url] : []));

  it.each([
    ['Code: https://github.com/a/b.', 'https://github.com/a/b'],
    ['docs (http://rankify.readthedocs.io/), more', 'http://rankify.readthedocs.io/'],
    ['at https://github.com/NVIDIA/Megatron-LM#retro.', 'https://github.com/NVIDIA/Megatron-LM#retro'],
    ['accessible https://anonymous.4open.science/r/TangleNAS-527C{here}', 'https://anonymous.4open.science/r/TangleNAS-527C'],
    ['see https://x.org/~user/a_b?q=1; next', 'https://x.org/~user/a_b?q=1'],
  ])('%s', (text, url) => {
    expect(links(text)).toEqual([url]);
  });

  it('keeps all the text around links, TeX rendered outside URLs only', () => {
    const text = 'tasks. \\textcolor[rgb]{1, 0, 0}{Code available at http://www.bhchen.cn/}.';
    expect(inlinesToText(toInlines(text))).toBe('tasks. Code available at http://www.bhchen.cn/.');
    expect(links(text)).toEqual(['http://www.bhchen.cn/']);
    expect(inlinesToText(toInlines('at https://x.org/a~b/c~d now'))).toBe('at https://x.org/a~b/c~d now');
  });

  it('links nothing that is not an http(s) URL', () => {
    expect(links('mail a@b.com or visit www.example.com or javascript:alert(1)')).toEqual([]);
  });
});
