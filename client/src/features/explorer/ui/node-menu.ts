// The node context menu: selective expansion with counts shown before expanding, plus hide, pin,
// select neighbours, collapse and path ends. Opened by right-click, the ContextMenu key or Shift+F10.
import type { NeighbourCountsResponse } from '../../../../../contract';
import { describeError, isAbortError } from '../../../api/api-error';
import type { ExpandOptions } from '../operations';
import type { NodeRef, Point, State } from '../../../state/state';
import type { ReadableStore } from '../../../state/store';
import { createContextMenu, type MenuEntry } from '../../../shared/context-menu';
import { el } from '../../../shared/dom';

/** What the menu's commands do; wired to operations and actions in features/explorer/mount.ts. */
export interface NodeMenuHandlers {
  neighbourCounts(id: string, signal: AbortSignal): Promise<NeighbourCountsResponse>;
  expand(id: string, opts?: ExpandOptions): void;
  hide(id: string): void;
  setPinned(id: string, pinned: boolean): void;
  selectNeighbours(id: string): void;
  collapse(id: string): void;
  pathFrom(ref: NodeRef): void;
  pathTo(ref: NodeRef): void;
  /** More entries for the node (the curation commands), appended at the end. */
  extraEntries?(id: string): MenuEntry[];
}

/** Opens and closes the node menu. */
export interface NodeMenu {
  open(id: string, at: Point): void;
  close(): void;
  isOpen(): boolean;
}

type Counts =
  | { status: 'loading' }
  | { status: 'loaded'; data: NeighbourCountsResponse }
  | { status: 'failed'; message: string };

const ARROWS = { out: '→', in: '←' } as const;

/** A count in the menu; an estimate (a hub's sampled figure) reads "≈n" and says so on hover. */
function countChip(
  n: number,
  cap: number,
  attrs: Record<string, string> = {},
  estimate = false,
): HTMLElement {
  const about = estimate ? 'About ' : '';
  return el('span', {
    className: `menu-count${n > cap ? ' over-cap' : ''}${estimate ? ' estimate' : ''}`,
    testId: 'menu-count',
    text: `${estimate ? '≈' : ''}${n}`,
    attrs: {
      ...attrs,
      ...(estimate ? { 'data-estimate': 'true' } : {}),
      title: `${
        n > cap
          ? `${about}${n}: adds the first ${cap} (the neighbour cap); page on for the rest`
          : `Adds up to ${n} neighbours`
      }${estimate ? " (estimated from a sample of this hub's neighbours)" : ''}`,
    },
  });
}

/** Entries for the counts: per relationship type (with direction), per neighbour label, per threat. */
function countEntries(id: string, counts: Counts, cap: number, h: NodeMenuHandlers): MenuEntry[] {
  if (counts.status === 'loading')
    return [{ kind: 'note', text: 'Counting neighbours…', testId: 'menu-loading' }];
  if (counts.status === 'failed')
    return [{ kind: 'note', text: `Could not count neighbours: ${counts.message}`, testId: 'menu-error' }];
  const { byType, byLabel, byThreat, sample } = counts.data;
  const entries: MenuEntry[] = [];
  // A hub is counted from its degree store and a sample: say where the "≈" figures come from.
  if (sample)
    entries.push({
      kind: 'note',
      text: `A hub: ≈ marks estimates from ${sample.size.toLocaleString('en')} sampled of ${sample.of.toLocaleString('en')} links.`,
      testId: 'menu-sample-note',
    });
  entries.push({ kind: 'heading', label: 'Expand by relationship type' });
  for (const t of byType) {
    const dirs = (['out', 'in'] as const).filter((d) => t[d] > 0);
    entries.push({
      kind: 'item',
      label: t.type,
      testId: 'expand-type',
      data: { type: t.type },
      title: `Add the neighbours linked by ${t.type}: ${t.out} outgoing, ${t.in} incoming`,
      meta: [
        el('span', {
          className: 'menu-dir',
          text: dirs.map((d) => `${ARROWS[d]}${t[d]}`).join(' '),
          attrs: { 'aria-label': `${t.out} outgoing, ${t.in} incoming` },
        }),
        countChip(t.count, cap, { 'data-type': t.type }, t.estimate),
      ],
      run: () => h.expand(id, { filter: { relTypes: [t.type] } }),
    });
    // Linked both ways: offer each direction on its own too (e.g. who recommends France vs whom France recommends).
    if (dirs.length === 2) {
      for (const d of dirs) {
        entries.push({
          kind: 'item',
          label: `${t.type} ${d === 'out' ? 'outgoing' : 'incoming'} only`,
          testId: 'expand-type-direction',
          data: { type: t.type, direction: d },
          title: `Add only the neighbours ${d === 'out' ? 'this node' : 'that'} ${t.type} ${d === 'out' ? 'points to' : 'points here'}`,
          meta: [
            el('span', { className: 'menu-dir', text: `${ARROWS[d]}`, attrs: { 'aria-hidden': 'true' } }),
            countChip(t[d], cap, { 'data-type': t.type, 'data-direction': d }),
          ],
          run: () => h.expand(id, { filter: { relTypes: [t.type], direction: d } }),
        });
      }
    }
  }
  if (!byType.length) entries.push({ kind: 'note', text: 'No relationships.' });
  if (byLabel.length) {
    entries.push({ kind: 'heading', label: 'Expand by neighbour label' });
    for (const l of byLabel) {
      entries.push({
        kind: 'item',
        label: l.label,
        testId: 'expand-label',
        data: { label: l.label },
        meta: [countChip(l.count, cap, { 'data-label': l.label }, l.estimate)],
        run: () => h.expand(id, { filter: { labels: [l.label] } }),
      });
    }
  }
  if (byThreat.length) {
    entries.push({ kind: 'heading', label: 'Expand by threat' });
    for (const t of byThreat) {
      entries.push({
        kind: 'item',
        label: t.threat.name,
        testId: 'expand-threat',
        data: { threat: t.threat.id },
        meta: [countChip(t.count, cap, { 'data-threat': t.threat.id }, t.estimate)],
        run: () => h.expand(id, { filter: { threat: t.threat.id } }),
      });
    }
  }
  return entries;
}

function entriesFor(s: State, id: string, counts: Counts, h: NodeMenuHandlers): MenuEntry[] {
  const node = s.nodes.get(id);
  const ref = { id, name: node?.name ?? id };
  const exp = s.expansions.get(id);
  const cap = s.settings.cap;
  const pinned = s.pinned.has(id);
  const total = counts.status === 'loaded' ? counts.data.total : null;
  const totalEstimate = counts.status === 'loaded' && counts.data.totalEstimate === true;
  return [
    {
      kind: 'item',
      label: 'Expand all',
      testId: 'expand-all',
      title: 'Add every neighbour, up to the cap (double-click, E)',
      meta: total === null ? [] : [countChip(total, cap, { 'data-total': 'true' }, totalEstimate)],
      run: () => h.expand(id),
    },
    ...(exp && exp.shown < exp.total
      ? [
          {
            kind: 'item' as const,
            label: `Next ${Math.min(cap, exp.total - exp.shown)} (showing ${exp.shown} of ${exp.total})`,
            testId: 'expand-more',
            title: 'Add the next page, with the same filter',
            run: () => h.expand(id, { more: true }),
          },
        ]
      : []),
    ...countEntries(id, counts, cap, h),
    { kind: 'heading', label: 'Node' },
    {
      kind: 'item',
      label: 'Select neighbours',
      testId: 'menu-select-neighbours',
      meta: ['N'],
      run: () => h.selectNeighbours(id),
    },
    {
      kind: 'item',
      label: pinned ? 'Unpin' : 'Pin',
      testId: 'menu-pin',
      meta: ['P'],
      title: 'A pinned node keeps its place through layouts',
      run: () => h.setPinned(id, !pinned),
    },
    {
      kind: 'item',
      label: 'Collapse',
      testId: 'menu-collapse',
      meta: ['C'],
      disabled: !exp,
      title: 'Remove what expanding this node added',
      run: () => h.collapse(id),
    },
    { kind: 'item', label: 'Hide', testId: 'menu-hide', meta: ['Del'], run: () => h.hide(id) },
    { kind: 'item', label: 'Path from here', testId: 'menu-path-from', run: () => h.pathFrom(ref) },
    { kind: 'item', label: 'Path to here', testId: 'menu-path-to', run: () => h.pathTo(ref) },
    ...(h.extraEntries?.(id) ?? []),
  ];
}

/** Creates the node menu; it reads `store` for the node and the cap, and fetches the counts. */
export function createNodeMenu(store: ReadableStore<State>, h: NodeMenuHandlers): NodeMenu {
  let abort: AbortController | null = null;
  const menu = createContextMenu({
    testId: 'node-menu',
    onClose: () => {
      abort?.abort();
      abort = null;
    },
  });

  const open = (id: string, at: Point): void => {
    abort?.abort();
    const controller = new AbortController();
    abort = controller;
    const s = store.get();
    const title = s.nodes.get(id)?.name ?? id;
    menu.open(at, title, entriesFor(s, id, { status: 'loading' }, h));
    h.neighbourCounts(id, controller.signal).then(
      (data) => {
        if (abort === controller) menu.update(entriesFor(store.get(), id, { status: 'loaded', data }, h));
      },
      (err: unknown) => {
        if (abort !== controller || isAbortError(err)) return;
        menu.update(entriesFor(store.get(), id, { status: 'failed', message: describeError(err) }, h));
      },
    );
  };

  return { open, close: menu.close, isOpen: menu.isOpen };
}
