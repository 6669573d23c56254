// Mounts saved workspaces: the panel over the canvas and its toolbar button; saving reads positions from the graph view.
import type { AppContext } from '../../app/context';
import type { GraphView } from '../../graph/graph-view';
import { createWorkspaceOperations, type WorkspaceOperations } from './operations';
import { createWorkspacePanel, type WorkspacePanel } from './ui/workspace-panel';

/** The mounted workspaces: the panel (for the shortcuts) and the use cases (to open the one the URL names). */
export interface MountedWorkspaces {
  panel: WorkspacePanel;
  ops: WorkspaceOperations;
}

/** Mounts the Workspaces panel. */
export function mountWorkspaces(
  ctx: AppContext,
  view: Pick<GraphView, 'snapshot' | 'whenIdle'>,
): MountedWorkspaces {
  const ops = createWorkspaceOperations({
    api: ctx.api.workspaces,
    store: ctx.store,
    actions: ctx.actions,
    snapshot: view.snapshot,
    whenIdle: view.whenIdle,
  });
  const panel = createWorkspacePanel(ctx.store, ops);
  ctx.page.panelButton('workspaces', panel.toggleButton);
  ctx.page.canvas('workspaces', panel.element);
  return { panel, ops };
}
