// Colour and shape per node kind: shared by the canvas stylesheet and the d3 legend so they agree.
import type { NodeKind } from './node-kind';

/** Cytoscape node shapes we use; each also has an SVG outline in shape-paths.ts. */
export type KindShape =
  'ellipse' | 'triangle' | 'round-rectangle' | 'hexagon' | 'diamond' | 'octagon' | 'star' | 'rhomboid';

/** How one kind of node is drawn. */
export interface KindStyle {
  colour: string;
  shape: KindShape;
  /** Node diameter in model pixels; forums are the hubs of this graph, so they are larger. */
  size: number;
}

/** Colours are distinct in hue and lightness so they survive greyscale printing of a slide. */
export const KIND_STYLES: Readonly<Record<NodeKind, KindStyle>> = {
  Country: { colour: '#2f6fdb', shape: 'ellipse', size: 38 },
  Person: { colour: '#d6457f', shape: 'triangle', size: 32 },
  Organization: { colour: '#7b4fd6', shape: 'round-rectangle', size: 34 },
  Forum: { colour: '#14936b', shape: 'hexagon', size: 44 },
  Agreement: { colour: '#d98a0b', shape: 'diamond', size: 38 },
  ThreatType: { colour: '#cf3b2f', shape: 'octagon', size: 36 },
  Technology: { colour: '#1597b3', shape: 'star', size: 36 },
  Source: { colour: '#5f6b7a', shape: 'rhomboid', size: 32 },
  Other: { colour: '#9aa3ad', shape: 'ellipse', size: 30 },
};

/** The CSS class a node of `kind` carries on the canvas (e.g. `kind-ThreatType`). */
export function kindClass(kind: NodeKind): string {
  return `kind-${kind}`;
}
