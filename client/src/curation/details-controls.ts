// The curation part of the details panel: Edit, Delete, Draw relationship for curators, and the
// element's history (with Revert) for everyone who can read.
import type { ChangeRecord, GraphEdge, GraphNode } from '../../../contract';
import { describeError } from '../api/api-error';
import type { ApiClient } from '../api/api-client';
import type { CurationApi } from '../api/curation-api';
import type { Actions } from '../state/actions';
import type { CurationActions } from '../state/curation-actions';
import type { State } from '../state/state';
import { button, el } from '../ui/dom';
import type { CurationOperations } from './curation-operations';
import { changeList } from './history-list';
import { confirmAction } from './modal';
import { versionOf } from './node-draft';
import { canEdit } from './permissions';
import { runVersionedWrite } from './write-flow';

/** What the controls need. */
export interface ControlsDeps {
  api: CurationApi;
  reads: Pick<ApiClient, 'node'>;
  ops: CurationOperations;
  cur: CurationActions;
  actions: Pick<Actions, 'notify' | 'setStatus'>;
  report(err: unknown): void;
}

/** Builds the controls for the details panel's node and edge bodies. */
export interface DetailsControls {
  node(s: State, node: GraphNode): HTMLElement;
  edge(s: State, edge: GraphEdge): HTMLElement;
  /** Reverts `change` and says so (shared with the recent-changes feed). */
  revert(change: ChangeRecord): void;
  /** Asks, then deletes the node or relationship (a soft delete: "Recently deleted" restores it). */
  remove(kind: 'node' | 'edge', element: GraphNode | GraphEdge): void;
}

/** Creates the controls. */
export function createDetailsControls(d: ControlsDeps): DetailsControls {
  const revert = (change: ChangeRecord): void => {
    d.ops.revert(change).then(() => d.actions.notify('info', `Reverted: ${change.summary}`), d.report);
  };

  const remove = (kind: 'node' | 'edge', element: GraphNode | GraphEdge): void => {
    const what =
      kind === 'node' ? (element as GraphNode).name : `this ${(element as GraphEdge).type} relationship`;
    void confirmAction({
      title: kind === 'node' ? 'Delete node' : 'Delete relationship',
      message:
        kind === 'node'
          ? `Delete ${what} and its relationships? It moves to “Recently deleted”, where it can be restored with them.`
          : `Delete ${what}? It moves to “Recently deleted”, where it can be restored.`,
      confirm: 'Delete',
      danger: true,
    }).then((yes) => {
      if (!yes) return;
      return runVersionedWrite({
        what,
        base: element,
        request: { version: versionOf(element) },
        isChange: false,
        send: (r) =>
          kind === 'node' ? d.ops.deleteNode(element.id, r.version) : d.ops.deleteEdge(element.id, r.version),
        loadCurrent: async () => (kind === 'node' ? (await d.reads.node(element.id)).node : element),
        onDone: () =>
          d.actions.notify('info', `Deleted ${what}. Restore it from Changes → Recently deleted.`),
        onDiscard: (latest) =>
          kind === 'node'
            ? d.cur.applyPatch({ nodes: [latest as GraphNode] })
            : d.cur.applyPatch({ edges: [latest as GraphEdge] }),
        onError: d.report,
      });
    });
  };

  /** The history section: a toggle, and when open the list (loaded on each render). */
  const history = (s: State, kind: 'node' | 'edge', id: string): HTMLElement => {
    const open = s.curation.historyOpen;
    const toggle = button(open ? 'Hide history' : 'History', () => d.cur.toggleHistory(), {
      testId: 'history-toggle',
      title: 'Who changed this, when, and what they changed',
      attrs: { 'aria-expanded': String(open) },
    });
    const testId = kind === 'node' ? 'node-history' : 'edge-history';
    const body = el(
      'div',
      { className: 'history-body' },
      open ? [el('p', { className: 'muted', text: 'Loading history…' })] : [],
    );
    if (open) {
      d.api.history(kind, id).then(
        (res) =>
          body.replaceChildren(changeList(res.changes, { testId, canRevert: canEdit(s), onRevert: revert })),
        (err: unknown) =>
          body.replaceChildren(
            el('p', {
              className: 'form-message',
              testId,
              text: `Could not load the history: ${describeError(err)}`,
            }),
          ),
      );
    }
    return el('section', { className: 'element-history' }, [toggle, body]);
  };

  return {
    revert,
    remove,
    node: (s, node) =>
      el('div', { className: 'curation-controls' }, [
        // Sources are added, never edited or deleted: evidence quotes them.
        canEdit(s) && !node.labels.includes('Source')
          ? el('div', { className: 'button-row' }, [
              button('Edit', () => d.cur.startEditing({ kind: 'node', id: node.id }), {
                testId: 'edit-node',
                title: 'Edit name, aliases, description and properties (Shift+E)',
              }),
              button(
                'Draw relationship',
                () => {
                  d.cur.startDrawing(node.id);
                  d.actions.setStatus(
                    `Drawing a relationship from ${node.name}: click the target node (Esc cancels).`,
                  );
                },
                { testId: 'start-relationship', title: 'Then click the node it goes to' },
              ),
              button('Delete', () => remove('node', node), {
                className: 'danger',
                testId: 'delete-node',
                title: 'Delete this node (restorable)',
              }),
            ])
          : null,
        history(s, 'node', node.id),
      ]),
    edge: (s, edge) =>
      el('div', { className: 'curation-controls' }, [
        canEdit(s)
          ? el('div', { className: 'button-row' }, [
              button('Edit', () => d.cur.startEditing({ kind: 'edge', id: edge.id }), {
                testId: 'edit-edge',
                title: 'Edit properties and evidence',
              }),
              button('Delete', () => remove('edge', edge), {
                className: 'danger',
                testId: 'delete-edge',
                title: 'Delete this relationship (restorable)',
              }),
            ])
          : null,
        history(s, 'edge', edge.id),
      ]),
  };
}
