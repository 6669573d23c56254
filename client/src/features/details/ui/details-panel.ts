// The details panel: shows whatever is selected (node or edge), re-rendered only when that changes.
import { currentUser } from '../../curation/permissions';
import { isCooperationEdgeId } from '../../cooperation/cooperation-projection';
import type { State } from '../../../state/state';
import type { ReadableStore } from '../../../state/store';
import { cooperationDetails } from '../../cooperation/ui/cooperation-details';
import type { DetailsHandlers } from '../details-handlers';
import { el } from '../../../shared/dom';
import { edgeDetails } from './edge-details';
import { nodeDetails } from './node-details';
import { selectionDetails } from './selection-details';

/** The inputs a render depends on; equal keys mean nothing visible changed. */
function renderKey(s: State): unknown[] {
  const sel = s.selection;
  switch (sel.kind) {
    case 'none':
      return [sel];
    case 'node':
      return [
        sel,
        s.details,
        s.nodes.get(sel.id),
        s.expansions.get(sel.id),
        // The neighbour count reads the edges drawn, but only an expanded node shows it.
        s.expansions.has(sel.id) ? s.edges : null,
        s.pinned.has(sel.id),
        s.curation,
        currentUser(s),
      ];
    case 'nodes':
      return [sel, s.nodes, s.pinned];
    case 'edge': {
      if (isCooperationEdgeId(sel.id)) return [sel, s.cooperation];
      const e = s.edges.get(sel.id);
      return [sel, e, e && s.nodes.get(e.source), e && s.nodes.get(e.target), s.curation, currentUser(s)];
    }
  }
}

function placeholder(): HTMLElement {
  return el('div', { className: 'details-empty' }, [
    el('h2', { className: 'details-title', text: 'Details' }),
    el('p', {
      className: 'muted',
      text: 'Select a node or relationship to see its properties and the quotes that support it.',
    }),
  ]);
}

/**
 * Something shown instead of the panel's body while `active` (the curation edit form, a path's "why are these
 * connected"). `subscribe`, when given, is how it asks for a render after a change of its own.
 */
export interface DetailsOverlay {
  element: HTMLElement;
  active(s: State): boolean;
  subscribe?(rerender: () => void): void;
}

/** Renders into `root` (the element with data-testid="details-panel"); the first active overlay wins. */
export function mountDetailsPanel(
  root: HTMLElement,
  store: ReadableStore<State>,
  handlers: DetailsHandlers,
  overlays: readonly DetailsOverlay[] = [],
): void {
  let lastKey: unknown[] = [];
  const render = (s: State): void => {
    const overlay = overlays.find((o) => o.active(s));
    if (overlay) {
      if (root.firstChild !== overlay.element) {
        root.replaceChildren(overlay.element);
        root.scrollTop = 0;
      }
      lastKey = [];
      return;
    }
    const key = renderKey(s);
    if (key.length === lastKey.length && key.every((k, i) => k === lastKey[i])) return;
    const selectionChanged = key[0] !== lastKey[0];
    lastKey = key;
    const sel = s.selection;
    const body =
      sel.kind === 'node'
        ? nodeDetails(s, sel.id, handlers)
        : sel.kind === 'edge'
          ? isCooperationEdgeId(sel.id)
            ? cooperationDetails(s, sel.id, handlers)
            : edgeDetails(s, sel.id, handlers)
          : sel.kind === 'nodes'
            ? selectionDetails(s, sel.ids, handlers)
            : [placeholder()];
    root.replaceChildren(el('div', { className: 'details-body' }, body));
    if (selectionChanged) root.scrollTop = 0;
  };
  store.subscribe(render);
  for (const o of overlays) o.subscribe?.(() => render(store.get()));
  render(store.get());
}
