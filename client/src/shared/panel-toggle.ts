// A toolbar button that shows and hides a floating panel, keeping aria-expanded and focus right.
import { button } from './dom';

/** The button and the panel's open/close, shared by the console, workspaces and export panels. */
export interface PanelToggle {
  button: HTMLButtonElement;
  /** Shows the panel (calls `onOpen` each time it opens). */
  open(): void;
  /** Hides the panel and gives focus back to the button. */
  close(): void;
  toggle(): void;
}

export interface PanelToggleOptions {
  label: string;
  testId: string;
  title: string;
  /** Id of the panel element (for aria-controls). */
  controls: string;
  /** The panel; read lazily, since its close button is usually built from this toggle. */
  panel: () => HTMLElement;
  /** Runs after the panel is shown: refresh its content, move focus into it. */
  onOpen?: () => void;
  /** Panels sharing a slot on screen: opening one hides the others of its slot (they would overlap). */
  slot?: string;
}

/** The open panel hiders of each slot. */
const slots = new Map<string, Set<() => void>>();

export function panelToggle(o: PanelToggleOptions): PanelToggle {
  /** Hides the panel without moving focus (used when a slot-mate opens). */
  const hide = (): void => {
    o.panel().hidden = true;
    t.button.setAttribute('aria-expanded', 'false');
  };
  const mates = o.slot === undefined ? null : (slots.get(o.slot) ?? new Set<() => void>());
  if (o.slot !== undefined && mates) slots.set(o.slot, mates.add(hide));
  const t: PanelToggle = {
    button: button(o.label, () => t.toggle(), {
      testId: o.testId,
      title: o.title,
      attrs: { 'aria-expanded': 'false', 'aria-controls': o.controls },
    }),
    open() {
      mates?.forEach((h) => {
        if (h !== hide) h();
      });
      o.panel().hidden = false;
      t.button.setAttribute('aria-expanded', 'true');
      o.onOpen?.();
    },
    close() {
      hide();
      t.button.focus();
      // A toggle inside the closed "More" menu cannot take focus: the menu's button takes it instead.
      if (document.activeElement !== t.button) {
        const popup = t.button.parentElement?.closest<HTMLElement>('[id]');
        popup?.ownerDocument.querySelector<HTMLElement>(`[aria-controls="${popup.id}"]`)?.focus();
      }
    },
    toggle() {
      if (o.panel().hidden) t.open();
      else t.close();
    },
  };
  return t;
}
