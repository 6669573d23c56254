// Types for cytoscape-fcose, which ships none: the extension and the layout options we use.
declare module 'cytoscape-fcose' {
  import type cytoscape from 'cytoscape';

  /** Options of the `fcose` layout (see the package README for the full list). */
  export interface FcoseLayoutOptions extends cytoscape.BaseLayoutOptions {
    name: 'fcose';
    quality?: 'draft' | 'default' | 'proof';
    /** When false the layout starts from current positions; quality must then be 'proof'. */
    randomize?: boolean;
    animate?: boolean | 'end';
    animationDuration?: number;
    fit?: boolean;
    padding?: number;
    nodeDimensionsIncludeLabels?: boolean;
    nodeSeparation?: number;
    nodeRepulsion?: number | ((node: cytoscape.NodeSingular) => number);
    idealEdgeLength?: number | ((edge: cytoscape.EdgeSingular) => number);
    edgeElasticity?: number | ((edge: cytoscape.EdgeSingular) => number);
    gravity?: number;
    numIter?: number;
    tile?: boolean;
    packComponents?: boolean;
    /** Nodes pinned at the given model positions. */
    fixedNodeConstraint?: { nodeId: string; position: cytoscape.Position }[];
  }

  /** The extension registrant, for `cytoscape.use(fcose)`. */
  const fcose: cytoscape.Ext;
  export default fcose;
}
