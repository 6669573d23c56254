// Mounts the curation UI: the edit form and controls in the details panel, node-menu entries,
// relationship drawing, the New node and Changes toolbar buttons.
import type { GraphNode, SchemaResponse } from '../../../../contract';
import type { ApiClient } from '../../api/api-client';
import type { CurationApi } from '../../api/curation-api';
import type { AppContext } from '../../app/context';
import type { Operations } from '../explorer/operations';
import type { Actions } from '../../state/actions';
import type { CurationActions } from './state';
import type { Selection, State } from '../../state/state';
import type { ReadableStore } from '../../state/store';
import type { MenuEntry } from '../../shared/context-menu';
import { button, el } from '../../shared/dom';
import type { SearchHit } from '../../shared/search-box';
import { createChangesPanel } from './ui/changes-panel';
import { createUndoNotice } from './ui/undo-notice';
import { createCurationOperations } from './operations';
import { createDetailsControls, type DetailsControls } from './ui/details-controls';
import { createElementEditor, type ElementEditor } from './ui/element-editor';
import { openMergeDialog } from './ui/merge-dialog';
import { openNodeCreateDialog } from './ui/node-create-dialog';
import { allowedFromSchema } from './node-draft';
import './ui/curation.css';
import { canEdit } from './permissions';
import { openRelationshipDialog } from './ui/relationship-dialog';

/** What the curation UI works with. */
interface CurationDeps {
  api: CurationApi;
  reads: ApiClient;
  store: ReadableStore<State>;
  actions: Actions;
  cur: CurationActions;
  select(selection: Selection): void;
  search(q: string, signal: AbortSignal): Promise<readonly SearchHit[]>;
  report(err: unknown): void;
}

/** What the details panel, the node menu, the canvas and the shortcuts take from curation. */
export interface CurationUiParts {
  editor: ElementEditor;
  controls: DetailsControls;
  /** Node-menu entries for curators (none for others). */
  menuEntries(id: string): MenuEntry[];
  /** While drawing a relationship, a node click picks the target: true when it was taken. */
  pickTarget(id: string): boolean;
  /** Esc: cancels drawing; true when there was something to cancel. */
  escape(): boolean;
  /** Shift+E: edits the selected node or relationship. */
  editSelection(): void;
  /** Shows or hides the Changes panel (its toolbar button does the same). */
  toggleChanges(): void;
}

/**
 * Builds the curation UI: the New node and Changes buttons go in the toolbar (into `toolbarGroup` when given,
 * see lazy.ts), the Changes panel and drawing hint over the canvas.
 */
export function mountCuration(
  ctx: AppContext,
  explorer: Pick<Operations, 'select'>,
  toolbarGroup?: HTMLElement,
): CurationUiParts {
  const d: CurationDeps = {
    api: ctx.api.curation,
    reads: ctx.api.reads,
    store: ctx.store,
    actions: ctx.actions,
    cur: ctx.actions,
    select: explorer.select,
    search: ctx.suggest.nodes,
    report: ctx.report,
  };
  const ops = createCurationOperations({
    api: d.api,
    store: d.store,
    actions: d.actions,
    cur: d.cur,
    select: d.select,
    written: (change) => undoNotice.written(change),
  });
  const undoNotice = createUndoNotice({
    store: d.store,
    revert: ops.revert,
    notify: (text) => d.actions.notify('info', text),
    report: d.report,
  });
  const notify = (text: string): void => {
    d.actions.notify('info', text);
  };
  let schema: Promise<SchemaResponse> | null = null;
  const loadSchema = (): Promise<SchemaResponse> => {
    schema ??= d.reads.schema().catch((err: unknown) => {
      schema = null;
      throw err;
    });
    return schema;
  };
  /** The schema once loaded: its property allow-list shapes the edit form. Loaded once someone may edit (reads may need a login). */
  let known: SchemaResponse | null = null;
  const prefetchSchema = (): void => {
    void loadSchema().then(
      (sc) => {
        known = sc;
      },
      () => {
        /* retried when needed */
      },
    );
  };

  const editor = createElementEditor({
    store: d.store,
    cur: d.cur,
    ops,
    api: d.api,
    reads: d.reads,
    actions: d.actions,
    allowedProperties: (element) => {
      const props = known?.properties;
      if (!props) return [];
      if ('labels' in element) {
        const label = element.labels.find((l) => l in props.labels);
        return allowedFromSchema(label ? props.labels[label] : undefined);
      }
      return allowedFromSchema(props.relationshipTypes[element.type]);
    },
  });
  const controls = createDetailsControls({
    api: d.api,
    reads: d.reads,
    ops,
    cur: d.cur,
    actions: d.actions,
    report: d.report,
  });

  const nodeOf = (id: string): GraphNode | undefined => d.store.get().nodes.get(id);
  const startDrawing = (id: string): void => {
    d.cur.startDrawing(id);
    d.actions.setStatus(
      `Drawing a relationship from ${nodeOf(id)?.name ?? id}: click the target node (Esc cancels).`,
    );
  };
  const merge = (id: string): void =>
    openMergeDialog(
      {
        ops,
        node: d.reads.node,
        neighbourCounts: (x) => d.reads.neighbourCounts(x),
        search: d.search,
        canvasNodes: () => [...d.store.get().nodes.values()],
        notify,
      },
      id,
    );

  const drawText = el('span', { className: 'draw-hint-text' });
  const drawHint = el('div', { className: 'draw-hint', testId: 'draw-hint', attrs: { role: 'status' } }, [
    drawText,
    button('Cancel', () => escape(), { testId: 'draw-cancel', title: 'Stop drawing (Esc)' }),
  ]);
  drawHint.hidden = true;

  const changes = createChangesPanel({
    store: d.store,
    api: d.api,
    revert: controls.revert,
    openTarget: (change) => {
      const s = d.store.get();
      if (change.targetKind === 'edge' && s.edges.has(change.targetId))
        d.select({ kind: 'edge', id: change.targetId });
      else if (change.targetKind === 'node' && s.nodes.has(change.targetId)) {
        d.select({ kind: 'node', id: change.targetId });
        d.actions.requestView({ kind: 'center', id: change.targetId });
      } else if (change.targetKind === 'node') {
        d.reads.node(change.targetId).then((res) => {
          d.actions.step(`Add ${res.node.name}`, () => d.actions.addGraph({ nodes: [res.node], edges: [] }));
          d.select({ kind: 'node', id: res.node.id });
          d.actions.requestView({ kind: 'center', id: res.node.id });
        }, d.report);
      } else {
        d.actions.setStatus(`${change.targetId} is not on the canvas: expand its nodes to see it.`);
      }
    },
  });

  const newNode = button('New node', () => openNodeCreateDialog(d.api, ops, notify), {
    testId: 'new-node',
    title: 'Create a node with its evidence',
  });

  const escape = (): boolean => {
    if (!d.store.get().curation.drawFrom) return false;
    d.cur.stopDrawing();
    d.actions.setStatus('Stopped drawing the relationship.');
    return true;
  };

  const render = (s: State): void => {
    const editor_ = canEdit(s);
    // Not needed for the first paint: asked for once the start view has arrived (or an edit begins), so it does not
    // compete with the start view's own requests.
    if (editor_ && !known && (s.startView !== 'loading' || s.curation.editing)) prefetchSchema();
    newNode.hidden = !editor_;
    // Someone who logs out (or is a viewer) never keeps an edit form or a drawing open.
    const editing = s.curation.editing;
    const sel = s.selection;
    // The form belongs to what is selected: selecting something else leaves it (as Cancel would).
    const offTarget =
      editing &&
      !((sel.kind === 'node' || sel.kind === 'edge') && sel.kind === editing.kind && sel.id === editing.id);
    if ((!editor_ && (editing || s.curation.drawFrom)) || offTarget) {
      // After this notification: a state change from inside one would reach other listeners out of order.
      queueMicrotask(() => {
        const now = d.store.get();
        if (!canEdit(now)) d.cur.stopDrawing();
        const e = now.curation.editing;
        const at = now.selection;
        if (
          e &&
          (!canEdit(now) ||
            !((at.kind === 'node' || at.kind === 'edge') && at.kind === e.kind && at.id === e.id))
        )
          d.cur.stopEditing();
      });
    }
    const from = s.curation.drawFrom;
    drawHint.hidden = !from;
    if (from)
      drawText.textContent = `New relationship from ${s.nodes.get(from)?.name ?? from}: click the target node.`;
  };
  d.store.subscribe(render);
  render(d.store.get());

  if (toolbarGroup) toolbarGroup.replaceChildren(newNode, changes.toggleButton);
  else
    ctx.page.toolbar('curation', el('div', { className: 'toolbar-group' }, [newNode, changes.toggleButton]));
  ctx.page.canvas('curation', changes.element, drawHint, undoNotice.element);

  return {
    editor,
    controls,
    escape,
    toggleChanges: changes.toggle,
    menuEntries: (id) =>
      canEdit(d.store.get()) && !nodeOf(id)?.labels.includes('Source')
        ? [
            { kind: 'heading', label: 'Curate' },
            {
              kind: 'item',
              label: 'Edit…',
              testId: 'menu-edit',
              meta: ['⇧E'],
              run: () => {
                d.select({ kind: 'node', id });
                d.cur.startEditing({ kind: 'node', id });
              },
            },
            {
              kind: 'item',
              label: 'Start relationship here',
              testId: 'menu-start-relationship',
              run: () => startDrawing(id),
            },
            { kind: 'item', label: 'Merge into…', testId: 'merge-into', run: () => merge(id) },
            {
              kind: 'item',
              label: 'Delete…',
              testId: 'menu-delete',
              run: () => {
                const n = nodeOf(id);
                if (n) controls.remove('node', n);
              },
            },
          ]
        : [],
    pickTarget: (id) => {
      const from = d.store.get().curation.drawFrom;
      if (!from) return false;
      if (id === from) {
        d.actions.setStatus('Click another node: the target of the relationship.');
        return true;
      }
      const a = nodeOf(from);
      const b = nodeOf(id);
      d.cur.stopDrawing();
      if (!a || !b) return false;
      d.actions.setStatus('');
      loadSchema().then(
        (sc) => openRelationshipDialog({ api: d.api, ops, schema: sc, from: a, to: b, notify }),
        d.report,
      );
      return true;
    },
    editSelection: () => {
      const s = d.store.get();
      if (!canEdit(s)) return;
      const sel = s.selection;
      if (sel.kind === 'node' || sel.kind === 'edge') d.cur.startEditing({ kind: sel.kind, id: sel.id });
      else d.actions.setStatus('Select one node or relationship to edit it.');
    },
  };
}
