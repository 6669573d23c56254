// Opens the page's first view: the workspace the URL names, else the start node's neighbourhood, once reads are allowed.
import type { AuthOperations } from '../features/auth/operations';
import type { Operations } from '../features/explorer/operations';
import type { WorkspaceOperations } from '../features/workspaces/operations';
import { workspaceIdFromUrl } from '../features/workspaces/workspace-url';
import { startViewRequest } from '../features/explorer/start-view-request';
import type { AppContext } from './context';

/** The Five Country Ministerial: the view the product opens on (override with `?node=<id>`). */
const START_NODE_ID = 'forum:five-country-ministerial-2025';

/** The browser's local storage, or null where it is refused (private modes, sandboxed frames). */
function localStore(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** Loads the session, then the first view (with AUTH_REQUIRED, only once the user has logged in). */
export function openFirstView(
  ctx: AppContext,
  auth: AuthOperations,
  explorer: Pick<Operations, 'loadStartView'>,
  workspaces: Pick<WorkspaceOperations, 'openFromUrl'>,
): void {
  const startNode = new URLSearchParams(ctx.query).get('node') ?? START_NODE_ID;
  const startWorkspace = workspaceIdFromUrl();
  const startView = startViewRequest({
    storage: localStore(),
    request: () => ctx.api.reads.neighbours(startNode, { limit: ctx.store.get().settings.cap }),
    enabled: !startWorkspace,
  });
  // `?workspace=<id>` opens that workspace instead of the start view (which it falls back to on failure).
  void auth.load().then(() => {
    const early = startView.settle(ctx.store.get().auth.authRequired);
    auth.whenReadable(() => {
      if (startWorkspace)
        void workspaces.openFromUrl(startWorkspace, () => explorer.loadStartView(startNode));
      else void explorer.loadStartView(startNode, early);
    });
  });
}
