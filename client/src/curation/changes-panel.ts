// The Changes panel: the global recent-changes feed (Revert on each) and the recently deleted list (Restore).
import type { ChangeRecord, DeletedListResponse } from '../../../contract';
import { describeError } from '../api/api-error';
import type { CurationApi } from '../api/curation-api';
import type { State } from '../state/state';
import type { ReadableStore } from '../state/store';
import { button, el } from '../ui/dom';
import { panelToggle } from '../ui/panel-toggle';
import { changeList, formatWhen } from './history-list';
import { canEdit } from './permissions';

/** Changes shown per page of the feed: enough to see what just happened, few enough to keep "Recently deleted" in reach. */
const PAGE = 10;
/** Recently deleted elements listed (newest first). */
const DELETED_SHOWN = 25;

/** The mounted panel. */
export interface ChangesPanel {
  element: HTMLElement;
  toggleButton: HTMLButtonElement;
  toggle(): void;
}

/** What the panel needs. */
export interface ChangesPanelDeps {
  store: ReadableStore<State>;
  api: CurationApi;
  revert(change: ChangeRecord): void;
  /** Shows a change's target on the canvas. */
  openTarget(change: ChangeRecord): void;
}

/** Builds the panel (hidden until toggled); it reloads on open and after every write while open. */
export function createChangesPanel(d: ChangesPanelDeps): ChangesPanel {
  const feed = el('div', { className: 'changes-feed' });
  const deleted = el('div', { className: 'deleted-body' });
  const more = button('Older changes', () => void load(true), { testId: 'changes-more' });
  more.hidden = true;
  let shown: ChangeRecord[] = [];

  const load = async (older = false): Promise<void> => {
    const s = d.store.get();
    try {
      const before = older ? shown[shown.length - 1]?.id : undefined;
      const res = await d.api.changes(before ? { limit: PAGE, before } : { limit: PAGE });
      shown = older ? [...shown, ...res.changes] : res.changes;
      more.hidden = !res.hasMore;
      feed.replaceChildren(
        changeList(shown, {
          testId: 'recent-changes',
          canRevert: canEdit(s),
          onRevert: d.revert,
          showTarget: true,
          onOpenTarget: d.openTarget,
        }),
      );
    } catch (err) {
      feed.replaceChildren(
        el('p', {
          className: 'form-message',
          testId: 'recent-changes',
          text: `Could not load the changes: ${describeError(err)}`,
        }),
      );
    }
    try {
      renderDeleted(await d.api.deleted(DELETED_SHOWN), canEdit(s));
    } catch (err) {
      deleted.replaceChildren(
        el('p', {
          className: 'form-message',
          testId: 'deleted-list',
          text: `Could not load deleted elements: ${describeError(err)}`,
        }),
      );
    }
  };

  const renderDeleted = (res: DeletedListResponse, editor: boolean): void => {
    if (!res.deleted.length) {
      deleted.replaceChildren(
        el('p', { className: 'muted', testId: 'deleted-list', text: 'Nothing deleted recently.' }),
      );
      return;
    }
    deleted.replaceChildren(
      el(
        'ul',
        { className: 'deleted-list', testId: 'deleted-list' },
        res.deleted.map((x) =>
          el(
            'li',
            {
              className: 'deleted-item',
              testId: 'deleted-item',
              attrs: { 'data-id': x.id, 'data-kind': x.kind },
            },
            [
              el('div', { className: 'deleted-entry' }, [
                el('span', { className: 'deleted-name', text: x.name }),
                el('span', {
                  className: 'change-meta',
                  text: `${x.kind === 'node' ? 'node' : 'relationship'} · deleted by ${x.change.by}, ${formatWhen(x.change.at)}`,
                }),
              ]),
              editor
                ? button('Restore', () => d.revert(x.change), {
                    testId: 'restore',
                    title: x.kind === 'node' ? 'Bring it back with its relationships' : 'Bring it back',
                  })
                : null,
            ],
          ),
        ),
      ),
    );
  };

  const t = panelToggle({
    label: 'Changes',
    testId: 'changes-toggle',
    title: 'Recent changes to the graph, and recently deleted elements',
    controls: 'changes-panel',
    slot: 'top-right',
    panel: () => element,
    onOpen: () => void load(),
  });
  const element = el(
    'section',
    {
      className: 'changes-panel floating-card',
      testId: 'changes-panel',
      attrs: { id: 'changes-panel', role: 'dialog', 'aria-label': 'Changes' },
    },
    [
      el('header', { className: 'floating-panel-header' }, [
        el('h2', { className: 'panel-title', text: 'Recent changes' }),
        button('×', t.close, {
          className: 'panel-close',
          title: 'Close (Esc)',
          attrs: { 'aria-label': 'Close changes' },
        }),
      ]),
      feed,
      more,
      el('h3', { className: 'details-subtitle', text: 'Recently deleted' }),
      deleted,
    ],
  );
  element.hidden = true;
  element.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && !e.defaultPrevented) {
      e.preventDefault();
      t.close();
    }
  });

  let revision = d.store.get().curation.revision;
  let role = canEdit(d.store.get());
  d.store.subscribe((s) => {
    if (s.curation.revision === revision && canEdit(s) === role) return;
    revision = s.curation.revision;
    role = canEdit(s);
    if (!element.hidden) void load();
  });
  return { element, toggleButton: t.button, toggle: t.toggle };
}
