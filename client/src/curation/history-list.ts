// A list of recorded changes (who, when, summary, before -> after), each with Revert for curators.
import type { ChangeRecord } from '../../../contract';
import { button, el } from '../ui/dom';
import { changeRows } from './change-diff';

/** How a change list behaves. */
export interface ChangeListOptions {
  testId: string;
  /** Curators and admins get a Revert button per change. */
  canRevert: boolean;
  onRevert(change: ChangeRecord): void;
  /** Show what the change was about (the recent-changes feed lists many targets). */
  showTarget?: boolean;
  /** Opens the change's target (a click on its id in the feed). */
  onOpenTarget?(change: ChangeRecord): void;
}

/** "2026-11-23 15:04" in the reader's time zone. */
export function formatWhen(at: string): string {
  const d = new Date(at);
  if (Number.isNaN(d.getTime())) return at;
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

function changeItem(c: ChangeRecord, o: ChangeListOptions): HTMLElement {
  const rows = changeRows(c);
  const target = o.showTarget
    ? o.onOpenTarget
      ? button(c.targetId, () => o.onOpenTarget?.(c), {
          className: 'link-button change-target',
          title: `Show ${c.targetId}`,
        })
      : el('code', { className: 'change-target', text: c.targetId })
    : null;
  // Adding a source is never reverted (evidence may quote it), so it gets no button.
  const revert =
    o.canRevert && c.operation !== 'create-source'
      ? button(c.revertedBy ? 'Reverted' : 'Revert', () => o.onRevert(c), {
          testId: 'change-revert',
          title: c.revertedBy
            ? `Already reverted by change ${c.revertedBy}`
            : 'Undo this change (the revert is recorded as a change too)',
        })
      : null;
  if (revert && c.revertedBy) revert.disabled = true;
  return el(
    'li',
    {
      className: `change-item${c.revertedBy ? ' reverted' : ''}`,
      testId: 'change-item',
      attrs: { 'data-change': c.id, 'data-operation': c.operation },
    },
    [
      el('div', { className: 'change-head' }, [
        el('span', { className: 'change-summary', testId: 'change-summary', text: c.summary }),
        revert,
      ]),
      el('div', { className: 'change-meta' }, [
        el('span', { className: 'change-by', text: c.by }),
        el('time', { text: formatWhen(c.at), attrs: { datetime: c.at } }),
        el('span', { className: 'change-op', text: c.operation }),
        target,
      ]),
      rows.length
        ? el(
            'dl',
            { className: 'change-diff' },
            rows.flatMap((r) => [
              el('dt', { text: r.field }),
              el('dd', {}, [
                el('del', { text: r.before }),
                el('span', { className: 'arrow', text: ' → ', attrs: { 'aria-label': 'became' } }),
                el('ins', { text: r.after }),
              ]),
            ]),
          )
        : null,
    ],
  );
}

/** The list; says so when there are no changes. */
export function changeList(changes: readonly ChangeRecord[], o: ChangeListOptions): HTMLElement {
  if (!changes.length) return el('p', { className: 'muted', testId: o.testId, text: 'No changes recorded.' });
  return el(
    'ol',
    { className: 'change-list', testId: o.testId },
    changes.map((c) => changeItem(c, o)),
  );
}
