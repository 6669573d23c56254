// Which nodes an export covers: what the canvas shows (never filtered-out nodes), or only the selection of it.
import { sceneVisibility } from '../filters/scene-visibility';
import type { State } from '../../state/state';

/** The selected nodes: the node, the nodes, or an edge's two ends. */
export function selectedNodeIds(s: State): string[] {
  switch (s.selection.kind) {
    case 'node':
      return [s.selection.id];
    case 'nodes':
      return [...s.selection.ids];
    case 'edge': {
      const edge = s.edges.get(s.selection.id);
      return edge ? [edge.source, edge.target] : [];
    }
    default:
      return [];
  }
}

/** Ids of the nodes to export, in scene order: the shown ones, or those of them that are selected. */
export function exportNodeIds(s: State, selectionOnly: boolean): string[] {
  const hidden = sceneVisibility(s).hiddenNodes;
  const shown = [...s.nodes.keys()].filter((id) => !hidden.has(id));
  if (!selectionOnly) return shown;
  const selected = new Set(selectedNodeIds(s));
  return shown.filter((id) => selected.has(id));
}
