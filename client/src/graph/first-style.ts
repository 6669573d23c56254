// A new element's first style, without Cytoscape's per-property change triggers.
//
// Cytoscape applies an element's style lazily and, after each property it sets, checks that property's triggers:
// it clears the style caches of the element and of its connected edges (building a collection of them), marks its
// bounds dirty (firing a `bounds` event) and asks for a new z-order. On an element just added all of that is
// already so: adding it cleared its bounds and queued it for the renderer, its caches hold nothing from an earlier
// style, and the z-order is rebuilt for any addition. With about 18 properties set per node and 8 per edge in the
// explorer's stylesheet (stock Cytoscape sets one or two), those repeats were half of a 10k-element scene's style
// work (profiled 2026-12-07: 683 of 1,449 ms).
//
// Two things still happen: its style caches (and a node's edges') are cleared once, rather than once per property,
// and a new edge's curve still moves the edges parallel to it, which may be old ones. Every later style change
// (classes, data, a new stylesheet) keeps all the triggers.
import type cytoscape from 'cytoscape';

type TriggerCheck = (
  this: StyleInternals,
  ele: ElementInternals,
  name: string,
  from: unknown,
  to: unknown,
) => void;

/**
 * The flag (on the element's private data, cheaper than a set of every element) of an element that has had its first
 * style. Cytoscape marks every element unstyled again when the stylesheet is replaced; those restyles keep every
 * trigger (a value cached under the old stylesheet, such as "this edge is no bezier" from fast mode's straight edges,
 * must be cleared: a browser test caught exactly that).
 */
const STYLED = Symbol('first style set');

interface ElementInternals {
  _private: {
    appliedInitStyle?: boolean;
    styleCache: unknown;
    edges?: ElementInternals[];
    [STYLED]?: true;
  };
}

interface StyleInternals {
  _private: { cy: cytoscape.Core };
  applyContextStyle(this: StyleInternals, meta: unknown, style: unknown, ele: ElementInternals): unknown;
  checkTriggers: TriggerCheck;
  checkParallelEdgesBoundsTrigger: TriggerCheck;
}

const quiet = new WeakSet<cytoscape.Core>();
/** The element whose first style is being set, property after property; null between them. */
let styling: ElementInternals | null = null;
let installed = false;

/** Whether `cy` gives new elements their first style without the change triggers (see the top of this file). */
export function quietFirstStyleOn(cy: cytoscape.Core): boolean {
  return installed && quiet.has(cy);
}

/**
 * Gives the elements later added to `cy` their first style without the change triggers. Call it before adding
 * elements; other Cytoscape instances (stock ones in the benchmark among them) keep Cytoscape's own behaviour.
 */
export function quietFirstStyle(cy: cytoscape.Core): void {
  if (!installed) {
    const proto = Object.getPrototypeOf(cy.style()) as Partial<StyleInternals> | null;
    const checkTriggers = proto?.checkTriggers;
    const applyContextStyle = proto?.applyContextStyle;
    // A Cytoscape without these internals keeps its own behaviour.
    if (
      !proto ||
      typeof checkTriggers !== 'function' ||
      typeof applyContextStyle !== 'function' ||
      typeof proto.checkParallelEdgesBoundsTrigger !== 'function'
    )
      return;
    // Cytoscape sets an element's properties in one applyContextStyle call, checking triggers after each.
    proto.applyContextStyle = function (this: StyleInternals, meta, style, ele) {
      const first =
        ele._private.appliedInitStyle !== true &&
        ele._private[STYLED] !== true &&
        quiet.has(this._private.cy);
      if (!first) return applyContextStyle.call(this, meta, style, ele);
      ele._private[STYLED] = true;
      // Its style caches (and a node's edges'), as Cytoscape's own first style clears them, once rather than per property.
      ele._private.styleCache = null;
      for (const edge of ele._private.edges ?? []) edge._private.styleCache = null;
      const outer = styling;
      styling = ele;
      try {
        return applyContextStyle.call(this, meta, style, ele);
      } finally {
        styling = outer;
      }
    };
    proto.checkTriggers = function (this: StyleInternals, ele, name, from, to) {
      if (ele === styling) this.checkParallelEdgesBoundsTrigger(ele, name, from, to);
      else checkTriggers.call(this, ele, name, from, to);
    };
    installed = true;
  }
  quiet.add(cy);
}
