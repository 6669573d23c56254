// Binds the keyboard shortcuts to operations and actions (mounted by features/shortcuts/mount.ts).
import type { Operations } from '../explorer/operations';
import type { Actions } from '../../state/actions';
import type { Point, State } from '../../state/state';
import type { ReadableStore } from '../../state/store';
import type { ShortcutHandlers } from './keyboard';
import type { NodeMenu } from '../explorer/ui/node-menu';
import { ZOOM_STEP } from '../explorer/ui/toolbar';
import { sceneVisibility } from '../filters/scene-visibility';

/** What the handlers need besides operations and actions. */
export interface ShortcutDeps {
  store: ReadableStore<State>;
  actions: Actions;
  ops: Operations;
  nodeMenu: NodeMenu;
  overlay: { open(): void; close(): boolean };
  /** Where a node is drawn, to open its menu from the keyboard. */
  screenPosition(id: string): Point | null;
  /** The console, workspace and export panels. */
  panels: Pick<ShortcutHandlers, 'openConsole' | 'toggleWorkspaces' | 'saveWorkspace' | 'toggleExport'>;
}

/** The handlers `installShortcuts` calls. */
export function shortcutHandlers({
  store,
  actions,
  ops,
  nodeMenu,
  overlay,
  screenPosition,
  panels,
}: ShortcutDeps): ShortcutHandlers {
  /**
   * The scene's nodes the filters leave on the canvas (folded ones included: selecting one unfolds it). Ctrl+A and
   * ]/[ pick from these, so a later Delete or E never acts on nodes the user cannot see.
   */
  const shownNodes = () => {
    const s = store.get();
    const { hiddenNodes } = sceneVisibility(s);
    return [...s.nodes.values()].filter((n) => !hiddenNodes.has(n.id));
  };
  /** The one selected node, for commands that need exactly one. */
  const single = (): string | null => {
    const ids = ops.selectedNodeIds();
    return ids.length === 1 ? (ids[0] as string) : null;
  };
  return {
    closeOverlays: () => {
      const open = nodeMenu.isOpen();
      nodeMenu.close();
      return overlay.close() || open;
    },
    clearSelection: () => ops.select({ kind: 'none' }),
    hideSelection: ops.hideSelection,
    fit: () => actions.requestView({ kind: 'fit' }),
    zoomIn: () => actions.requestView({ kind: 'zoom', factor: ZOOM_STEP }),
    zoomOut: () => actions.requestView({ kind: 'zoom', factor: 1 / ZOOM_STEP }),
    undo: actions.undo,
    redo: actions.redo,
    openMenu: () => {
      const id = single();
      const at = id ? screenPosition(id) : null;
      if (id && at) nodeMenu.open(id, at);
      else actions.setStatus('Select one node to open its menu.');
    },
    expandSelection: () => {
      void ops.expandSelection();
    },
    collapseSelection: () => {
      for (const id of ops.selectedNodeIds()) ops.collapse(id);
    },
    togglePin: ops.togglePinSelection,
    toggleFold: () => {
      const id = single();
      if (id) ops.toggleFold(id);
      else actions.setStatus('Select one node to fold or unfold its leaves.');
    },
    selectNeighbours: () => {
      const id = single();
      if (id) ops.selectNeighbours(id);
    },
    selectAll: () => ops.selectNodes(shownNodes().map((n) => n.id)),
    selectNext: (step) => {
      const ids = shownNodes()
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((n) => n.id);
      if (!ids.length) return;
      const at = ids.indexOf(single() ?? '');
      const id = ids[
        (at < 0 ? (step === 1 ? 0 : ids.length - 1) : at + step + ids.length) % ids.length
      ] as string;
      ops.select({ kind: 'node', id });
      actions.requestView({ kind: 'center', id });
    },
    relayout: () => actions.requestView({ kind: 'layout', name: store.get().layout }),
    showShortcuts: overlay.open,
    openConsole: panels.openConsole,
    toggleWorkspaces: panels.toggleWorkspaces,
    saveWorkspace: panels.saveWorkspace,
    toggleExport: panels.toggleExport,
  };
}
