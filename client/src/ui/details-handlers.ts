// What the details panel's buttons can ask for; wired to operations and actions by main.ts.
import type { NodeRef, Selection } from '../state/state';

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
}
