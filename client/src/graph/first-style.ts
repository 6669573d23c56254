// An element's first style, without Cytoscape's per-property change triggers.
//
// Cytoscape applies an element's style lazily and, after each property it sets, checks that property's triggers:
// it clears the element's style cache and its connected edges' (building a collection of them), marks its bounds
// dirty (firing a `bounds` event) and asks for a new z-order. On an element getting its first style all of that is
// already so: adding it cleared its bounds and queued it for the renderer, its caches are empty and the z-order is
// rebuilt for any addition. With about 18 properties set per node and 11 per edge in the explorer's stylesheet
// (stock Cytoscape sets one or two), those repeats were half of a 10k-element scene's construction
// (profiled 2026-12-07: 683 of 1,449 ms of style application).
//
// One trigger still runs for a new edge: its curve style moves the edges parallel to it, which may be old ones.
// Later style changes (classes, a new stylesheet) keep every trigger.
import type cytoscape from 'cytoscape';

type TriggerCheck = (
  this: StyleInternals,
  ele: ElementInternals,
  name: string,
  from: unknown,
  to: unknown,
) => void;

interface ElementInternals {
  _private: { appliedInitStyle?: boolean };
}

interface StyleInternals {
  _private: { cy: cytoscape.Core };
  checkTriggers: TriggerCheck;
  checkParallelEdgesBoundsTrigger: TriggerCheck;
}

const quiet = new WeakSet<cytoscape.Core>();
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
    const original = proto?.checkTriggers;
    // A Cytoscape without these internals keeps its own behaviour.
    if (
      !proto ||
      typeof original !== 'function' ||
      typeof proto.checkParallelEdgesBoundsTrigger !== 'function'
    )
      return;
    proto.checkTriggers = function (this: StyleInternals, ele, name, from, to) {
      if (ele._private.appliedInitStyle !== true && quiet.has(this._private.cy)) {
        this.checkParallelEdgesBoundsTrigger(ele, name, from, to);
        return;
      }
      original.call(this, ele, name, from, to);
    };
    installed = true;
  }
  quiet.add(cy);
}
