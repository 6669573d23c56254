// Every state transition the client may ask for, bound to the one update function (state/update.ts).
// Each feature writes its own transitions next to its slice (features/<name>/state.ts); this file joins them.
import { analyticsActions, type AnalyticsActions } from '../features/analytics/state';
import { authActions, type AuthActions } from '../features/auth/state';
import { consoleActions, type ConsoleActions } from '../features/console/state';
import { cooperationActions, type CooperationActions } from '../features/cooperation/state';
import { curationActions, type CurationActions } from '../features/curation/state';
import { explorerActions, type ExplorerActions } from '../features/explorer/state';
import { filterActions, type FilterActions } from '../features/filters/state';
import { pathActions, type PathActions } from '../features/paths/state';
import { statusActions, type StatusActions } from '../features/status/state';
import { workspaceActions, type WorkspaceActions } from '../features/workspaces/state';
import type { State } from './state';
import type { WritableStore } from './store';
import { createUpdater, type Updater } from './update';

/** The state transitions: undo history moves (`step`, `undo`, `redo`, `jumpTo`) and every feature's. */
export type Actions = Pick<Updater, 'step' | 'undo' | 'redo' | 'jumpTo'> &
  ExplorerActions &
  PathActions &
  CooperationActions &
  FilterActions &
  AnalyticsActions &
  CurationActions &
  WorkspaceActions &
  ConsoleActions &
  AuthActions &
  StatusActions;

/** Binds every transition to `store` through one update function; `now` dates the undo steps. */
export function createActions(store: WritableStore<State>, now: () => number = Date.now): Actions {
  const u = createUpdater(store, now);
  const explorer = explorerActions(u);
  return {
    step: u.step,
    undo: u.undo,
    redo: u.redo,
    jumpTo: u.jumpTo,
    ...explorer,
    ...pathActions(u),
    ...cooperationActions(u),
    ...filterActions(u),
    ...analyticsActions(u),
    ...curationActions(u, explorer),
    ...workspaceActions(u),
    ...consoleActions(u),
    ...authActions(u),
    ...statusActions(u),
  };
}
