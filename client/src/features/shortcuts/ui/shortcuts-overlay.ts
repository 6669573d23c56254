// The `?` overlay: a modal list of every keyboard and pointer shortcut, read from SHORTCUTS.
import { button, el } from '../../../shared/dom';
import { SHORTCUTS } from '../keyboard';

/** A modal dialog (Escape or the button closes it). */
export function createShortcutsOverlay(): { open(): void; close(): boolean } {
  const rows = SHORTCUTS.map((s) =>
    el('tr', {}, [
      el('th', { attrs: { scope: 'row' } }, [el('kbd', { text: s.keys })]),
      el('td', { text: s.does }),
    ]),
  );
  const dialog = el(
    'dialog',
    { className: 'shortcuts', testId: 'shortcuts', attrs: { 'aria-labelledby': 'shortcuts-title' } },
    [
      el('h2', {
        className: 'shortcuts-title',
        text: 'Keyboard and pointer shortcuts',
        attrs: { id: 'shortcuts-title' },
      }),
      el('table', { className: 'shortcuts-table' }, [el('tbody', {}, rows)]),
      el('p', {
        className: 'panel-help',
        text: 'Shortcuts are off while you type in a field or editor. Tab reaches every button.',
      }),
      button('Close', () => dialog.close(), { className: 'shortcuts-close', testId: 'shortcuts-close' }),
    ],
  );
  document.body.append(dialog);
  return {
    open: () => {
      if (!dialog.open) dialog.showModal();
    },
    close: () => {
      if (!dialog.open) return false;
      dialog.close();
      return true;
    },
  };
}
