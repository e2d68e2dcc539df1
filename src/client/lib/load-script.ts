/** Loads a classic script (a browser runs classic scripts from file://, where it refuses modules). */
export function loadScript(url: URL): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = Object.assign(document.createElement('script'), { src: url.href });
    script.addEventListener('load', () => resolve());
    script.addEventListener('error', () => reject(new Error(`could not load ${url.href}`)));
    document.head.append(script);
  });
}
