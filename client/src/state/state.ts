// The explorer's one typed State, put together from the features' slices: each feature folder declares
// its fields and the transitions that change them (features/<name>/state.ts); this file only joins them.
import { initialAnalytics, type AnalyticsSlice } from '../features/analytics/state';
import { initialAuth, type AuthSlice } from '../features/auth/state';
import { initialCooperation, type CooperationSlice } from '../features/cooperation/state';
import { initialCuration, type CurationSlice } from '../features/curation/state';
import { initialExplorer, type ExplorerSlice, type Settings } from '../features/explorer/state';
import { initialPaths, type PathsSlice } from '../features/paths/state';
import { initialStatus, type StatusSlice } from '../features/status/state';
import { initialWorkspaces, type WorkspacesSlice } from '../features/workspaces/state';
import { createHistory, type History } from './history';
import { emptyScene, type Scene } from './scene';
import { initialSelection, type SelectionSlice } from './selection';

// The slices' types, so a reader of State can import them from here.
export type { Point, Scene } from './scene';
export type { Details, Selection } from './selection';
export type { AnalyticsSettings } from '../features/analytics/analytics-settings';
export type { AuthState, LoginPrompt } from '../features/auth/state';
export type { CooperationDisplay, CooperationView } from '../features/cooperation/state';
export type { CurationUi } from '../features/curation/state';
export type {
  Expansion,
  ExpansionFilter,
  LayoutName,
  Settings,
  StartView,
  ViewRequest,
  Viewport,
} from '../features/explorer/state';
export type { PathEnds, PathFocus, PathHighlight } from '../features/paths/state';
export type { Notice } from '../features/status/state';
export type { OpenWorkspace, SceneToOpen } from '../features/workspaces/state';

/** A node named by id, with the name to show for it. */
export interface NodeRef {
  id: string;
  name: string;
}

/**
 * Everything the UI renders. Changed only through the update function (state/update.ts).
 * The Scene fields (nodes, edges, expansions, positions, pinned, path, cooperation, filters) are what undo restores.
 */
export interface State
  extends
    Scene,
    SelectionSlice,
    ExplorerSlice,
    PathsSlice,
    CooperationSlice,
    AnalyticsSlice,
    CurationSlice,
    WorkspacesSlice,
    AuthSlice,
    StatusSlice {
  /** Undo history of scenes; see state/history.ts for how a change becomes a step. */
  history: History<Scene>;
}

/** State at page load: an empty canvas waiting for the start view. */
export function initialState(settings: Partial<Settings> = {}, now = Date.now()): State {
  const scene = emptyScene();
  return {
    ...scene,
    ...initialSelection(),
    ...initialExplorer(settings),
    ...initialPaths(),
    ...initialCooperation(),
    ...initialAnalytics(),
    ...initialCuration(),
    ...initialWorkspaces(),
    ...initialAuth(),
    ...initialStatus(),
    history: createHistory(scene, 'Empty canvas', now),
  };
}
