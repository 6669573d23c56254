// The console's transition: a query's nodes and relationships put on the canvas (the console keeps no other state).
import type { Graph } from '../../../../contract';
import { withGraph } from '../../state/scene';
import type { Updater } from '../../state/update';

/** The console's transitions. */
export interface ConsoleActions {
  /** Adds the nodes and relationships a console query returned to the canvas (one step). */
  addQueryResult(graph: Graph): void;
}

/** The console's transitions, each one call of `u.update`. */
export function consoleActions(u: Updater): ConsoleActions {
  return {
    addQueryResult: (graph) =>
      u.update((s) => withGraph(s, graph), {
        step: `Console: add ${graph.nodes.length} node${graph.nodes.length === 1 ? '' : 's'}`,
      }),
  };
}
