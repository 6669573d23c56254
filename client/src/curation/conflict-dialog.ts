// The 409 dialog: what the other person changed since this edit started, with "reapply mine" or "discard mine".
import type { GraphEdge, GraphNode } from '../../../contract';
import { button, el } from '../ui/dom';
import { showValue } from './change-diff';
import { conflictRows } from './conflict';
import { openModal } from './modal';
import { versionOf } from './node-draft';

/** What the dialog needs: the element as this edit saw it, as it is now, and the change (null for a delete). */
export interface ConflictInput {
  what: string;
  base: GraphNode | GraphEdge;
  current: GraphNode | GraphEdge;
  request: Record<string, unknown> | null;
  /** Sends the change again on `current`'s version. */
  reapply(): Promise<void>;
  /** Drops the change and shows `current`. */
  discard(): void;
}

/** Opens the conflict dialog; a failed reapply shows its error in the dialog. */
export function openConflictDialog(c: ConflictInput): void {
  const rows = conflictRows(c.base, c.current, c.request);
  const table = rows.length
    ? el('table', { className: 'conflict-table', testId: 'conflict-rows' }, [
        el('thead', {}, [
          el(
            'tr',
            {},
            ['Field', 'You started from', 'Now (their change)', 'Your change'].map((h) =>
              el('th', { text: h }),
            ),
          ),
        ]),
        el(
          'tbody',
          {},
          rows.map((r) =>
            el(
              'tr',
              { className: r.clash ? 'clash' : '', testId: 'conflict-row', attrs: { 'data-field': r.field } },
              [
                el('th', { text: r.field }),
                el('td', { text: showValue(r.base) }),
                el('td', { className: 'theirs', text: showValue(r.theirs) }),
                el('td', { text: r.mine === undefined ? '(unchanged)' : showValue(r.mine) }),
              ],
            ),
          ),
        ),
      ])
    : el('p', {
        className: 'muted',
        text: 'Their save changed no field this form shows (only the version moved on).',
      });
  const message = el('p', {
    className: 'form-message',
    testId: 'conflict-message',
    attrs: { role: 'alert' },
  });
  const reapply = button(
    c.request ? 'Reapply my change on the latest version' : 'Delete the latest version',
    () => {
      reapply.disabled = true;
      c.reapply().then(
        () => modal.close(),
        (err: unknown) => {
          message.textContent = err instanceof Error ? err.message : String(err);
          reapply.disabled = false;
        },
      );
    },
    { className: 'primary', testId: 'conflict-reapply' },
  );
  const discard = button(
    c.request ? 'Discard my change' : 'Keep it',
    () => {
      modal.close();
      c.discard();
    },
    { testId: 'conflict-discard' },
  );
  const clashes = rows.filter((r) => r.clash).length;
  const modal = openModal({
    title: 'Someone else saved first',
    testId: 'conflict-dialog',
    body: [
      el('p', {
        text:
          `${c.what} changed since you started (version ${versionOf(c.base)} → ${versionOf(c.current)}).` +
          (clashes
            ? ` Reapplying overwrites their value in ${clashes} field${clashes === 1 ? '' : 's'} (highlighted).`
            : ''),
      }),
      table,
      message,
      el('div', { className: 'button-row' }, [reapply, discard]),
    ],
  });
  reapply.focus();
}
