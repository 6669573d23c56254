// Types for cytoscape-svg, which ships none: the extension and the `cy.svg()` method it adds to every core.
declare module 'cytoscape-svg' {
  import type cytoscape from 'cytoscape';

  /** Options of `cy.svg()`. */
  export interface SvgExportOptions {
    /** true: the whole graph at 1 model px per unit (times `scale`); false (default): the current view. */
    full?: boolean;
    scale?: number;
    /** Background colour; transparent when absent. */
    bg?: string;
  }

  /** A core once the extension is registered: `svg()` returns the graph as an SVG document (labels as `<text>`). */
  export interface SvgCore extends cytoscape.Core {
    svg(options?: SvgExportOptions): string;
  }

  /** The extension registrant, for `cytoscape.use(svg)`. */
  const svg: cytoscape.Ext;
  export default svg;
}
