// What is folded out of sight, as plain scene data (undo restores it): a hub's leaves folded into a count
// badge, and communities grouped into one summary node. Pure: no DOM, no canvas.
import type { GraphEdge, GraphNode } from '../../../../../contract';

/**
 * What is folded. The folded nodes stay in the scene; only the canvas skips them. Why: data exports, the briefing
 * pack, paths, details and the node counts act on the whole scene, so folding can never drop a node from a
 * deliverable or an answer; what needs a folded node in sight (a selection, a highlighted path, a pin) unfolds
 * it or keeps it drawn. An image export draws what the canvas draws, badges and summaries included
 * (fold-projection.ts, `drawnNodeIdsFor`).
 */
export interface FoldState {
  /** Per hub, the leaves folded into its badge. */
  leaves: ReadonlyMap<string, ReadonlySet<string>>;
  /** Per summary node id, the community's members folded into it. */
  groups: ReadonlyMap<string, ReadonlySet<string>>;
}

/** Nothing folded (one shared object, so "no fold" is cheap to test by identity). */
export const NO_FOLD: FoldState = Object.freeze({ leaves: new Map(), groups: new Map() });

/**
 * An expansion that leaves more than this many leaves drawn on one node folds the rest into its badge. Why 50:
 * it is the default neighbour cap, so a first page is always drawn in full (what the user asked to see); the
 * pages after it ("Next 50") and larger caps are where a node's leaves pile up past what can be read.
 */
export const AUTO_FOLD_ABOVE = 50;
/** "Group communities" folds only communities of at least this many nodes: smaller ones read fine as they are. */
export const GROUP_MIN_SIZE = 5;

/**
 * Synthetic ids start with `fold~`: real ids are `kind:slug` (or a Neo4j element id) and never
 * contain `~`, so a synthetic id can never name a real node.
 */
const FOLD_PREFIX = 'fold~';
const BADGE_PREFIX = `${FOLD_PREFIX}leaves~`;
const GROUP_PREFIX = `${FOLD_PREFIX}group~`;
const EDGE_PREFIX = `${FOLD_PREFIX}edge~`;

/** True for any synthetic fold element (badge, summary node, aggregated edge). */
export function isFoldId(id: string): boolean {
  return id.startsWith(FOLD_PREFIX);
}
/** The badge node id of `hub`'s folded leaves. */
export function badgeId(hub: string): string {
  return `${BADGE_PREFIX}${hub}`;
}
/** The hub a badge id stands for, or null when `id` is not a badge. */
export function hubOfBadge(id: string): string | null {
  return id.startsWith(BADGE_PREFIX) ? id.slice(BADGE_PREFIX.length) : null;
}
/** The summary node id of a community named after its most connected member. */
export function groupId(top: string): string {
  return `${GROUP_PREFIX}${top}`;
}
/** The member a summary node id is named after, or null when `id` is not a summary node. */
export function topOfGroup(id: string): string | null {
  return id.startsWith(GROUP_PREFIX) ? id.slice(GROUP_PREFIX.length) : null;
}
/** True for a summary node id. */
export function isGroupId(id: string): boolean {
  return id.startsWith(GROUP_PREFIX);
}
/** The id of the aggregated edge between two drawn ends (undirected: the ends in sorted order). */
export function aggregateEdgeId(a: string, b: string): string {
  return a < b ? `${EDGE_PREFIX}${a}~${b}` : `${EDGE_PREFIX}${b}~${a}`;
}

/** The scene as the fold logic reads it (structurally a part of State). */
export interface FoldScene {
  nodes: ReadonlyMap<string, GraphNode>;
  edges: ReadonlyMap<string, GraphEdge>;
  pinned: ReadonlySet<string>;
  expansions: ReadonlyMap<string, unknown>;
  path: { nodeIds: ReadonlySet<string> } | null;
  fold: FoldState;
}

/** Distinct neighbours of every node over the scene's edges (direction ignored, self-loops dropped). */
export function adjacency(edges: Iterable<{ source: string; target: string }>): Map<string, Set<string>> {
  const adj = new Map<string, Set<string>>();
  const link = (a: string, b: string): void => {
    let set = adj.get(a);
    if (!set) adj.set(a, (set = new Set()));
    set.add(b);
  };
  for (const e of edges) {
    if (e.source === e.target) continue;
    link(e.source, e.target);
    link(e.target, e.source);
  }
  return adj;
}

/** Nodes that never fold: pinned ones and those on the highlighted path (the user put them in sight on purpose). */
export function keptInSight(s: Pick<FoldScene, 'pinned' | 'path'>): ReadonlySet<string> {
  return new Set([...s.pinned, ...(s.path?.nodeIds ?? [])]);
}

/** Every node some fold already holds (a leaf of any hub, a member of any group). */
export function foldedMembers(fold: FoldState): Set<string> {
  const out = new Set<string>();
  for (const set of fold.leaves.values()) for (const id of set) out.add(id);
  for (const set of fold.groups.values()) for (const id of set) out.add(id);
  return out;
}

/** What finding leaves reads besides the scene, computed once for many hubs. */
interface LeafContext {
  adj: Map<string, Set<string>>;
  kept: ReadonlySet<string>;
  elsewhere: ReadonlySet<string>;
}

function leafContext(s: FoldScene): LeafContext {
  return { adj: adjacency(s.edges.values()), kept: keptInSight(s), elsewhere: foldedMembers(s.fold) };
}

function leavesIn(s: FoldScene, hub: string, { adj, kept, elsewhere }: LeafContext): string[] {
  // A pair of nodes tied only to each other are each other's leaf: fold neither (the hub would vanish too).
  if ((adj.get(hub)?.size ?? 0) < 2) return [];
  const own = s.fold.leaves.get(hub);
  const out: string[] = [];
  for (const n of adj.get(hub) ?? []) {
    if (!s.nodes.has(n) || kept.has(n) || s.expansions.has(n) || s.fold.leaves.has(n)) continue;
    if (elsewhere.has(n) && !own?.has(n)) continue;
    if (adj.get(n)?.size === 1) out.push(n);
  }
  return out.sort();
}

/**
 * The leaves of `hub`: its neighbours whose only tie in the scene is `hub`, except nodes kept in sight,
 * nodes the user expanded (their neighbourhood is theirs), hubs of a fold, and nodes already folded elsewhere.
 */
export function leavesOf(s: FoldScene, hub: string): string[] {
  return leavesIn(s, hub, leafContext(s));
}

/** `fold` with each hub's `leaves` (of `plan`) added to its badge. */
export function withLeavesFolded(fold: FoldState, plan: ReadonlyMap<string, readonly string[]>): FoldState {
  const next = new Map(fold.leaves);
  for (const [hub, leaves] of plan)
    if (leaves.length) next.set(hub, new Set([...(fold.leaves.get(hub) ?? []), ...leaves]));
  return next.size === fold.leaves.size && [...plan.values()].every((l) => !l.length)
    ? fold
    : { ...fold, leaves: next };
}

/** `fold` without `hub`'s badge. */
export function withLeavesUnfolded(fold: FoldState, hub: string): FoldState {
  if (!fold.leaves.has(hub)) return fold;
  const next = new Map(fold.leaves);
  next.delete(hub);
  return emptyOr({ ...fold, leaves: next });
}

/** `fold` with these communities grouped (each a list of member ids, at least two). */
export function withGroups(
  fold: FoldState,
  groups: readonly { top: string; members: readonly string[] }[],
): FoldState {
  if (!groups.length) return fold;
  const next = new Map(fold.groups);
  for (const g of groups) next.set(groupId(g.top), new Set(g.members));
  return { ...fold, groups: next };
}

/** `fold` without the group `id` (opening it). */
export function withGroupOpened(fold: FoldState, id: string): FoldState {
  if (!fold.groups.has(id)) return fold;
  const next = new Map(fold.groups);
  next.delete(id);
  return emptyOr({ ...fold, groups: next });
}

/** `fold` with every group opened (badges stay). */
export function withoutGroups(fold: FoldState): FoldState {
  return fold.groups.size ? emptyOr({ ...fold, groups: new Map() }) : fold;
}

/** NO_FOLD when nothing is folded any more, so the canvas takes its no-fold fast path again. */
function emptyOr(fold: FoldState): FoldState {
  return fold.leaves.size || fold.groups.size ? fold : NO_FOLD;
}

/**
 * What an expansion folds: on each node of `hubs` with more than `above` leaves drawn, the leaves past the first
 * `above` in `order` (the server's, best connected first) fold into its badge. Why not all of them: an expansion
 * must show something, and the best-connected leaves are the ones an analyst reads first; the badge counts the
 * rest. Returns the leaves to fold per hub.
 */
export function autoFoldPlan(
  s: FoldScene,
  hubs: readonly string[],
  above: number,
  order: readonly string[] = [],
): Map<string, string[]> {
  const ctx = leafContext(s);
  const rank = new Map(order.map((id, i) => [id, i]));
  const plan = new Map<string, string[]>();
  for (const hub of hubs) {
    if (!s.nodes.has(hub)) continue;
    const already = s.fold.leaves.get(hub);
    const drawn = leavesIn(s, hub, ctx).filter((n) => !already?.has(n));
    if (drawn.length <= above) continue;
    const ranked = drawn
      .map((id, i) => ({ id, at: rank.get(id) ?? order.length + i }))
      .sort((a, b) => a.at - b.at)
      .map((x) => x.id);
    plan.set(hub, ranked.slice(above));
  }
  return plan;
}

/** "Fold all leaves" gives a badge only to hubs with at least this many leaves: a "+1" hides nothing worth hiding. */
export const MIN_BADGE_LEAVES = 2;

/** Every hub's unfolded leaves, for hubs with at least `min` of them (one pass over the scene). */
export function allLeavesPlan(s: FoldScene, min = MIN_BADGE_LEAVES): Map<string, string[]> {
  const ctx = leafContext(s);
  const plan = new Map<string, string[]>();
  for (const hub of s.nodes.keys()) {
    if ((ctx.adj.get(hub)?.size ?? 0) < min + 1 && !s.fold.leaves.has(hub)) continue;
    const already = s.fold.leaves.get(hub);
    const fresh = leavesIn(s, hub, ctx).filter((n) => !already?.has(n));
    if (fresh.length && fresh.length + (already?.size ?? 0) >= min) plan.set(hub, fresh);
  }
  return plan;
}

/** Which fold holds `id`: a hub's badge or a group; null when it is not folded. */
export function foldHolding(
  fold: FoldState,
  id: string,
): { kind: 'leaves'; hub: string } | { kind: 'group'; id: string } | null {
  for (const [gid, members] of fold.groups) if (members.has(id)) return { kind: 'group', id: gid };
  for (const [hub, leaves] of fold.leaves) if (leaves.has(id)) return { kind: 'leaves', hub };
  return null;
}

/** `fold` without nodes that left the scene (a hidden or collapsed node that comes back later comes back unfolded). */
export function pruneFold(fold: FoldState, nodes: ReadonlyMap<string, unknown>): FoldState {
  if (fold === NO_FOLD) return fold;
  const prune = (
    m: ReadonlyMap<string, ReadonlySet<string>>,
    keyMustExist: boolean,
  ): Map<string, ReadonlySet<string>> => {
    const out = new Map<string, ReadonlySet<string>>();
    for (const [k, set] of m) {
      if (keyMustExist && !nodes.has(k)) continue;
      const kept = new Set([...set].filter((id) => nodes.has(id)));
      if (kept.size) out.set(k, kept);
    }
    return out;
  };
  return emptyOr({ leaves: prune(fold.leaves, true), groups: prune(fold.groups, false) });
}
