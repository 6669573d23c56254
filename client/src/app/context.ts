// The app context: what every feature is mounted with. It holds the one store (write access stays with the
// update function inside `actions`), the API clients, error reporting, suggestions and the page's containers.
import { createApiClient, type ApiClient } from '../api/api-client';
import { createAuthApi, type AuthApi } from '../api/auth-api';
import { createCurationApi, type CurationApi } from '../api/curation-api';
import { createCypherApi, type CypherApi } from '../api/cypher-api';
import { createWorkspaceApi, type WorkspaceApi } from '../api/workspace-api';
import { neighbourCap } from '../features/explorer/state';
import { foldThreshold } from '../features/explorer/fold/fold-settings';
import { createReport, type Report } from '../features/status/report';
import { createRunTask, type RunTask } from '../features/status/run-task';
import type { SearchHit } from '../shared/search-box';
import { createActions, type Actions } from '../state/actions';
import { initialState, type State } from '../state/state';
import { createStore, type ReadableStore } from '../state/store';
import { createPage, type Page } from './page';

/** Suggestions per search: enough to disambiguate, few enough to scan. */
const SUGGESTION_LIMIT = 10;

/** One client per part of the API. */
export interface ApiClients {
  /** Reads: search, neighbours, nodes, paths, cooperation, schema. */
  reads: ApiClient;
  curation: CurationApi;
  cypher: CypherApi;
  workspaces: WorkspaceApi;
  auth: AuthApi;
}

/** Search-as-you-type sources for the search boxes. */
export interface Suggest {
  /** Nodes whose name or alias matches `q`. */
  nodes(q: string, signal: AbortSignal): Promise<readonly SearchHit[]>;
  /** Threat types only (the threat pickers). */
  threats(q: string, signal: AbortSignal): Promise<readonly SearchHit[]>;
}

/** What a feature is mounted with. */
export interface AppContext {
  /** Read access to State; features subscribe to it to render. */
  readonly store: ReadableStore<State>;
  /** Every state transition, each made through the one update function (state/update.ts). */
  readonly actions: Actions;
  readonly api: ApiClients;
  /** Shows an unexpected error to the user. */
  readonly report: Report;
  /** Runs a use case with the busy indicator on; its failure is reported. */
  readonly run: RunTask;
  readonly suggest: Suggest;
  /** Where features put their elements. */
  readonly page: Page;
  /** The page URL's query string (`?node=`, `?cap=`, `?workspace=`). */
  readonly query: string;
}

/** Builds the context for this page; uncaught errors and rejections are reported from here on. */
export function createAppContext(): AppContext {
  const query = window.location.search;
  const reads = createApiClient();
  const store = createStore(initialState({ cap: neighbourCap(query), foldAbove: foldThreshold(query) }));
  const actions = createActions(store);
  const report = createReport(actions);
  window.addEventListener('error', (e) => report(e.error ?? e.message));
  window.addEventListener('unhandledrejection', (e) => report(e.reason));
  return {
    // Read access only: the write handle stays with the update function.
    store: { get: store.get, subscribe: store.subscribe },
    actions,
    api: {
      reads,
      curation: createCurationApi(),
      cypher: createCypherApi(),
      workspaces: createWorkspaceApi(),
      auth: createAuthApi(),
    },
    report,
    run: createRunTask(actions, report),
    suggest: {
      nodes: async (q, signal) => (await reads.search(q, { limit: SUGGESTION_LIMIT, signal })).nodes,
      threats: async (q, signal) =>
        (await reads.search(q, { labels: ['ThreatType'], limit: SUGGESTION_LIMIT, signal })).nodes,
    },
    page: createPage(),
    query,
  };
}
