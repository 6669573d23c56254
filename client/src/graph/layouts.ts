// Layout options: a full layout per LayoutName (additions are placed by placement.ts, not by a layout).
import type cytoscape from 'cytoscape';
import type { FcoseLayoutOptions } from 'cytoscape-fcose';
import type { LayoutName } from '../state/state';

/** Layout animations are short: long enough to follow, short enough not to wait for. */
const ANIMATION_MS = 450;
/** Padding around the graph when a layout fits the viewport. */
export const FIT_PADDING = 40;

/** Forces shared by every fcose run, on the main thread and in the layout worker. */
export const FCOSE_FORCES = {
  nodeRepulsion: 6500,
  idealEdgeLength: 90,
  nodeSeparation: 90,
  nodeDimensionsIncludeLabels: true,
} as const;

/** Model positions of nodes that must not move (pinned), by id. */
export type FixedPositions = ReadonlyMap<string, { x: number; y: number }>;

/**
 * Options for laying out the whole canvas from scratch with `name`. Nodes in `fixed` stay put:
 * the view locks them (every layout skips locked nodes) and fcose also arranges around them.
 */
export function fullLayout(
  name: LayoutName,
  animate: boolean,
  fixed: FixedPositions = new Map(),
): cytoscape.LayoutOptions {
  const common = { animate, animationDuration: ANIMATION_MS, fit: true, padding: FIT_PADDING };
  switch (name) {
    case 'fcose': {
      const options: FcoseLayoutOptions = {
        name: 'fcose',
        quality: 'proof',
        randomize: true,
        ...FCOSE_FORCES,
        ...common,
      };
      if (fixed.size)
        options.fixedNodeConstraint = [...fixed].map(([nodeId, p]) => ({
          nodeId,
          position: { x: p.x, y: p.y },
        }));
      return options;
    }
    case 'concentric':
      return {
        name: 'concentric',
        ...common,
        minNodeSpacing: 30,
        concentric: (n: cytoscape.NodeSingular) => n.degree(false),
        levelWidth: () => 2,
      };
    case 'breadthfirst':
      return { name: 'breadthfirst', ...common, directed: false, spacingFactor: 1.1, circle: false };
    case 'grid':
      return { name: 'grid', ...common, avoidOverlap: true, avoidOverlapPadding: 30 };
    case 'circle':
      return { name: 'circle', ...common, avoidOverlap: true };
  }
}
