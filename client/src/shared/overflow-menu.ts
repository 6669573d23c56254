// The toolbar's "More ▾" menu: a button and a popup holding the less used controls, driven by mouse or keyboard.
import { el } from './dom';

/** The popup's button and the element the controls go into. */
export interface OverflowMenu {
  /** The "More ▾" button (aria-expanded, aria-controls the popup). */
  readonly button: HTMLButtonElement;
  /** The popup; controls are appended to it (directly or in groups). */
  readonly popup: HTMLElement;
  open(focusFirst?: boolean): void;
  /** Hides the popup; `returnFocus` puts focus back on the button. */
  close(returnFocus?: boolean): void;
}

const FOCUSABLE = 'button, select, input, textarea, a[href], [tabindex]:not([tabindex="-1"])';

/** The popup's controls that can take focus now (hidden ones, e.g. an admin's button when logged out, skipped). */
function focusables(popup: HTMLElement): HTMLElement[] {
  return [...popup.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (e) => !e.hasAttribute('disabled') && e.getClientRects().length > 0,
  );
}

/**
 * A disclosure popup, not an ARIA menu: it holds selects and a number input, which a `role=menu` may not.
 * Enter or Space on the button (a click) opens it with focus on the first control, ArrowDown opens it too;
 * ArrowUp/ArrowDown/Home/End move between its controls; Escape closes it and gives focus back to the
 * button; a click outside or focus leaving it closes it; a button inside closes it once clicked.
 * The popup is `position: fixed` under the button, so the toolbar can clip its overflow (never scroll).
 */
export function createOverflowMenu(opts: {
  label: string;
  testId: string;
  id: string;
  title: string;
}): OverflowMenu {
  const button = el(
    'button',
    {
      className: 'more-button',
      testId: opts.testId,
      attrs: {
        type: 'button',
        'aria-haspopup': 'true',
        'aria-expanded': 'false',
        'aria-controls': opts.id,
        title: opts.title,
      },
    },
    // The arrow is decoration: the button's accessible name is the label alone.
    [opts.label, el('span', { className: 'more-caret', text: '▾', attrs: { 'aria-hidden': 'true' } })],
  );
  const popup = el('div', {
    className: 'more-popup',
    testId: `${opts.testId}-popup`,
    attrs: { id: opts.id, role: 'group', 'aria-label': `${opts.label} controls` },
  });
  popup.hidden = true;

  const place = (): void => {
    const r = button.getBoundingClientRect();
    popup.style.top = `${Math.round(r.bottom + 4)}px`;
    // Right-aligned under the button, but never past the window's left edge.
    popup.style.right = `${Math.max(4, Math.round(window.innerWidth - r.right))}px`;
  };
  const onOutside = (e: PointerEvent): void => {
    const t = e.target as Node | null;
    if (t && !popup.contains(t) && !button.contains(t)) m.close(false);
  };
  const m: OverflowMenu = {
    button,
    popup,
    open(focusFirst = true) {
      place();
      popup.hidden = false;
      button.setAttribute('aria-expanded', 'true');
      document.addEventListener('pointerdown', onOutside, true);
      window.addEventListener('resize', place);
      if (focusFirst) focusables(popup)[0]?.focus({ preventScroll: true });
    },
    close(returnFocus = true) {
      if (popup.hidden) return;
      popup.hidden = true;
      button.setAttribute('aria-expanded', 'false');
      document.removeEventListener('pointerdown', onOutside, true);
      window.removeEventListener('resize', place);
      if (returnFocus) button.focus({ preventScroll: true });
    },
  };

  button.addEventListener('click', () => (popup.hidden ? m.open(true) : m.close(true)));
  button.addEventListener('keydown', (e) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    e.preventDefault();
    m.open(false);
    const items = focusables(popup);
    (e.key === 'ArrowDown' ? items[0] : items.at(-1))?.focus({ preventScroll: true });
  });
  popup.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      m.close(true);
      return;
    }
    const moves: Record<string, (i: number, n: number) => number> = {
      ArrowDown: (i, n) => (i + 1) % n,
      ArrowUp: (i, n) => (i - 1 + n) % n,
      Home: () => 0,
      End: (_i, n) => n - 1,
    };
    const move = moves[e.key];
    // A number input keeps Home/End for its caret; arrows always move between controls (Space or Enter
    // opens a select's list, where arrows choose).
    if (!move || ((e.key === 'Home' || e.key === 'End') && e.target instanceof HTMLInputElement)) return;
    const items = focusables(popup);
    if (items.length === 0) return;
    e.preventDefault();
    items[move(items.indexOf(e.target as HTMLElement), items.length)]?.focus({ preventScroll: true });
  });
  // A button in the popup does its job and the popup closes; whatever it opened takes focus from there.
  popup.addEventListener('click', (e) => {
    if ((e.target as Element | null)?.closest('button')) m.close(false);
  });
  popup.addEventListener('focusout', (e) => {
    const next = e.relatedTarget as Node | null;
    if (next && !popup.contains(next) && next !== button) m.close(false);
  });
  return m;
}
