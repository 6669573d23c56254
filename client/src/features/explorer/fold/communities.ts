// Which communities "Group communities" folds: Louvain over the scene (the analytics' seed, so the groups
// match the analytics panel's colours for the same scene), keeping communities of at least a minimum size.
import { COMMUNITY_SEED, sceneCommunities } from '../../analytics/scene-metrics';
import { adjacency, foldedMembers, keptInSight, type FoldScene } from './fold-state';

/** A community to fold: its most connected member (the summary's name) and every member. */
export interface CommunityGroup {
  top: string;
  members: string[];
}

/**
 * The communities of the drawn scene with at least `minSize` foldable members, largest first. Nodes kept in
 * sight (pinned, on the path) and nodes some fold already holds stay out; the most connected member (ties:
 * smallest id) names the group.
 */
export function communityGroups(s: FoldScene, minSize: number, seed = COMMUNITY_SEED): CommunityGroup[] {
  const out = foldedMembers(s.fold);
  const kept = keptInSight(s);
  const ids = [...s.nodes.keys()].filter((id) => !out.has(id)).sort();
  const raw = sceneCommunities({ nodes: ids, edges: [...s.edges.values()] }, seed);
  const adj = adjacency(s.edges.values());
  const byCommunity = new Map<number, string[]>();
  for (const id of ids) {
    if (kept.has(id)) continue;
    const c = raw[id];
    if (c === undefined) continue;
    const list = byCommunity.get(c);
    if (list) list.push(id);
    else byCommunity.set(c, [id]);
  }
  const degree = (id: string): number => adj.get(id)?.size ?? 0;
  return [...byCommunity.values()]
    .filter((members) => members.length >= minSize)
    .map((members) => {
      const top = members.reduce((best, id) => (degree(id) > degree(best) ? id : best));
      return { top, members };
    })
    .sort((a, b) => b.members.length - a.members.length || (a.top < b.top ? -1 : 1));
}
