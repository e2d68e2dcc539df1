/** The keyboard shortcuts dialog, loaded by the site script the first time a reader presses `?`. */

const SHORTCUTS: [string, string][] = [
  ['/', 'Search'],
  ['j', 'Next paper in the list'],
  ['k', 'Previous paper in the list'],
  ['o or Enter', 'Open the selected paper'],
  ['s', 'Save the selected paper (or this one) for later'],
  ['r', 'Mark the selected paper (or this one) as read'],
  ['?', 'Show these keys'],
];

let dialog: HTMLDialogElement | undefined;
function toggleShortcuts(): void {
  if (!dialog) {
    dialog = document.createElement('dialog');
    dialog.className = 'shortcuts';
    dialog.setAttribute('aria-labelledby', 'shortcuts-title');
    const title = Object.assign(document.createElement('h2'), { id: 'shortcuts-title', textContent: 'Keyboard shortcuts' });
    const list = document.createElement('dl');
    for (const [key, action] of SHORTCUTS) {
      const term = document.createElement('dt');
      term.append(Object.assign(document.createElement('kbd'), { textContent: key }));
      list.append(term, Object.assign(document.createElement('dd'), { textContent: action }));
    }
    const close = Object.assign(document.createElement('button'), { type: 'button', className: 'button', textContent: 'Close' });
    close.addEventListener('click', () => dialog?.close());
    dialog.append(title, list, close);
    document.body.append(dialog);
  }
  if (dialog.open) dialog.close();
  else dialog.showModal();
}

(window as { papershelfShortcuts?: () => void }).papershelfShortcuts = toggleShortcuts;
