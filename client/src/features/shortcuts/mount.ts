// Mounts the keyboard shortcuts and the `?` overlay listing them, bound to the features they drive.
import type { AppContext } from '../../app/context';
import type { ConsolePanel } from '../console/ui/console-panel';
import type { CurationUiParts } from '../curation/mount';
import type { MountedExplorer } from '../explorer/mount';
import type { Operations } from '../explorer/operations';
import type { ExportPanel } from '../export/ui/export-panel';
import type { WorkspacePanel } from '../workspaces/ui/workspace-panel';
import { installShortcuts } from './keyboard';
import { shortcutHandlers } from './shortcut-handlers';
import { createShortcutsOverlay } from './ui/shortcuts-overlay';

/** The features the shortcuts drive. */
export interface ShortcutTargets {
  explorer: Operations;
  canvas: MountedExplorer;
  curation: Pick<CurationUiParts, 'escape' | 'editSelection'>;
  console: Pick<ConsolePanel, 'open'>;
  workspaces: Pick<WorkspacePanel, 'toggle' | 'save'>;
  export: Pick<ExportPanel, 'toggle'>;
}

/** Listens for the shortcuts on the document. */
export function mountShortcuts(ctx: AppContext, t: ShortcutTargets): void {
  const { store, actions } = ctx;
  const ops = t.explorer;
  const shortcuts = shortcutHandlers({
    store,
    actions,
    nodeMenu: t.canvas.nodeMenu,
    // Delete hides from the explorer scene; nothing under the open cooperation view is hidden unseen.
    ops: {
      ...ops,
      hideSelection: () => {
        if (!store.get().cooperation) ops.hideSelection();
      },
    },
    overlay: createShortcutsOverlay(),
    screenPosition: t.canvas.view.screenPosition,
    panels: {
      openConsole: t.console.open,
      toggleWorkspaces: t.workspaces.toggle,
      saveWorkspace: t.workspaces.save,
      toggleExport: t.export.toggle,
    },
  });
  installShortcuts({
    ...shortcuts,
    closeOverlays: () => t.curation.escape() || shortcuts.closeOverlays(),
    editSelection: t.curation.editSelection,
  });
}
