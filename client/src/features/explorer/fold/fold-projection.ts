// The scene as drawn with its folds: folded nodes out, a count badge per hub and a summary node per group in,
// edges to folded nodes redrawn as one aggregated edge per pair of drawn ends, with their count.
import type { GraphEdge, GraphNode } from '../../../../../contract';
import type { Point } from '../../../state/scene';
import { aggregateEdgeId, badgeId, keptInSight, type FoldScene, type FoldState } from './fold-state';

/** Where a badge sits from its hub's centre (model px): up and right, like a count on an icon. */
export const BADGE_OFFSET: Point = { x: 26, y: -26 };

/** One fold as drawn. */
export interface DrawnFold {
  id: string;
  kind: 'leaves' | 'group';
  /** The hub (leaves) or the most connected folded member (group). */
  anchor: string;
  /** Nodes it hides from the canvas. */
  count: number;
}

/** The drawn scene and what it hides. */
export interface FoldProjection {
  nodes: Map<string, GraphNode>;
  edges: Map<string, GraphEdge>;
  /** Folded node id -> the drawn node standing for it (badge or summary). */
  hiddenBy: Map<string, string>;
  folds: DrawnFold[];
}

/** What the notice says: how many nodes are folded, into how many badges and groups. */
export interface FoldSummary {
  leaves: number;
  badges: number;
  grouped: number;
  groups: number;
}

/** The counts behind the notice. */
export function foldSummary(p: Pick<FoldProjection, 'folds'>): FoldSummary {
  const sum = { leaves: 0, badges: 0, grouped: 0, groups: 0 };
  for (const f of p.folds) {
    if (f.kind === 'leaves') {
      sum.leaves += f.count;
      sum.badges++;
    } else {
      sum.grouped += f.count;
      sum.groups++;
    }
  }
  return sum;
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** The notice in words ("312 leaves folded into 9 badges · 4 communities grouped (57 nodes)"); '' when nothing is folded. */
export function describeFolds(sum: FoldSummary): string {
  const parts: string[] = [];
  if (sum.badges)
    parts.push(`${plural(sum.leaves, 'leaf', 'leaves')} folded into ${plural(sum.badges, 'badge')}`);
  if (sum.groups)
    parts.push(`${plural(sum.groups, 'community', 'communities')} grouped (${plural(sum.grouped, 'node')})`);
  return parts.join(' · ');
}

/**
 * The drawn nodes that show scene nodes `ids` (what an image export covers): each node drawn as itself, and a badge
 * or summary node when every node it folds is among `ids`. So an image of the whole canvas carries its "+24" badges
 * and its community summaries as the screen does, and an image of part of it (the selection) carries no count of
 * nodes it leaves out.
 */
export function drawnNodeIdsFor(
  p: Pick<FoldProjection, 'hiddenBy' | 'folds'> | null,
  ids: readonly string[],
): string[] {
  if (!p) return [...ids];
  const drawn: string[] = [];
  const exportedIn = new Map<string, number>();
  for (const id of ids) {
    const by = p.hiddenBy.get(id);
    if (by === undefined) drawn.push(id);
    else exportedIn.set(by, (exportedIn.get(by) ?? 0) + 1);
  }
  for (const f of p.folds) if (f.count > 0 && exportedIn.get(f.id) === f.count) drawn.push(f.id);
  return drawn;
}

/**
 * Projects the scene through its folds. A fold whose hub left the scene, or whose members all did, draws
 * nothing; pinned nodes and those on the highlighted path always stay drawn (and out of the counts), so a
 * badge's number is exactly what it hides. A hub inside a group takes its leaves into that group.
 */
export function projectFolds(s: FoldScene): FoldProjection {
  const kept = keptInSight(s);
  const hiddenBy = new Map<string, string>();
  const counts = new Map<string, { kind: DrawnFold['kind']; anchor: string; count: number }>();
  const degree = new Map<string, number>();
  for (const e of s.edges.values()) {
    degree.set(e.source, (degree.get(e.source) ?? 0) + 1);
    degree.set(e.target, (degree.get(e.target) ?? 0) + 1);
  }
  const foldable = (id: string): boolean => s.nodes.has(id) && !kept.has(id) && !hiddenBy.has(id);

  for (const [gid, members] of s.fold.groups) {
    const hide = [...members].filter(foldable);
    // A group reduced to one node draws that node: a summary of one hides nothing worth hiding.
    if (hide.length < 2) continue;
    const anchor = hide.reduce((best, id) =>
      (degree.get(id) ?? 0) > (degree.get(best) ?? 0) ||
      ((degree.get(id) ?? 0) === (degree.get(best) ?? 0) && id < best)
        ? id
        : best,
    );
    for (const id of hide) hiddenBy.set(id, gid);
    counts.set(gid, { kind: 'group', anchor, count: hide.length });
  }
  for (const [hub, leaves] of s.fold.leaves) {
    if (!s.nodes.has(hub)) continue;
    const hubGroup = hiddenBy.get(hub);
    const badge = badgeId(hub);
    for (const leaf of leaves) {
      if (!foldable(leaf)) continue;
      const into = hubGroup ?? badge;
      hiddenBy.set(leaf, into);
      const c = counts.get(into) ?? { kind: 'leaves' as const, anchor: hub, count: 0 };
      c.count++;
      counts.set(into, c);
    }
  }

  const nodes = new Map<string, GraphNode>();
  for (const [id, n] of s.nodes) if (!hiddenBy.has(id)) nodes.set(id, n);
  const folds: DrawnFold[] = [];
  for (const [id, c] of counts) {
    if (!c.count) continue;
    folds.push({ id, ...c });
    const anchorName = s.nodes.get(c.anchor)?.name ?? c.anchor;
    const name = c.kind === 'leaves' ? `+${c.count}` : `${anchorName} + ${c.count - 1}`;
    nodes.set(id, {
      id,
      // No label: a summary is of no kind of the model; the canvas styles it by its fold class.
      labels: [],
      name,
      properties: { count: c.count, anchor: c.anchor, fold: c.kind },
    });
  }

  const edges = new Map<string, GraphEdge>();
  const aggregated = new Map<string, GraphEdge & { properties: { count: number } }>();
  for (const [id, e] of s.edges) {
    const a = hiddenBy.get(e.source);
    const b = hiddenBy.get(e.target);
    if (a === undefined && b === undefined) {
      edges.set(id, e);
      continue;
    }
    const from = a ?? e.source;
    const to = b ?? e.target;
    if (from === to) continue;
    const key = aggregateEdgeId(from, to);
    const agg = aggregated.get(key);
    if (agg) agg.properties.count++;
    else
      aggregated.set(key, {
        id: key,
        type: '',
        source: from < to ? from : to,
        target: from < to ? to : from,
        properties: { count: 1 },
      });
  }
  // The type is the text the canvas writes on an edge: an aggregate says how many relationships it stands for.
  for (const [id, e] of aggregated)
    edges.set(id, { ...e, type: `${e.properties.count} relationship${e.properties.count === 1 ? '' : 's'}` });
  return { nodes, edges, hiddenBy, folds };
}

/**
 * Where the synthetic nodes sit: a badge beside its hub, a summary at its members' centre. Real nodes keep
 * the scene's positions (folded ones too, so unfolding puts them back where they were).
 */
export function foldPositions(
  p: Pick<FoldProjection, 'folds' | 'hiddenBy'>,
  positions: ReadonlyMap<string, Point>,
): Map<string, Point> {
  const out = new Map(positions);
  const sums = new Map<string, { x: number; y: number; n: number }>();
  for (const [id, into] of p.hiddenBy) {
    const at = positions.get(id);
    if (!at) continue;
    const sum = sums.get(into) ?? { x: 0, y: 0, n: 0 };
    sum.x += at.x;
    sum.y += at.y;
    sum.n++;
    sums.set(into, sum);
  }
  for (const f of p.folds) {
    const hub = positions.get(f.anchor);
    const sum = sums.get(f.id);
    if (f.kind === 'leaves' && hub) out.set(f.id, { x: hub.x + BADGE_OFFSET.x, y: hub.y + BADGE_OFFSET.y });
    else if (sum && sum.n) out.set(f.id, { x: sum.x / sum.n, y: sum.y / sum.n });
  }
  return out;
}

/** True when nothing is folded: the canvas draws the scene as it is. */
export function nothingFolded(fold: FoldState): boolean {
  return fold.leaves.size === 0 && fold.groups.size === 0;
}
