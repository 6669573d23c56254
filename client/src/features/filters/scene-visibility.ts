// The filters' verdict on the current State, computed once per scene-or-filters change and shared by every reader.
import type { State } from '../../state/state';
import { computeVisibility, type Visibility } from './visibility';

let last: {
  nodes: State['nodes'];
  edges: State['edges'];
  filters: State['filters'];
  result: Visibility;
} | null = null;

/** Visibility of the State's scene under its filters (memoised on the three inputs' identity). */
export function sceneVisibility(s: State): Visibility {
  if (last && last.nodes === s.nodes && last.edges === s.edges && last.filters === s.filters)
    return last.result;
  const result = computeVisibility(s.nodes.values(), s.edges.values(), s.filters);
  last = { nodes: s.nodes, edges: s.edges, filters: s.filters, result };
  return result;
}

/** Filter classes of a node: `filtered` (hidden) or `filter-context` (shown faded for a relationship). */
export function nodeFilterClasses(id: string, s: State): string[] {
  const v = sceneVisibility(s);
  if (v.hiddenNodes.has(id)) return ['filtered'];
  return v.contextNodes.has(id) ? ['filter-context'] : [];
}

/** Filter classes of an edge. */
export function edgeFilterClasses(id: string, s: State): string[] {
  return sceneVisibility(s).hiddenEdges.has(id) ? ['filtered'] : [];
}
