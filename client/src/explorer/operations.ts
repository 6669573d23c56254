// Use cases that talk to the API and then change State through actions; errors reach the user.
import type { GraphNode, NeighboursResponse } from '../../../server/src/api-types';
import type { ApiClient } from '../api/api-client';
import { ApiError, describeError, isAbortError } from '../api/api-error';
import type { Actions } from '../state/actions';
import type { NodeRef, Selection, State } from '../state/state';
import type { ReadableStore } from '../state/store';

/** Neighbours fetched per expansion by default; the server's default, and what a first look can take in. */
export const NEIGHBOUR_PAGE = 50;
/** The server's hard ceiling for one page of neighbours. */
const MAX_NEIGHBOUR_PAGE = 500;

/**
 * The supernode cap for this page: `?cap=N` (1..500) in the URL, else NEIGHBOUR_PAGE.
 * A bad value falls back to the default rather than breaking expansion.
 */
export function neighbourCap(search: string): number {
  const n = Number(new URLSearchParams(search).get('cap'));
  return Number.isInteger(n) && n >= 1 && n <= MAX_NEIGHBOUR_PAGE ? n : NEIGHBOUR_PAGE;
}

/** Ids look like `country:uk`: a prefix, a colon, a slug without spaces. */
const ID_PATTERN = /^[a-z]+:\S+$/;

/** What the UI can ask the explorer to do. */
export interface Operations {
  /** Loads the neighbourhood of `id` as the first view; a missing id leaves an empty canvas with a hint. */
  loadStartView(id: string): Promise<void>;
  select(selection: Selection): void;
  /** Puts a search result on the canvas, selects it and centres it. */
  addFromSearch(node: GraphNode): void;
  /** Expands a node's neighbourhood; `more` fetches the next page after what is shown. */
  expand(id: string, opts?: { more?: boolean }): Promise<void>;
  /** Turns what the user typed into a node: a known id as-is, otherwise the best search hit. */
  resolveNode(text: string): Promise<NodeRef | null>;
  hideSelection(): void;
  /** Shows an unexpected error to the user. */
  report(err: unknown): void;
}

/** Binds the use cases to an API client, the store and its actions. */
export function createOperations(api: ApiClient, store: ReadableStore<State>, actions: Actions, cap = NEIGHBOUR_PAGE): Operations {
  const nameOf = (id: string): string => store.get().nodes.get(id)?.name ?? id;

  const report = (err: unknown): void => {
    if (isAbortError(err)) return;
    actions.notify('error', describeError(err), err instanceof ApiError ? err.code : undefined);
  };

  /** Runs `task` with the busy indicator on; failures are reported, never dropped. */
  const run = async (task: () => Promise<void>): Promise<void> => {
    actions.beginWork();
    try {
      await task();
    } catch (err) {
      report(err);
    } finally {
      actions.endWork();
    }
  };

  const applyNeighbours = (id: string, res: NeighboursResponse, skip: number): void => {
    actions.addGraph(res);
    const shown = skip + res.nodes.filter((n) => n.id !== id).length;
    actions.recordExpansion(id, { shown, total: res.total });
    actions.setStatus(res.truncated
      ? `${nameOf(id)}: showing ${shown} of ${res.total} neighbours`
      : `${nameOf(id)}: ${res.total} neighbour${res.total === 1 ? '' : 's'}`);
  };

  const loadDetails = (id: string): void => {
    api.node(id).then(
      (res) => actions.detailsLoaded(id, res),
      (err: unknown) => {
        actions.detailsFailed(id, describeError(err));
        report(err);
      },
    );
  };

  const select = (selection: Selection): void => {
    const s = store.get();
    // A double-click taps twice; reselecting what is shown (or loading) needs no second fetch.
    const same = selection.kind === s.selection.kind && (selection.kind === 'none' || (s.selection.kind !== 'none' && s.selection.id === selection.id));
    if (same && s.details.status !== 'failed') return;
    actions.select(selection);
    if (selection.kind === 'node') loadDetails(selection.id);
  };

  return {
    report,
    select,

    loadStartView: async (id) => {
      actions.setStartView('loading');
      actions.beginWork();
      try {
        applyNeighbours(id, await api.neighbours(id, { limit: cap }), 0);
        actions.setStartView('loaded');
      } catch (err) {
        if (err instanceof ApiError && err.code === 'NOT_FOUND') {
          actions.setStartView('missing');
          actions.setStatus('The start view is not in the database: search for a node to begin.');
        } else {
          actions.setStartView('failed');
          report(err);
        }
      } finally {
        actions.endWork();
      }
    },

    addFromSearch: (node) => {
      actions.addGraph({ nodes: [node], edges: [] });
      select({ kind: 'node', id: node.id });
      actions.requestView({ kind: 'center', id: node.id });
    },

    expand: (id, opts = {}) => run(async () => {
      const previous = store.get().expansions.get(id);
      const skip = opts.more && previous ? previous.shown : 0;
      applyNeighbours(id, await api.neighbours(id, { limit: cap, skip }), skip);
    }),

    resolveNode: async (text) => {
      const trimmed = text.trim();
      if (!trimmed) return null;
      const onCanvas = store.get().nodes.get(trimmed);
      if (onCanvas) return { id: onCanvas.id, name: onCanvas.name };
      if (ID_PATTERN.test(trimmed)) return { id: trimmed, name: trimmed };
      const { nodes } = await api.search(trimmed, { limit: 1 });
      const hit = nodes[0];
      return hit ? { id: hit.id, name: hit.name } : null;
    },

    hideSelection: () => {
      const sel = store.get().selection;
      if (sel.kind === 'none') return;
      const what = sel.kind === 'node' ? nameOf(sel.id) : `a ${store.get().edges.get(sel.id)?.type ?? ''} relationship`;
      actions.hide([sel.id]);
      actions.setStatus(`Hid ${what} from the canvas.`);
    },
  };
}
