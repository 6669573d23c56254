// A floating, keyboard-driven menu (role="menu"): arrow keys, Home/End, Enter, Escape; closes on outside click.
import type { Point } from '../state/state';
import { el, type Child } from './dom';

/** One row of a menu: a command, a group heading, or a line of text (loading, an error). */
export type MenuEntry =
  | {
      kind: 'item';
      label: string;
      run(): void;
      /** Shown right-aligned (counts, a shortcut). */
      meta?: readonly Child[];
      disabled?: boolean;
      testId?: string;
      /** Extra `data-*` attributes for tests and styling (keys without the `data-` prefix). */
      data?: Readonly<Record<string, string>>;
      title?: string;
    }
  | { kind: 'heading'; label: string }
  | { kind: 'note'; text: string; testId?: string };

/** A menu that can be opened at a point and refreshed while open (e.g. when counts arrive). */
export interface ContextMenu {
  readonly element: HTMLElement;
  open(at: Point, title: string, entries: readonly MenuEntry[]): void;
  /** Replaces the entries, keeping focus on the same row when it still exists. */
  update(entries: readonly MenuEntry[]): void;
  close(): void;
  isOpen(): boolean;
}

/** Gap kept between the menu and the window's edges. */
const EDGE_GAP = 8;

/** Creates the menu (hidden) and appends it to `document.body`. */
export function createContextMenu(opts: { testId: string; onClose?: () => void }): ContextMenu {
  const heading = el('div', { className: 'menu-title' });
  const list = el('div', { className: 'menu-list' });
  const root = el(
    'div',
    {
      className: 'context-menu',
      testId: opts.testId,
      attrs: { role: 'menu', tabindex: '-1' },
    },
    [heading, list],
  );
  root.hidden = true;
  document.body.append(root);
  let returnFocus: Element | null = null;

  const items = (): HTMLButtonElement[] => [
    ...list.querySelectorAll<HTMLButtonElement>('button.menu-item:not(:disabled)'),
  ];

  const focusAt = (index: number): void => {
    const all = items();
    if (!all.length) {
      root.focus();
      return;
    }
    all[(index + all.length) % all.length]?.focus();
  };

  const render = (entries: readonly MenuEntry[]): void => {
    list.replaceChildren(
      ...entries.map((entry) => {
        switch (entry.kind) {
          case 'heading':
            return el('div', {
              className: 'menu-heading',
              text: entry.label,
              attrs: { role: 'presentation' },
            });
          case 'note':
            return el('div', {
              className: 'menu-note',
              text: entry.text,
              ...(entry.testId ? { testId: entry.testId } : {}),
            });
          case 'item': {
            const attrs: Record<string, string> = { type: 'button', role: 'menuitem', tabindex: '-1' };
            if (entry.title) attrs['title'] = entry.title;
            for (const [k, v] of Object.entries(entry.data ?? {})) attrs[`data-${k}`] = v;
            const b = el(
              'button',
              { className: 'menu-item', attrs, ...(entry.testId ? { testId: entry.testId } : {}) },
              [
                el('span', { className: 'menu-label', text: entry.label }),
                entry.meta?.length ? el('span', { className: 'menu-meta' }, entry.meta) : null,
              ],
            );
            b.disabled = !!entry.disabled;
            b.addEventListener('click', () => {
              close();
              entry.run();
            });
            return b;
          }
        }
      }),
    );
  };

  const place = (at: Point): void => {
    root.style.left = '0px';
    root.style.top = '0px';
    const box = root.getBoundingClientRect();
    root.style.left = `${Math.max(EDGE_GAP, Math.min(at.x, window.innerWidth - box.width - EDGE_GAP))}px`;
    root.style.top = `${Math.max(EDGE_GAP, Math.min(at.y, window.innerHeight - box.height - EDGE_GAP))}px`;
  };

  const onOutside = (e: MouseEvent): void => {
    if (!root.contains(e.target as Node)) close();
  };

  function close(): void {
    if (root.hidden) return;
    root.hidden = true;
    document.removeEventListener('mousedown', onOutside, true);
    if (returnFocus instanceof HTMLElement && document.contains(returnFocus)) returnFocus.focus();
    returnFocus = null;
    opts.onClose?.();
  }

  root.addEventListener('keydown', (e) => {
    const all = items();
    const at = all.indexOf(document.activeElement as HTMLButtonElement);
    switch (e.key) {
      case 'ArrowDown':
        focusAt(at + 1);
        break;
      case 'ArrowUp':
        focusAt(at < 0 ? -1 : at - 1);
        break;
      case 'Home':
        focusAt(0);
        break;
      case 'End':
        focusAt(-1);
        break;
      case 'Escape':
        close();
        break;
      case 'Tab':
        close();
        break;
      default:
        return;
    }
    // Handled here: the global shortcuts (Escape clears the selection) must not also fire.
    e.preventDefault();
    e.stopPropagation();
  });

  return {
    element: root,
    open: (at, title, entries) => {
      if (root.hidden) returnFocus = document.activeElement;
      heading.textContent = title;
      root.setAttribute('aria-label', title);
      render(entries);
      root.hidden = false;
      place(at);
      document.addEventListener('mousedown', onOutside, true);
      focusAt(0);
    },
    update: (entries) => {
      if (root.hidden) return;
      const active = document.activeElement;
      const labelOf = (b: Element): string | null => b.querySelector('.menu-label')?.textContent ?? null;
      const key = active instanceof HTMLElement && root.contains(active) ? labelOf(active) : null;
      const box = root.getBoundingClientRect();
      render(entries);
      place({ x: box.left, y: box.top });
      const again = items().find((b) => labelOf(b) === key);
      if (again) again.focus();
      else if (key !== null || document.activeElement === root) focusAt(0);
    },
    close,
    isOpen: () => !root.hidden,
  };
}
