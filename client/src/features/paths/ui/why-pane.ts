// "Why are these connected" in the details pane: the chosen path's explanation takes the wide pane (not the
// narrow sidebar) from the moment a path is chosen until the user selects something else or goes back.
import type { State } from '../../../state/state';
import type { ReadableStore } from '../../../state/store';
import { button, el } from '../../../shared/dom';
import { pathFocusOf } from '../state';
import { pathExplanation } from './path-explanation';

/** The pane as the details panel mounts it (see details-panel's DetailsOverlay), and how the path list opens it. */
export interface WhyPane {
  element: HTMLElement;
  /** True while the details pane should show the explanation instead of the selection's details. */
  active(s: State): boolean;
  /** The details panel registers here to render again when the pane opens or closes without a state change. */
  subscribe(rerender: () => void): void;
  /** Shows the chosen path's explanation again (after a selection or "Back to details" hid it). */
  open(): void;
}

/** Creates the pane; it follows the chosen path of the current paths and rebuilds only when that changes. */
export function createWhyPane(store: ReadableStore<State>): WhyPane {
  const body = el('div', { className: 'why-pane-body' });
  const back = button('Back to details', () => close(), {
    className: 'why-back',
    testId: 'why-back',
    title: 'Show the selection’s details instead (choose the path again to come back)',
  });
  const element = el('div', { className: 'details-body why-pane', testId: 'why-pane' }, [
    el('div', { className: 'why-pane-head' }, [back]),
    body,
  ]);
  const listeners: (() => void)[] = [];
  let shownFor: { path: State['path']; chosen: number | null } = { path: null, chosen: null };
  /** The selection when the path was chosen: selecting anything else hands the pane back to the details. */
  let selectionAtOpen: State['selection'] | null = null;
  let closed = false;

  const notify = (): void => {
    for (const l of listeners) l();
  };
  const close = (): void => {
    closed = true;
    notify();
  };

  const follow = (s: State): void => {
    const chosen = pathFocusOf(s).chosen;
    if (s.path === shownFor.path && chosen === shownFor.chosen) return;
    shownFor = { path: s.path, chosen };
    selectionAtOpen = s.selection;
    closed = false;
    const path = chosen === null || !s.path ? null : s.path.paths[chosen];
    body.replaceChildren(
      path && s.path ? pathExplanation(path, s.path.ends.from.id, s.path.ends.to.name) : '',
    );
  };
  store.subscribe(follow);
  follow(store.get());

  return {
    element,
    active: (s) => {
      follow(s);
      return !closed && pathFocusOf(s).chosen !== null && s.selection === selectionAtOpen;
    },
    subscribe: (rerender) => listeners.push(rerender),
    open: () => {
      selectionAtOpen = store.get().selection;
      closed = false;
      notify();
    },
  };
}
