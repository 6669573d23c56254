// Composition root: creates the app context, mounts each feature into the page, opens the first view.
// The console, curation and analytics mount stand-ins here; their code is split into chunks loaded on first use.
// The stylesheets in cascade order (a later one wins at equal specificity); each feature's UI imports its own
// too, but the first import fixes a sheet's place in the bundle, so the order is set here, once.
import './styles.css';
import './shared/workbench-core.css';
import './features/console/ui/console-panel.css';
import './features/curation/ui/curation.css';
import './features/export/ui/export-panel.css';
import './features/workspaces/ui/workspace-panel.css';
import './features/auth/ui/auth.css';
import './features/explorer/ui/scale.css';
// First: it configures zod before any module that parses with it is evaluated.
import './app/zod-config';
import { createAppContext } from './app/context';
import { openFirstView } from './app/start';
import { mountAnalyticsLazily } from './features/analytics/lazy';
import { mountAuth } from './features/auth/mount';
import { mountConsoleLazily } from './features/console/lazy';
import { mountCooperation } from './features/cooperation/mount';
import { mountCurationLazily } from './features/curation/lazy';
import { mountDetails } from './features/details/mount';
import { explorerOperations, mountExplorer } from './features/explorer/mount';
import { mountExport } from './features/export/mount';
import { mountFilters } from './features/filters/mount';
import { mountHistory } from './features/history/mount';
import { mountPaths } from './features/paths/mount';
import { mountReview } from './features/review/mount';
import { mountShortcuts } from './features/shortcuts/mount';
import { mountStatus } from './features/status/mount';
import { mountWorkspaces } from './features/workspaces/mount';

const ctx = createAppContext();
const auth = mountAuth(ctx);
const explorer = explorerOperations(ctx);
const curation = mountCurationLazily(ctx, explorer);
const canvas = mountExplorer(ctx, explorer, curation);
const consolePanel = mountConsoleLazily(ctx, explorer);
const workspaces = mountWorkspaces(ctx, canvas.view);
const exporting = mountExport(ctx, canvas.imageExport);
const cooperation = mountCooperation(ctx, explorer);
const why = mountPaths(ctx, explorer);
mountHistory(ctx);
mountReview(ctx);
mountFilters(ctx);
const metrics = mountAnalyticsLazily(ctx, explorer);
mountStatus(ctx);
mountDetails(ctx, explorer, cooperation.ops, curation, why);
mountShortcuts(ctx, {
  explorer,
  canvas,
  curation,
  console: consolePanel,
  workspaces: workspaces.panel,
  export: exporting,
});

// Test builds only (`vite build --mode test`): the handle the browser tests drive; production has none of it.
if (__TEST_HOOKS__)
  void import('./app/test-build').then((m) =>
    m.installExplorerHooks({ ctx, explorer, canvas, cooperation, metrics }),
  );

openFirstView(ctx, auth, explorer, workspaces.ops);
