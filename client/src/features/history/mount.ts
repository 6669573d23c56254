// Mounts the undo history: Undo and Redo in the toolbar, the list of steps in the sidebar.
import type { AppContext } from '../../app/context';
import { createHistoryButtons } from './ui/history-buttons';
import { createHistoryPanel } from './ui/history-panel';

/** Mounts the history's controls; the history itself is core state (state/history.ts, state/update.ts). */
export function mountHistory(ctx: AppContext): void {
  ctx.page.toolbar('history', createHistoryButtons(ctx.store, ctx.actions));
  ctx.page.sidebar('history', createHistoryPanel(ctx.store, ctx.actions));
}
