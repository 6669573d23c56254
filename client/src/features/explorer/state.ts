// The explorer's slice of State and its transitions: the graph on the canvas (expand, collapse, hide,
// pin, positions), the selection, the camera and layout, and the canvas settings.
import type { Graph, NodeResponse } from '../../../../contract';
import type { DrawMode } from '../../graph/level-of-detail';
import { withGraph, withNode, without, type Point } from '../../state/scene';
import type { Selection } from '../../state/selection';
import type { State } from '../../state/state';
import type { Updater } from '../../state/update';
import { collapsePlan } from './collapse';
import type { CommunityGroup } from './fold/communities';
import { foldPositions, projectFolds } from './fold/fold-projection';
import {
  AUTO_FOLD_ABOVE,
  NO_FOLD,
  allLeavesPlan,
  autoFoldPlan,
  isGroupId,
  withGroupOpened,
  withGroups,
  withLeavesFolded,
  withLeavesUnfolded,
  withoutGroups,
  type FoldState,
} from './fold/fold-state';

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
  /** Neighbours over every relationship type (no filter); null when it could not be counted. */
  allTotal?: number | null;
  /** The filter of the latest expansion; "next page" keeps it. */
  filter: ExpansionFilter;
  /** Nodes this node's expansions put on the canvas (they were not there before). */
  addedNodes: ReadonlySet<string>;
  /** Edges this node's expansions put on the canvas. */
  addedEdges: ReadonlySet<string>;
  /** Every neighbour the expansions returned, new or not: its neighbourhood as shown. */
  reached: ReadonlySet<string>;
}

/** One page of an expansion, as fetched. */
export interface ExpansionPage {
  filter: ExpansionFilter;
  /** Neighbours skipped before this page. */
  skip: number;
  /** Neighbours under `filter` in all. */
  total: number;
  /** Neighbours with no filter (equal to `total` when `filter` is empty); null when unknown. */
  allTotal?: number | null;
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
  /** Frame these elements (all when absent), zooming in no further than `maxZoom` when given. */
  | { kind: 'fit'; ids?: readonly string[]; maxZoom?: number }
  | { kind: 'zoom'; factor: number }
  | { kind: 'center'; id: string }
  | { kind: 'layout'; name: LayoutName }
  /** Set the camera exactly (opening a saved workspace). */
  | { kind: 'viewport'; viewport: Viewport };

/** How the start view went: drives the empty-canvas hint. */
export type StartView = 'loading' | 'loaded' | 'missing' | 'failed';

/** User settings that are not part of the scene (not undone). */
export interface Settings {
  /** Supernode guard: neighbours fetched per expansion page. */
  cap: number;
  /** An expansion folds a node's leaves into a badge when it has more than this many (`?fold=N`; 0 never folds). */
  foldAbove: number;
}

/** The explorer's fields besides its scene ones (nodes, edges, expansions, positions, pinned: see state/scene.ts). */
export interface ExplorerSlice {
  /** The layout the toolbar shows and re-runs (a preference; the positions it made are in the scene). */
  layout: LayoutName;
  settings: Settings;
  /** `seq` grows with each request so the view runs each exactly once. */
  view: { seq: number; request: ViewRequest | null };
  startView: StartView;
  /** Drawing detail: fast levers by scene size ('auto'), or the user's forced choice (a preference, not undone). */
  drawMode: DrawMode;
}

/** Neighbours per expansion page unless the user sets another cap: what a first look can take in. */
export const DEFAULT_CAP = 50;
/** The server's hard ceiling for one page of neighbours. */
export const MAX_CAP = 500;
/**
 * The supernode cap asked for in the URL: `?cap=N` (1..500), else the default.
 * A bad value falls back to the default rather than breaking expansion.
 */
export function neighbourCap(search: string): number {
  const n = Number(new URLSearchParams(search).get('cap'));
  return Number.isInteger(n) && n >= 1 && n <= MAX_CAP ? n : DEFAULT_CAP;
}

/** Positions closer than this (model px) count as unchanged, so a settled layout makes no step. */
const MOVE_EPSILON = 0.5;

/** The explorer at page load, waiting for the start view. */
export function initialExplorer(settings: Partial<Settings> = {}): ExplorerSlice {
  return {
    layout: 'fcose',
    settings: { cap: DEFAULT_CAP, foldAbove: AUTO_FOLD_ABOVE, ...settings },
    view: { seq: 0, request: null },
    startView: 'loading',
    drawMode: 'auto',
  };
}

/** The explorer's transitions. */
export interface ExplorerActions {
  /**
   * Adds nodes and edges to the canvas, merging with what is there (evidence is kept). `fold` folds in the same
   * change (every hub's leaves, and/or these communities), so the canvas never draws what it is about to fold.
   */
  addGraph(graph: Graph, fold?: { leaves?: boolean; groups?: readonly CommunityGroup[] }): void;
  /**
   * Adds one page of `id`'s neighbours and records what it added (for paging and collapse). With `foldAbove` > 0,
   * the leaves of `id` past the first `foldAbove` (in the page's order) fold into its badge in the same change
   * (never drawn, then removed).
   */
  addExpansion(id: string, graph: Graph, page: ExpansionPage, foldAbove?: number): void;
  /** Removes what `id`'s expansions added, except what is pinned, on the path, or brought by something else. */
  collapse(id: string): void;
  /** Removes nodes (with their edges) and edges from the canvas. */
  hide(ids: readonly string[]): void;
  /** Pins or unpins nodes: pinned nodes keep their position through layouts. */
  setPinned(ids: readonly string[], pinned: boolean): void;
  /**
   * Stores node positions reported by the graph view. With a `label` (a layout, a drag) the
   * move is its own step; without, it settles the current step (placement after an expansion).
   */
  recordPositions(positions: ReadonlyMap<string, Point>, label: string | null): void;
  clearCanvas(): void;
  /** Selects a node, an edge, several nodes, or nothing; a single node's details start loading. */
  select(selection: Selection): void;
  detailsLoaded(id: string, response: NodeResponse): void;
  detailsFailed(id: string, message: string): void;
  setLayout(name: LayoutName): void;
  /** Sets the supernode cap (neighbours per expansion page), clamped to 1..MAX_CAP. */
  setCap(cap: number): void;
  requestView(request: ViewRequest): void;
  setStartView(startView: StartView): void;
  /** 'auto' draws fast above the threshold; 'fast' and 'full' force either way. A preference: not undone. */
  setDrawMode(mode: DrawMode): void;
  /** Folds each hub's leaves (of `plan`) into its count badge (they leave the canvas, not the scene). */
  foldLeaves(plan: ReadonlyMap<string, readonly string[]>): void;
  /** Puts `hub`'s folded leaves back on the canvas, where they were (moved with their hub). */
  unfoldLeaves(hub: string): void;
  /** Folds each community into one summary node. */
  groupCommunities(groups: readonly CommunityGroup[]): void;
  /** Opens one summary node: its members come back around where it stands. */
  openGroup(id: string): void;
  /** Opens every summary node (badges stay). */
  ungroupAll(): void;
  /** Unfolds everything: every badge and every group. */
  unfoldAll(): void;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

function sameFilter(a: ExpansionFilter, b: ExpansionFilter): boolean {
  const list = (x: readonly string[] | undefined): string => (x ?? []).join(',');
  return (
    list(a.relTypes) === list(b.relTypes) &&
    list(a.labels) === list(b.labels) &&
    (a.threat ?? '') === (b.threat ?? '')
  );
}

/** True when `f` keeps every neighbour (a plain expansion). */
export function isEmptyFilter(f: ExpansionFilter): boolean {
  return !f.relTypes?.length && !f.labels?.length && !f.threat && !f.direction;
}

/**
 * The state with `fold` in place of its folds: a selection of what the fold hides is dropped (it is no longer
 * drawn, and a panel must never show a selection the user cannot see).
 */
function withFold(s: State, fold: FoldState): Partial<State> {
  if (fold === s.fold) return {};
  const hidden = projectFolds({ ...s, fold }).hiddenBy;
  const sel = s.selection;
  const gone =
    (sel.kind === 'node' && hidden.has(sel.id)) ||
    (sel.kind === 'nodes' && sel.ids.some((id) => hidden.has(id))) ||
    (sel.kind === 'edge' &&
      [s.edges.get(sel.id)?.source, s.edges.get(sel.id)?.target].some(
        (id) => id !== undefined && hidden.has(id),
      ));
  if (!gone) return { fold };
  if (sel.kind === 'nodes') {
    const ids = sel.ids.filter((id) => !hidden.has(id));
    return {
      fold,
      selection:
        ids.length > 1
          ? { kind: 'nodes', ids }
          : ids.length
            ? { kind: 'node', id: ids[0] as string }
            : { kind: 'none' },
      details: { status: 'idle' },
    };
  }
  return { fold, selection: { kind: 'none' }, details: { status: 'idle' } };
}

/**
 * Positions with folded nodes carried along: a hub's folded leaves move with their hub, and a summary node
 * reported moved (a drag, a layout) moves its members, so unfolding puts them back around where it stands.
 */
function carryFolded(s: State, reported: ReadonlyMap<string, Point>, positions: Map<string, Point>): void {
  if (s.fold === NO_FOLD) return;
  const drawn = foldPositions(projectFolds(s), s.positions);
  const shift = (ids: Iterable<string>, dx: number, dy: number): void => {
    for (const id of ids) {
      if (reported.has(id)) continue;
      const p = positions.get(id);
      if (p) positions.set(id, { x: p.x + dx, y: p.y + dy });
    }
  };
  for (const [id, p] of reported) {
    const before = drawn.get(id);
    if (!before) continue;
    const dx = p.x - before.x;
    const dy = p.y - before.y;
    if (Math.abs(dx) < MOVE_EPSILON && Math.abs(dy) < MOVE_EPSILON) continue;
    const leaves = s.fold.leaves.get(id);
    if (leaves) shift(leaves, dx, dy);
    const members = isGroupId(id) ? s.fold.groups.get(id) : undefined;
    if (members) shift(members, dx, dy);
  }
}

/** The explorer's transitions, each one call of `u.update`. */
export function explorerActions(u: Updater): ExplorerActions {
  const nameOf = (id: string): string => u.get().nodes.get(id)?.name ?? id;
  return {
    addGraph: (graph, fold) =>
      u.update(
        (s) => {
          const merged = { ...s, ...withGraph(s, graph) };
          if (!fold) return { nodes: merged.nodes, edges: merged.edges };
          const grouped = withGroups(s.fold, fold.groups ?? []);
          const next = fold.leaves
            ? withLeavesFolded(grouped, allLeavesPlan({ ...merged, fold: grouped }))
            : grouped;
          return { nodes: merged.nodes, edges: merged.edges, ...withFold(merged, next) };
        },
        { step: `Add ${plural(graph.nodes.length, 'node')}` },
      ),

    addExpansion: (id, graph, page, foldAbove = 0) =>
      u.update(
        (s) => {
          const merged = withGraph(s, graph);
          const old = s.expansions.get(id);
          const neighbours = graph.nodes.map((n) => n.id).filter((n) => n !== id);
          const newNodes = neighbours.filter((n) => !s.nodes.has(n));
          const newEdges = [...merged.edges.keys()].filter((e) => !s.edges.has(e));
          const samePaging = old && page.skip > 0 && sameFilter(old.filter, page.filter);
          const expansion: Expansion = {
            filter: page.filter,
            total: page.total,
            allTotal: page.allTotal ?? (isEmptyFilter(page.filter) ? page.total : (old?.allTotal ?? null)),
            shown: (samePaging ? page.skip : 0) + neighbours.length,
            addedNodes: new Set([...(old?.addedNodes ?? []), ...newNodes]),
            addedEdges: new Set([...(old?.addedEdges ?? []), ...newEdges]),
            reached: new Set([...(old?.reached ?? []), ...neighbours]),
          };
          const next = { ...s, ...merged, expansions: new Map(s.expansions).set(id, expansion) };
          const plan = foldAbove > 0 ? autoFoldPlan(next, [id], foldAbove, neighbours) : null;
          const folded = plan?.size ? withFold(next, withLeavesFolded(s.fold, plan)) : {};
          return { ...merged, expansions: next.expansions, ...folded };
        },
        { step: `Expand ${nameOf(id)}` },
      ),

    collapse: (id) =>
      u.update(
        (s) => {
          const keep = new Set([...s.pinned, ...(s.path?.nodeIds ?? []), ...(s.path?.edgeIds ?? [])]);
          const plan = collapsePlan({ edges: s.edges.values(), expansions: s.expansions, keep }, id);
          const rest = without(s, plan.nodes, plan.edges);
          const expansions = new Map(rest.expansions);
          expansions.delete(id);
          return { ...rest, expansions };
        },
        { step: `Collapse ${nameOf(id)}` },
      ),

    hide: (ids) =>
      u.update(
        (s) => {
          const gone = new Set(ids);
          return without(s, gone, gone);
        },
        {
          step:
            ids.length === 1
              ? `Hide ${u.get().nodes.get(ids[0] ?? '')?.name ?? 'a relationship'}`
              : `Hide ${ids.length} elements`,
        },
      ),

    setPinned: (ids, pinned) =>
      u.update(
        (s) => {
          const next = new Set(s.pinned);
          for (const id of ids) {
            if (!s.nodes.has(id)) continue;
            if (pinned) next.add(id);
            else next.delete(id);
          }
          return next.size === s.pinned.size && [...next].every((id) => s.pinned.has(id))
            ? {}
            : { pinned: next };
        },
        {
          step: `${pinned ? 'Pin' : 'Unpin'} ${ids.length === 1 ? (u.get().nodes.get(ids[0] ?? '')?.name ?? ids[0]) : plural(ids.length, 'node')}`,
        },
      ),

    recordPositions: (reported, label) =>
      // Without a label the move settles the current step: the head then shows where newcomers landed.
      // Inside a `step` (e.g. opening a workspace) either kind is part of that step.
      u.update(
        (s) => {
          const positions = new Map(s.positions);
          carryFolded(s, reported, positions);
          let moved =
            positions.size !== s.positions.size ||
            [...positions].some(([id, p]) => s.positions.get(id) !== p);
          for (const [id, p] of reported) {
            if (!s.nodes.has(id)) continue;
            const old = positions.get(id);
            if (old && Math.abs(old.x - p.x) < MOVE_EPSILON && Math.abs(old.y - p.y) < MOVE_EPSILON) continue;
            positions.set(id, { x: p.x, y: p.y });
            moved = true;
          }
          return moved ? { positions } : {};
        },
        label === null ? 'amend' : { step: label },
      ),

    clearCanvas: () =>
      u.update(
        (s) => ({
          ...without(s, new Set(s.nodes.keys()), new Set()),
          path: null,
          cooperation: null,
          statusText: '',
        }),
        { step: 'Clear canvas' },
      ),

    select: (selection) =>
      u.update(() => ({
        selection,
        details: selection.kind === 'node' ? { status: 'loading', id: selection.id } : { status: 'idle' },
      })),

    detailsLoaded: (id, response) =>
      // Evidence is display data, not a user step: it amends the current step so undo keeps it.
      u.update((s) => {
        if (s.selection.kind !== 'node' || s.selection.id !== id) return {};
        const details = { status: 'loaded', id, response } as const;
        if (!s.nodes.has(id)) return { details };
        return { details, nodes: withNode(s, { ...response.node, evidence: response.evidence }) };
      }, 'amend'),

    detailsFailed: (id, message) =>
      u.update((s) =>
        s.selection.kind === 'node' && s.selection.id === id
          ? { details: { status: 'failed', id, message } }
          : {},
      ),

    setLayout: (layout) => u.update(() => ({ layout })),

    setCap: (cap) =>
      u.update((s) => ({
        settings: { ...s.settings, cap: Math.max(1, Math.min(MAX_CAP, Math.trunc(cap) || 1)) },
      })),

    requestView: (request) => u.update((s) => ({ view: { seq: s.view.seq + 1, request } })),

    setStartView: (startView) => u.update(() => ({ startView })),

    setDrawMode: (drawMode) => u.update((s) => (s.drawMode === drawMode ? {} : { drawMode })),

    foldLeaves: (plan) => {
      const n = [...plan.values()].reduce((sum, l) => sum + l.length, 0);
      const hub = plan.size === 1 ? nameOf([...plan.keys()][0] as string) : `${plan.size} nodes`;
      u.update((s) => withFold(s, withLeavesFolded(s.fold, plan)), {
        step: `Fold ${n} lea${n === 1 ? 'f' : 'ves'} of ${hub}`,
      });
    },

    unfoldLeaves: (hub) =>
      u.update((s) => withFold(s, withLeavesUnfolded(s.fold, hub)), {
        step: `Unfold the leaves of ${nameOf(hub)}`,
      }),

    groupCommunities: (groups) =>
      u.update((s) => withFold(s, withGroups(s.fold, groups)), {
        step: `Group ${groups.length} communit${groups.length === 1 ? 'y' : 'ies'}`,
      }),

    openGroup: (id) => u.update((s) => withFold(s, withGroupOpened(s.fold, id)), { step: 'Open a group' }),

    ungroupAll: () => u.update((s) => withFold(s, withoutGroups(s.fold)), { step: 'Ungroup all' }),

    unfoldAll: () => u.update((s) => withFold(s, NO_FOLD), { step: 'Unfold all' }),
  };
}
