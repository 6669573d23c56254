// What is selected and what the details panel holds for it, and the rule that keeps both pointing at something drawn.
import type { NodeResponse } from '../../../contract';
import { cooperationShows } from '../features/cooperation/cooperation-projection';
import type { State } from './state';

/** What is selected: nothing, one node, one edge, or several nodes (panels switch on `kind`). */
export type Selection =
  | { kind: 'none' }
  | { kind: 'node'; id: string }
  | { kind: 'edge'; id: string }
  /** Two or more nodes (shift-click, box selection, "select neighbours"). */
  | { kind: 'nodes'; ids: readonly string[] };

/** The details panel's data for the selected node, fetched from /api/nodes/:id. */
export type Details =
  | { status: 'idle' }
  | { status: 'loading'; id: string }
  | { status: 'loaded'; id: string; response: NodeResponse }
  | { status: 'failed'; id: string; message: string };

/** The selection part of State. */
export interface SelectionSlice {
  selection: Selection;
  details: Details;
}

/** Nothing selected, no details. */
export function initialSelection(): SelectionSlice {
  return { selection: { kind: 'none' }, details: { status: 'idle' } };
}

/**
 * The selection narrowed to what is still on the canvas (or drawn by the open cooperation view),
 * with the details dropped when their element went; null when it is valid as it is. The update
 * function applies this after every change, so no panel ever shows a selection that is gone.
 */
export function validSelection(s: State): SelectionSlice | null {
  const sel = s.selection;
  const drawn = (id: string): boolean =>
    s.cooperation !== null && cooperationShows(s.cooperation.response, id);
  switch (sel.kind) {
    case 'none':
      return null;
    case 'node':
      return s.nodes.has(sel.id) || drawn(sel.id) ? null : initialSelection();
    case 'edge':
      return s.edges.has(sel.id) || drawn(sel.id) ? null : initialSelection();
    case 'nodes': {
      const ids = sel.ids.filter((id) => s.nodes.has(id));
      if (ids.length === sel.ids.length) return null;
      return {
        selection: ids.length ? { kind: 'nodes', ids } : { kind: 'none' },
        details: { status: 'idle' },
      };
    }
  }
}
