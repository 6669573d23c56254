// The explorer's one typed State: what is on the canvas, what is selected, and what the user is told.
import type { CooperationResponse, Graph, GraphEdge, GraphNode, NodeResponse } from '../../../server/src/api-types';

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
  /** What is highlighted now: the previewed path, else the chosen one, else every path. */
  nodeIds: ReadonlySet<string>;
  edgeIds: ReadonlySet<string>;
  count: number;
  /** The paths as the server returned them, listed beside the canvas. */
  paths: readonly Graph[];
  /** The ends the search ran between (paths are read from `from`). */
  ends: { from: NodeRef; to: NodeRef };
  /** The path chosen in the list (its "why connected" is shown), or null for all. */
  chosen: number | null;
  /** The path under the pointer or keyboard focus in the list, highlighted while there. */
  preview: number | null;
}

/** How the cooperation view shows the actor pairs. */
export type CooperationDisplay = 'graph' | 'matrix';

/** The cooperation view while it is open (see state/cooperation-actions.ts for how it sits beside the scene). */
export interface CooperationView {
  response: CooperationResponse;
  display: CooperationDisplay;
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
  /** The open cooperation view, drawn over the explorer scene; null when closed. */
  cooperation: CooperationView | null;
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
    cooperation: null,
  };
}
