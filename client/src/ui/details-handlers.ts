// What the details panel's buttons can ask for; wired to operations and actions by main.ts.
import type { GraphEdge, GraphNode } from '../../../contract';
import type { NodeRef, Selection, State } from '../state/state';

/** Callbacks behind the details panel's links and buttons. */
export interface DetailsHandlers {
  select(selection: Selection): void;
  /** Expands `id`; `more` loads the next page of a capped expansion. */
  expand(id: string, more: boolean): void;
  hideSelection(): void;
  pathFrom(ref: NodeRef): void;
  pathTo(ref: NodeRef): void;
  setPinned(ids: readonly string[], pinned: boolean): void;
  /** Removes what expanding `id` added. */
  collapse(id: string): void;
  expandSelection(): void;
  /** Adds the real nodes and relationships behind a cooperation pair edge to the explorer scene. */
  addPairToExplorer(edgeId: string): void;
  /** Curation controls (edit, delete, history) for a node's or relationship's panel; absent: none shown. */
  curation?: {
    node(s: State, node: GraphNode): HTMLElement;
    edge(s: State, edge: GraphEdge): HTMLElement;
  };
}
