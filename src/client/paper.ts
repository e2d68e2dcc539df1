/** Paper page: the copy-link button, and highlighting the words a search result was opened for. */

/** Copies to the clipboard; false when the browser refuses, and the page then shows the link to copy by hand. */
async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

function setUpCopyLink(): void {
  const button = document.querySelector<HTMLButtonElement>('[data-copy-link]');
  const status = document.querySelector<HTMLElement>('[data-copy-status="link"]');
  if (!button || !status) return;
  button.addEventListener('click', async () => {
    // The permanent address is the page's canonical URL (the address bar may hold a search's highlight).
    const url = document.querySelector<HTMLLinkElement>('link[rel="canonical"]')!.href;
    status.textContent = (await copyText(url)) ? 'Link copied' : `Copy this link: ${url}`;
  });
}

/** "Copy BibTeX": copies the entry shown on the page; if the browser refuses, selects it for copying by hand. */
function setUpCopyBibtex(): void {
  const button = document.querySelector<HTMLButtonElement>('[data-copy-from="bibtex"]');
  const source = document.querySelector<HTMLElement>('[data-copy-source="bibtex"]');
  const status = document.querySelector<HTMLElement>('[data-copy-status="bibtex"]');
  if (!button || !source || !status) return;
  button.addEventListener('click', async () => {
    if (await copyText(source.textContent ?? '')) {
      status.textContent = 'BibTeX copied';
      return;
    }
    getSelection()?.selectAllChildren(source);
    status.textContent = 'Selected: press Ctrl+C (or ⌘C) to copy';
  });
}

function escapeForRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

/** Wraps every occurrence of the terms inside `root` in <mark>, touching text nodes only. */
export function highlight(root: Element, terms: readonly string[]): number {
  const words = terms.map((term) => term.trim()).filter((term) => term.length > 1);
  if (words.length === 0) return 0;
  const pattern = new RegExp(`(${words.map(escapeForRegExp).join('|')})`, 'giu');
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  while (walker.nextNode()) nodes.push(walker.currentNode as Text);
  let marked = 0;
  for (const node of nodes) {
    const parts = node.data.split(pattern);
    if (parts.length === 1) continue;
    const fragment = document.createDocumentFragment();
    parts.forEach((part, index) => {
      if (part === '') return;
      if (index % 2 === 1) {
        const mark = document.createElement('mark');
        mark.textContent = part;
        fragment.append(mark);
        marked++;
      } else {
        fragment.append(part);
      }
    });
    node.replaceWith(fragment);
  }
  return marked;
}

function highlightSearchTerms(): void {
  const query = new URLSearchParams(location.search).get('highlight');
  if (!query) return;
  const terms = query.split(/\s+/u);
  const targets = [document.querySelector('.paper-header h1'), document.querySelector('[data-abstract] > p')];
  for (const target of targets) if (target) highlight(target, terms);
  document.querySelector('[data-abstract] mark')?.scrollIntoView({ block: 'center' });
}

setUpCopyLink();
setUpCopyBibtex();
highlightSearchTerms();
