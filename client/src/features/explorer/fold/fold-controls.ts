// The fold controls the user sees: the node menu's Fold/Unfold leaves entries, the More menu's
// Group communities / Ungroup all, and the status bar's notice of what is folded with its Unfold all.
import type { MenuEntry } from '../../../shared/context-menu';
import { button, el } from '../../../shared/dom';
import type { State } from '../../../state/state';
import type { ReadableStore } from '../../../state/store';
import type { Operations } from '../operations';
import { describeFolds, foldSummary } from './fold-projection';
import type { FoldedSceneStore } from './fold-scene-store';
import { GROUP_MIN_SIZE, leavesOf } from './fold-state';

type FoldOps = Pick<
  Operations,
  'foldLeaves' | 'unfoldLeaves' | 'foldAllLeaves' | 'groupCommunities' | 'ungroupAll' | 'unfoldAll'
>;

/** The node menu's fold entries for `id`: unfold its badge, or fold its leaves when it has any. */
export function foldMenuEntries(store: ReadableStore<State>, ops: FoldOps, id: string): MenuEntry[] {
  const s = store.get();
  const folded = s.fold.leaves.get(id)?.size ?? 0;
  if (folded)
    return [
      {
        kind: 'item',
        label: `Unfold leaves (${folded})`,
        testId: 'menu-unfold-leaves',
        meta: ['O'],
        run: () => ops.unfoldLeaves(id),
      },
    ];
  const leaves = leavesOf(s, id).length;
  return leaves
    ? [
        {
          kind: 'item',
          label: `Fold leaves (${leaves})`,
          testId: 'menu-fold-leaves',
          meta: ['O'],
          run: () => ops.foldLeaves(id),
        },
      ]
    : [];
}

/** The More menu's fold controls: Group communities / Ungroup all (one button whose words follow the state) and Fold all leaves. */
export function createGroupButton(store: ReadableStore<State>, ops: FoldOps): HTMLElement {
  const b = button(
    'Group communities',
    () => {
      if (store.get().fold.groups.size) ops.ungroupAll();
      else void ops.groupCommunities();
    },
    {
      testId: 'group-communities',
      title: `Fold each community of ${GROUP_MIN_SIZE} or more nodes (Louvain) into one node; click a group to open it`,
    },
  );
  const render = (s: State): void => {
    b.textContent = s.fold.groups.size ? 'Ungroup all' : 'Group communities';
  };
  store.subscribe((s, prev) => {
    if (s.fold !== prev.fold) render(s);
  });
  render(store.get());
  const all = button('Fold all leaves', () => ops.foldAllLeaves(), {
    testId: 'fold-all-leaves',
    title: 'Fold the leaves of every node (neighbours tied to nothing else) into a count badge on it',
  });
  return el('div', { className: 'toolbar-group' }, [b, all]);
}

/**
 * The notice of what is folded ("312 leaves folded into 9 badges · 4 communities grouped (57 nodes)") and
 * Unfold all; hidden while nothing is folded. It lives in the status bar, never over the canvas.
 */
export function createFoldNotice(drawn: FoldedSceneStore, ops: FoldOps): HTMLElement {
  const text = el('span', { className: 'fold-notice-text', testId: 'fold-notice-text' });
  const unfold = button('Unfold all', () => ops.unfoldAll(), {
    className: 'link-button fold-unfold-all',
    testId: 'fold-unfold-all',
    title: 'Put every folded leaf and grouped community back on the canvas (undoable)',
  });
  const notice = el(
    'span',
    { className: 'fold-notice', testId: 'fold-notice', attrs: { role: 'status', 'aria-live': 'polite' } },
    [text, unfold],
  );
  const render = (): void => {
    const p = drawn.projection();
    const words = p ? describeFolds(foldSummary(p)) : '';
    notice.hidden = !words;
    text.textContent = words;
    notice.title = words;
  };
  drawn.subscribe((s, prev) => {
    if (s.nodes !== prev.nodes) render();
  });
  render();
  return notice;
}
