// Use cases that talk to the API and then change State through actions; errors reach the user.
// Each scene change is one named undo step (`actions.step`), taken after the fetch, never across it.
import type { GraphNode, NeighbourCountsResponse, NeighboursResponse } from '../../../../contract';
import type { ApiClient } from '../../api/api-client';
import { ApiError, describeError } from '../../api/api-error';
import type { Actions } from '../../state/actions';
import type { NodeRef, Selection, State } from '../../state/state';
import type { ReadableStore } from '../../state/store';
import type { Report } from '../status/report';
import type { RunTask } from '../status/run-task';
import { canvasNeighbours, sampleNote, shownOfAll } from './neighbour-summary';
import { isEmptyFilter, type ExpansionFilter } from './state';
import { projectFolds } from './fold/fold-projection';
import { sceneVisibility } from '../filters/scene-visibility';
import {
  GROUP_MIN_SIZE,
  allLeavesPlan,
  foldHolding,
  hubOfBadge,
  isGroupId,
  leavesOf,
} from './fold/fold-state';

/** Ids look like `country:uk`: a prefix, a colon, a slug without spaces. */
const ID_PATTERN = /^[a-z]+:\S+$/;

/** Options of an expansion: a selective filter, or the next page of the last one. */
export interface ExpandOptions {
  filter?: ExpansionFilter;
  /** Fetch the page after what is shown, with the filter the last expansion used. */
  more?: boolean;
}

/** What the UI can ask the explorer to do. */
export interface Operations {
  /**
   * Loads the neighbourhood of `id` as the first view; a missing id leaves an empty canvas with a hint. `early` is
   * that same request when the page sent it before knowing its login state (startViewRequest).
   */
  loadStartView(id: string, early?: Promise<NeighboursResponse>): Promise<void>;
  select(selection: Selection): void;
  /** Shift-click: adds a node to the selection, or takes it out. */
  toggleSelected(id: string): void;
  /** Selects these nodes (box selection, "select neighbours"); one id selects that node. */
  selectNodes(ids: readonly string[]): void;
  /** Selects the on-canvas neighbours of `id`. */
  selectNeighbours(id: string): void;
  /** Puts a search result on the canvas, selects it and centres it. */
  addFromSearch(node: GraphNode): void;
  /** Expands a node's neighbourhood, all of it or by a filter; `more` pages on. */
  expand(id: string, opts?: ExpandOptions): Promise<void>;
  /** Expands every selected node (the keyboard's E). */
  expandSelection(): Promise<void>;
  neighbourCounts(id: string, signal?: AbortSignal): Promise<NeighbourCountsResponse>;
  /** Removes what `id`'s expansions added. */
  collapse(id: string): void;
  /** Pins or unpins nodes (pinned keep their place through layouts). */
  setPinned(ids: readonly string[], pinned: boolean): void;
  /** Pins the selected nodes, or unpins them when all are pinned. */
  togglePinSelection(): void;
  /** Turns what the user typed into a node: a known id as-is, otherwise the best search hit. */
  resolveNode(text: string): Promise<NodeRef | null>;
  hideSelection(): void;
  /** Node ids the selection covers (empty for none or an edge). */
  selectedNodeIds(): string[];
  /** Folds the leaves of `id` (its neighbours tied to nothing else on the canvas) into a count badge. */
  foldLeaves(id: string): void;
  /** Puts the folded leaves of `id` back on the canvas. */
  unfoldLeaves(id: string): void;
  /**
   * The keyboard's O and a click on a fold: a badge unfolds its hub's leaves, a summary node opens, a hub with a
   * badge unfolds it, any other node folds its leaves.
   */
  toggleFold(id: string): void;
  /** Folds the leaves of every node with at least MIN_BADGE_LEAVES of them. */
  foldAllLeaves(): void;
  /** Folds each community of at least GROUP_MIN_SIZE nodes into one summary node. */
  groupCommunities(): Promise<void>;
  /** Opens the summary node `id`. */
  openGroup(id: string): void;
  ungroupAll(): void;
  unfoldAll(): void;
}

/** What the explorer's use cases work with (the app context provides each). */
export interface ExplorerDeps {
  api: ApiClient;
  store: ReadableStore<State>;
  actions: Actions;
  report: Report;
  run: RunTask;
}

/** Says in words what a filter keeps, for step labels and the status line. */
export function describeFilter(f: ExpansionFilter | undefined): string {
  if (!f) return '';
  const parts = [
    f.relTypes?.length
      ? `${f.relTypes.join(', ')}${f.direction === 'out' ? ' (outgoing)' : f.direction === 'in' ? ' (incoming)' : ''}`
      : '',
    f.labels?.length ? f.labels.join(', ') : '',
    f.threat ? `threat ${f.threat}` : '',
  ].filter(Boolean);
  return parts.length ? ` by ${parts.join('; ')}` : '';
}

/** Binds the use cases to an API client, the store and its actions. */
export function createOperations({ api, store, actions, report, run }: ExplorerDeps): Operations {
  const nameOf = (id: string): string => store.get().nodes.get(id)?.name ?? id;

  /**
   * The auto-fold threshold an expansion passes on: more leaves on the expanded node than this fold into its
   * badge in the same change (one Ctrl+Z takes back the expansion and its fold). Only the expanded node is
   * checked: its newcomers are where a flood of leaves comes from.
   */
  const foldAbove = (): number => store.get().settings.foldAbove;

  /** " · 37 folded" when `id` carries a badge (the notice and the badge's tooltip say the rest). */
  const foldedNote = (id: string): string => {
    const n = projectFolds(store.get()).folds.find((f) => f.kind === 'leaves' && f.anchor === id)?.count ?? 0;
    return n ? ` · ${n} folded` : '';
  };

  const foldLeaves = (id: string): void => {
    const leaves = leavesOf(store.get(), id);
    if (!leaves.length) {
      actions.setStatus(
        `${nameOf(id)} has no leaves to fold (neighbours tied to nothing else on the canvas).`,
      );
      return;
    }
    actions.step(`Fold the leaves of ${nameOf(id)}`, () => actions.foldLeaves(new Map([[id, leaves]])));
    actions.setStatus(
      `Folded ${leaves.length} lea${leaves.length === 1 ? 'f' : 'ves'} of ${nameOf(id)} into a badge.`,
    );
  };

  const unfoldLeaves = (id: string): void => {
    const n = store.get().fold.leaves.get(id)?.size ?? 0;
    if (!n) {
      actions.setStatus(`${nameOf(id)} has no folded leaves.`);
      return;
    }
    actions.step(`Unfold the leaves of ${nameOf(id)}`, () => actions.unfoldLeaves(id));
    actions.setStatus(`Unfolded ${n} lea${n === 1 ? 'f' : 'ves'} of ${nameOf(id)}.`);
  };

  const openGroup = (id: string): void => {
    const n = store.get().fold.groups.get(id)?.size ?? 0;
    if (!n) return;
    actions.step('Open a group', () => actions.openGroup(id));
    actions.setStatus(`Opened a group of ${n} nodes.`);
  };

  /** Unfolds whatever hides `id` (a search hit, the next node on the keyboard): what is selected must be drawn. */
  const revealFolded = (id: string): void => {
    const s = store.get();
    if (!s.nodes.has(id) || !projectFolds(s).hiddenBy.has(id)) return;
    const holder = foldHolding(s.fold, id);
    if (holder?.kind === 'group') openGroup(holder.id);
    else if (holder?.kind === 'leaves') unfoldLeaves(holder.hub);
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
    const same =
      selection.kind === s.selection.kind &&
      (selection.kind === 'none' || selection.kind === 'nodes'
        ? JSON.stringify(selection) === JSON.stringify(s.selection)
        : s.selection.kind !== 'none' && s.selection.kind !== 'nodes' && s.selection.id === selection.id);
    if (same && s.details.status !== 'failed') return;
    if (selection.kind === 'node') revealFolded(selection.id);
    actions.select(selection);
    if (selection.kind === 'node') loadDetails(selection.id);
  };

  const selectedNodeIds = (): string[] => {
    const sel = store.get().selection;
    return sel.kind === 'node' ? [sel.id] : sel.kind === 'nodes' ? [...sel.ids] : [];
  };

  const selectNodes = (ids: readonly string[]): void => {
    const unique = [...new Set(ids)];
    if (unique.length === 0) select({ kind: 'none' });
    else if (unique.length === 1) select({ kind: 'node', id: unique[0] as string });
    else select({ kind: 'nodes', ids: unique });
  };

  /** Fetches one page and adds it as one step; returns the status line. */
  const expandPage = async (
    id: string,
    filter: ExpansionFilter,
    skip: number,
    label: string,
  ): Promise<void> => {
    const cap = store.get().settings.cap;
    const filtered = !isEmptyFilter(filter);
    // A filtered expansion's total counts only what the filter keeps: the unfiltered count says how much is left out.
    const [res, allTotal] = await Promise.all([
      api.neighbours(id, { ...filter, limit: cap, skip }),
      filtered
        ? api.neighbourCounts(id).then(
            (c) => c.total,
            () => null,
          )
        : Promise.resolve(null),
    ]);
    actions.step(label, () =>
      actions.addExpansion(
        id,
        res,
        { filter, skip, total: res.total, allTotal: filtered ? allTotal : res.total },
        foldAbove(),
      ),
    );
    const exp = store.get().expansions.get(id);
    const shown = exp?.shown ?? 0;
    const what = `${nameOf(id)}${describeFilter(filter)}`;
    const ofAll = exp ? shownOfAll(exp, canvasNeighbours(store.get(), id)) : '';
    actions.setStatus(
      (shown < res.total
        ? `${what}: showing ${shown} of ${res.total} neighbours${filtered && ofAll ? ` · ${ofAll}` : ''}${sampleNote(res)}`
        : `${what}: ${res.total} neighbour${res.total === 1 ? '' : 's'}${filtered && ofAll ? ` · ${ofAll}` : ''}`) +
        foldedNote(id),
    );
  };

  const expand = (id: string, opts: ExpandOptions = {}): Promise<void> =>
    run(async () => {
      const previous = store.get().expansions.get(id);
      if (opts.more && previous) {
        await expandPage(
          id,
          previous.filter,
          previous.shown,
          `Expand ${nameOf(id)}${describeFilter(previous.filter)}: next page`,
        );
        return;
      }
      const filter = opts.filter ?? {};
      await expandPage(id, filter, 0, `Expand ${nameOf(id)}${describeFilter(filter)}`);
    });

  const setPinned = (ids: readonly string[], pinned: boolean): void => {
    if (!ids.length) return;
    const label = `${pinned ? 'Pin' : 'Unpin'} ${ids.length === 1 ? nameOf(ids[0] as string) : `${ids.length} nodes`}`;
    actions.step(label, () => actions.setPinned(ids, pinned));
  };

  return {
    select,
    selectNodes,
    selectedNodeIds,
    expand,
    setPinned,
    foldLeaves,
    unfoldLeaves,
    openGroup,

    toggleFold: (id) => {
      const hub = hubOfBadge(id);
      if (hub !== null) unfoldLeaves(hub);
      else if (isGroupId(id)) openGroup(id);
      else if (store.get().fold.leaves.has(id)) unfoldLeaves(id);
      else foldLeaves(id);
    },

    groupCommunities: () =>
      run(async () => {
        // Loaded on first use: Louvain stays out of the first page's script.
        const { communityGroups } = await import('./fold/communities');
        const groups = communityGroups(store.get(), GROUP_MIN_SIZE);
        if (!groups.length) {
          actions.setStatus(`No community of ${GROUP_MIN_SIZE} or more nodes to group on the canvas.`);
          return;
        }
        actions.step(`Group ${groups.length} communit${groups.length === 1 ? 'y' : 'ies'}`, () =>
          actions.groupCommunities(groups),
        );
        const n = groups.reduce((sum, g) => sum + g.members.length, 0);
        actions.setStatus(
          `Grouped ${n} nodes into ${groups.length} communit${groups.length === 1 ? 'y' : 'ies'}.`,
        );
        // The scene shrank to a few summaries: frame them so their names are legible.
        actions.requestView({ kind: 'fit' });
      }),

    foldAllLeaves: () => {
      const plan = allLeavesPlan(store.get());
      if (!plan.size) {
        actions.setStatus('No node on the canvas has leaves to fold.');
        return;
      }
      const n = [...plan.values()].reduce((sum, l) => sum + l.length, 0);
      actions.step('Fold all leaves', () => actions.foldLeaves(plan));
      actions.setStatus(`Folded ${n} leaves into ${plan.size} badge${plan.size === 1 ? '' : 's'}.`);
    },

    ungroupAll: () => {
      if (!store.get().fold.groups.size) return;
      actions.step('Ungroup all', () => actions.ungroupAll());
      actions.setStatus('Every community is open again.');
    },

    unfoldAll: () => {
      const s = store.get();
      if (!s.fold.groups.size && !s.fold.leaves.size) return;
      actions.step('Unfold all', () => actions.unfoldAll());
      actions.setStatus('Everything folded is back on the canvas.');
    },

    toggleSelected: (id) => {
      const current = selectedNodeIds();
      selectNodes(current.includes(id) ? current.filter((x) => x !== id) : [...current, id]);
    },

    selectNeighbours: (id) => {
      // The neighbours the canvas shows: an edge or a node the filters hide is not selected out of sight.
      const s = store.get();
      const { hiddenNodes, hiddenEdges } = sceneVisibility(s);
      const ids = new Set<string>();
      for (const e of s.edges.values()) {
        if (hiddenEdges.has(e.id)) continue;
        if (e.source === id) ids.add(e.target);
        if (e.target === id) ids.add(e.source);
      }
      ids.delete(id);
      for (const n of hiddenNodes) ids.delete(n);
      // The node stays selected with its neighbours: N widens the selection, it never moves it away.
      selectNodes([id, ...ids]);
      actions.setStatus(
        `Selected ${nameOf(id)} and its ${ids.size} neighbour${ids.size === 1 ? '' : 's'} on the canvas.`,
      );
    },

    loadStartView: async (id, early) => {
      actions.setStartView('loading');
      actions.beginWork();
      try {
        const res = await (early ?? api.neighbours(id, { limit: store.get().settings.cap }));
        const name = res.nodes.find((n) => n.id === id)?.name ?? id;
        actions.step(`Open ${name}`, () =>
          actions.addExpansion(id, res, { filter: {}, skip: 0, total: res.total }, foldAbove()),
        );
        actions.setStatus(
          (res.truncated
            ? `${name}: showing ${store.get().expansions.get(id)?.shown ?? 0} of ${res.total} neighbours${sampleNote(res)}`
            : `${name}: ${res.total} neighbour${res.total === 1 ? '' : 's'}`) + foldedNote(id),
        );
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
      actions.step(`Add ${node.name}`, () => actions.addGraph({ nodes: [node], edges: [] }));
      select({ kind: 'node', id: node.id });
      actions.requestView({ kind: 'center', id: node.id });
    },

    expandSelection: async () => {
      for (const id of selectedNodeIds()) await expand(id);
    },

    neighbourCounts: (id, signal) => api.neighbourCounts(id, signal),

    collapse: (id) => {
      if (!store.get().expansions.has(id)) {
        actions.setStatus(`${nameOf(id)} is not expanded: nothing to collapse.`);
        return;
      }
      const before = store.get().nodes.size;
      actions.step(`Collapse ${nameOf(id)}`, () => actions.collapse(id));
      const removed = before - store.get().nodes.size;
      actions.setStatus(`Collapsed ${nameOf(id)}: ${removed} node${removed === 1 ? '' : 's'} removed.`);
    },

    togglePinSelection: () => {
      const ids = selectedNodeIds();
      const pinned = store.get().pinned;
      setPinned(ids, !ids.every((id) => pinned.has(id)));
    },

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
      const s = store.get();
      const sel = s.selection;
      if (sel.kind === 'none') return;
      const ids = sel.kind === 'nodes' ? sel.ids : [sel.id];
      const what =
        sel.kind === 'node'
          ? nameOf(sel.id)
          : sel.kind === 'nodes'
            ? `${sel.ids.length} nodes`
            : `a ${s.edges.get(sel.id)?.type ?? ''} relationship`;
      actions.step(`Hide ${what}`, () => actions.hide(ids));
      actions.setStatus(`Hid ${what} from the canvas.`);
    },
  };
}
