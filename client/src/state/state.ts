// The explorer's one typed State: what is on the canvas, what is selected, and what the user is told.
import type { AuthUser, CooperationResponse, Graph, NodeResponse, WorkspaceAccess } from '../../../contract';
import { defaultAnalytics, type AnalyticsSettings } from '../analytics/analytics-settings';
import type { Filters } from '../filters/filters';
import type { SceneMetrics } from '../analytics/scene-metrics';
import { initialCuration, type CurationUi } from './curation-actions';
import { createHistory, type History } from './history';
import { emptyScene, type Point, type Scene } from './scene';
import type { DrawMode } from '../graph/level-of-detail';

export type { Point, Scene } from './scene';

/** What is selected: nothing, one node, one edge, or several nodes (panels switch on `kind`). */
export type Selection =
  | { kind: 'none' }
  | { kind: 'node'; id: string }
  | { kind: 'edge'; id: string }
  /** Two or more nodes (shift-click, box selection, "select neighbours"). */
  | { kind: 'nodes'; ids: readonly string[] };

/** The details panel's data for the selected node, fetched from /api/nodes/:id. */
export type Details =
  | { status: 'idle' }
  | { status: 'loading'; id: string }
  | { status: 'loaded'; id: string; response: NodeResponse }
  | { status: 'failed'; id: string; message: string };

/** The filter of a selective expansion (none: expand all); paging keeps it. */
export interface ExpansionFilter {
  relTypes?: readonly string[];
  /** Only relationships leaving (`out`) or entering (`in`) the expanded node. */
  direction?: 'out' | 'in';
  labels?: readonly string[];
  /** Threat id: neighbours that are it or address/focus on it (the API's `?threat=`). */
  threat?: string;
}

/** How much of a node's neighbourhood is on the canvas after expanding it, and what that added. */
export interface Expansion {
  /** Neighbours the server returned so far for `filter` (over all pages). */
  shown: number;
  /** Neighbours that exist under `filter`. */
  total: number;
  /** The filter of the latest expansion; "next page" keeps it. */
  filter: ExpansionFilter;
  /** Nodes this node's expansions put on the canvas (they were not there before). */
  addedNodes: ReadonlySet<string>;
  /** Edges this node's expansions put on the canvas. */
  addedEdges: ReadonlySet<string>;
  /** Every neighbour the expansions returned, new or not: its neighbourhood as shown. */
  reached: ReadonlySet<string>;
}

/** The paths found by the path finder, highlighted on the canvas while set (part of the scene). */
export interface PathHighlight {
  /** Every element of every path; what is highlighted unless one path is chosen or previewed (see PathFocus). */
  nodeIds: ReadonlySet<string>;
  edgeIds: ReadonlySet<string>;
  count: number;
  /** The paths as the server returned them, listed beside the canvas. */
  paths: readonly Graph[];
  /** The ends the search ran between (paths are read from `from`). */
  ends: { from: NodeRef; to: NodeRef };
}

/**
 * Which found path the list has chosen or previews: view state, not a scene change, so not a history
 * step. It applies only while `of` is the scene's current `path` (undo to other paths drops it).
 */
export interface PathFocus {
  of: PathHighlight;
  /** The chosen path (its "why connected" is shown), or null for all. */
  chosen: number | null;
  /** The path under the pointer or keyboard cursor in the list, highlighted while there. */
  preview: number | null;
}

/** How the cooperation view shows the actor pairs. */
export type CooperationDisplay = 'graph' | 'matrix';

/** The open cooperation view (part of the scene; see state/cooperation-actions.ts for how it sits beside it). */
export interface CooperationView {
  response: CooperationResponse;
}

/** A node named by id, with the name to show for it. */
export interface NodeRef {
  id: string;
  name: string;
}

/** The path finder's chosen endpoints (a details-panel button can set them too). */
export interface PathEnds {
  from: NodeRef | null;
  to: NodeRef | null;
}

/** Layouts the toolbar offers; fcose is the default and the one used for expansions. */
export type LayoutName = 'fcose' | 'concentric' | 'breadthfirst' | 'grid' | 'circle';

/** The camera: zoom level and pan offset (rendered pixels), as Cytoscape reports them. */
export interface Viewport {
  zoom: number;
  pan: Point;
}

/** A one-off request to the graph view's camera or layout. */
export type ViewRequest =
  | { kind: 'fit'; ids?: readonly string[] }
  | { kind: 'zoom'; factor: number }
  | { kind: 'center'; id: string }
  | { kind: 'layout'; name: LayoutName }
  /** Set the camera exactly (opening a saved workspace). */
  | { kind: 'viewport'; viewport: Viewport };

/** A saved scene ready to replace the canvas (built by workspace/scene-capture.ts). */
export interface SceneToOpen {
  graph: Graph;
  positions: ReadonlyMap<string, Point>;
  pinned: ReadonlySet<string>;
  /** null: fit the graph instead. */
  viewport: Viewport | null;
  layout: LayoutName | null;
  filters: Filters;
  /** null: keep the page's current analytics settings. */
  analytics: AnalyticsSettings | null;
}

/** The workspace open in this page (named in the URL), with the version it was read or saved at. */
export interface OpenWorkspace {
  id: string;
  name: string;
  version: number;
  /** Its owner and sharing, and whether this user may save over it (else it is open read-only). */
  access: WorkspaceAccess;
}

/** Who is logged in, the CSRF token their writes carry, and whether the server needs a login to read (AUTH_REQUIRED). */
export interface AuthState {
  user: AuthUser | null;
  csrfToken: string | null;
  authRequired: boolean;
}

/** The login dialog while it is open, with why it was asked for. */
export interface LoginPrompt {
  reason: string;
}

/** A message in the status area; errors stay until dismissed. */
export interface Notice {
  id: number;
  kind: 'info' | 'error';
  text: string;
  code?: string;
}

/** How the start view went: drives the empty-canvas hint. */
export type StartView = 'loading' | 'loaded' | 'missing' | 'failed';

/** User settings that are not part of the scene (not undone). */
export interface Settings {
  /** Supernode guard: neighbours fetched per expansion page. */
  cap: number;
}

/**
 * Everything the UI renders. Changed only by the functions in actions.ts.
 * The Scene fields (nodes, edges, expansions, positions, pinned, path) are what undo restores.
 */
export interface State extends Scene {
  selection: Selection;
  details: Details;
  pathEnds: PathEnds;
  /** The layout the toolbar shows and re-runs (a preference; the positions it made are in the scene). */
  layout: LayoutName;
  /** Undo history of scenes; see state/history.ts for how a change becomes a step. */
  history: History<Scene>;
  settings: Settings;
  /** `seq` grows with each request so the view runs each exactly once. */
  view: { seq: number; request: ViewRequest | null };
  /** Line shown in the status area (e.g. "showing 50 of 120"). */
  statusText: string;
  /** Requests in flight; the status area shows a spinner while above zero. */
  busy: number;
  notices: readonly Notice[];
  startView: StartView;
  /** The saved workspace this page shows, if any. */
  workspace: OpenWorkspace | null;
  /** The path list's choice and preview (see PathFocus). */
  pathFocus: PathFocus | null;
  /** Graph or matrix, while the cooperation view is open (a preference, not a scene change). */
  cooperationDisplay: CooperationDisplay;
  /** Which measure sizes nodes and whether communities colour them. */
  analytics: AnalyticsSettings;
  /** Measures of the visible scene, derived (recomputed after scene or filter changes); null until computed. */
  metrics: SceneMetrics | null;
  /** The curation controls: edit form, relationship drawing, history toggle (see state/curation-actions.ts). */
  curation: CurationUi;
  /** The session, from GET /api/auth/me at start-up; changed only by the auth actions. */
  auth: AuthState;
  /** The open login dialog, or null. */
  loginPrompt: LoginPrompt | null;
  /** Drawing detail: fast levers by scene size ('auto'), or the user's forced choice (a preference, not undone). */
  drawMode: DrawMode;
}

/** Neighbours per expansion page unless the user sets another cap: what a first look can take in. */
export const DEFAULT_CAP = 50;

/** State at page load: an empty canvas waiting for the start view. */
export function initialState(settings: Partial<Settings> = {}, now = Date.now()): State {
  const scene = emptyScene();
  return {
    ...scene,
    selection: { kind: 'none' },
    details: { status: 'idle' },
    history: createHistory(scene, 'Empty canvas', now),
    settings: { cap: DEFAULT_CAP, ...settings },
    pathEnds: { from: null, to: null },
    layout: 'fcose',
    view: { seq: 0, request: null },
    statusText: '',
    busy: 0,
    notices: [],
    startView: 'loading',
    workspace: null,
    pathFocus: null,
    cooperationDisplay: 'graph',
    analytics: defaultAnalytics(),
    metrics: null,
    curation: initialCuration(),
    auth: { user: null, csrfToken: null, authRequired: false },
    loginPrompt: null,
    drawMode: 'auto',
  };
}
