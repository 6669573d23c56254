// Details for a multi-selection: the selected nodes (click one to focus it) and what can be done to all.
import type { State } from '../../../state/state';
import type { DetailsHandlers } from '../details-handlers';
import { button, el } from '../../../shared/dom';
import { kindChip } from '../../../shared/kind-chip';

/** The panel body for several selected nodes. */
export function selectionDetails(s: State, ids: readonly string[], h: DetailsHandlers): HTMLElement[] {
  const nodes = ids.map((id) => s.nodes.get(id)).filter((n) => n !== undefined);
  const allPinned = nodes.every((n) => s.pinned.has(n.id));
  return [
    el('header', { className: 'details-header' }, [
      el('h2', {
        className: 'details-title',
        text: `${nodes.length} nodes selected`,
        testId: 'selection-count',
      }),
    ]),
    el('div', { className: 'button-row' }, [
      button('Expand all', () => h.expandSelection(), { title: 'Expand every selected node (E)' }),
      button(allPinned ? 'Unpin' : 'Pin', () => h.setPinned(ids, !allPinned), {
        title: 'Pinned nodes keep their place through layouts (P)',
      }),
      button('Hide', () => h.hideSelection(), { title: 'Remove them from the canvas (Delete)' }),
    ]),
    el(
      'ul',
      { className: 'selection-list' },
      nodes.map((n) => {
        const b = button(n.name, () => h.select({ kind: 'node', id: n.id }), {
          className: 'link-button',
          title: 'Select only this node',
        });
        return el('li', {}, [kindChip(n.labels), b]);
      }),
    ),
  ];
}
