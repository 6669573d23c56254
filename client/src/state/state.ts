// The explorer's one typed State: what is on the canvas, what is selected, and what the user is told.
import type { GraphEdge, GraphNode, NodeResponse } from '../../../server/src/api-types';
import { defaultAnalytics, type AnalyticsSettings } from '../analytics/analytics-settings';
import type { SceneMetrics } from '../analytics/scene-metrics';
import { defaultFilters, type Filters } from '../filters/filters';

/** What is selected: nothing, one node or one edge (panels switch on `kind`). */
export type Selection =
  | { kind: 'none' }
  | { kind: 'node'; id: string }
  | { kind: 'edge'; id: string };

/** The details panel's data for the selected node, fetched from /api/nodes/:id. */
export type Details =
  | { status: 'idle' }
  | { status: 'loading'; id: string }
  | { status: 'loaded'; id: string; response: NodeResponse }
  | { status: 'failed'; id: string; message: string };

/** How much of a node's neighbourhood is on the canvas after expanding it. */
export interface Expansion {
  /** Neighbours the server returned so far (over all pages). */
  shown: number;
  /** Neighbours that exist under the filters used. */
  total: number;
}

/** The paths found by the path finder, highlighted on the canvas while set. */
export interface PathHighlight {
  nodeIds: ReadonlySet<string>;
  edgeIds: ReadonlySet<string>;
  count: number;
}

/** A node named by id, with the name to show for it. */
export interface NodeRef { id: string; name: string }

/** The path finder's chosen endpoints (a details-panel button can set them too). */
export interface PathEnds { from: NodeRef | null; to: NodeRef | null }

/** Layouts the toolbar offers; fcose is the default and the one used for expansions. */
export type LayoutName = 'fcose' | 'concentric' | 'breadthfirst' | 'grid' | 'circle';

/** A one-off request to the graph view's camera or layout. */
export type ViewRequest =
  | { kind: 'fit'; ids?: readonly string[] }
  | { kind: 'zoom'; factor: number }
  | { kind: 'center'; id: string }
  | { kind: 'layout'; name: LayoutName };

/** A message in the status area; errors stay until dismissed. */
export interface Notice { id: number; kind: 'info' | 'error'; text: string; code?: string }

/** How the start view went: drives the empty-canvas hint. */
export type StartView = 'loading' | 'loaded' | 'missing' | 'failed';

/** Everything the UI renders. Changed only by the functions in actions.ts. */
export interface State {
  nodes: ReadonlyMap<string, GraphNode>;
  edges: ReadonlyMap<string, GraphEdge>;
  selection: Selection;
  details: Details;
  expansions: ReadonlyMap<string, Expansion>;
  path: PathHighlight | null;
  pathEnds: PathEnds;
  layout: LayoutName;
  /** `seq` grows with each request so the view runs each exactly once. */
  view: { seq: number; request: ViewRequest | null };
  /** Line shown in the status area (e.g. "showing 50 of 120"). */
  statusText: string;
  /** Requests in flight; the status area shows a spinner while above zero. */
  busy: number;
  notices: readonly Notice[];
  startView: StartView;
  /** What the filter panel and timeline hide; one slice, changed only by `setFilters`. */
  filters: Filters;
  /** Which measure sizes nodes and whether communities colour them. */
  analytics: AnalyticsSettings;
  /** Measures of the visible scene, derived (recomputed after scene or filter changes); null until computed. */
  metrics: SceneMetrics | null;
}

/** State at page load: an empty canvas waiting for the start view. */
export function initialState(): State {
  return {
    nodes: new Map(),
    edges: new Map(),
    selection: { kind: 'none' },
    details: { status: 'idle' },
    expansions: new Map(),
    path: null,
    pathEnds: { from: null, to: null },
    layout: 'fcose',
    view: { seq: 0, request: null },
    statusText: '',
    busy: 0,
    notices: [],
    startView: 'loading',
    filters: defaultFilters(),
    analytics: defaultAnalytics(),
    metrics: null,
  };
}
