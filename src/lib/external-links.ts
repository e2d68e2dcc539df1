/** Searches for a paper by title on the sites readers use to find papers. */
export function findElsewhere(title: string): { label: string; href: string }[] {
  const query = encodeURIComponent(title);
  return [
    { label: 'arXiv', href: `https://arxiv.org/search/?query=${query}&searchtype=title` },
    { label: 'Hugging Face', href: `https://huggingface.co/papers?q=${query}` },
    { label: 'Google Scholar', href: `https://scholar.google.com/scholar?q=${encodeURIComponent(`"${title}"`)}` },
  ];
}
