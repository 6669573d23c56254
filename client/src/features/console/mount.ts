// Mounts the Cypher console: its panel over the canvas and its toolbar button; a node chip selects that node.
import type { AppContext } from '../../app/context';
import type { Operations } from '../explorer/operations';
import { createConsolePanel, type ConsolePanel } from './ui/console-panel';

/** localStorage, or null where the browser refuses it (the history then lasts as long as the page). */
function localStore(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** Mounts the console; the shortcuts open it. Its toolbar button takes the place of `standIn` when given (see lazy.ts). */
export function mountConsole(
  ctx: AppContext,
  explorer: Pick<Operations, 'select'>,
  standIn?: HTMLElement,
): ConsolePanel {
  const { store, actions } = ctx;
  const panel = createConsolePanel({
    api: ctx.api.cypher,
    actions,
    storage: localStore(),
    showNode: (id) => {
      if (!store.get().nodes.has(id)) {
        actions.setStatus(
          `${id} is not on the canvas: run the query with "Add results to canvas" on to see it there.`,
        );
        return;
      }
      explorer.select({ kind: 'node', id });
      actions.requestView({ kind: 'center', id });
    },
  });
  if (standIn) standIn.replaceWith(panel.toggleButton);
  else ctx.page.panelButton('console', panel.toggleButton);
  ctx.page.canvas('console', panel.element);
  return panel;
}
