// Undo never hides a write: when undo or a history jump goes back past a curator's write, this notice says the
// database still holds the change and offers "Revert change" (the server-side revert), or keeping it.
import type { ChangeRecord } from '../../../../../contract';
import type { State } from '../../../state/state';
import type { ReadableStore } from '../../../state/store';
import { button, el } from '../../../shared/dom';

/** A write, and the undo step the canvas was at right after it. */
interface WriteMark {
  change: ChangeRecord;
  entryId: number;
}

/** What the notice needs. */
export interface UndoNoticeDeps {
  store: ReadableStore<State>;
  /** The server-side revert (curation operations' `revert`). */
  revert(change: ChangeRecord): Promise<void>;
  notify(text: string): void;
  report(err: unknown): void;
}

/** The notice element and `written`, to be called after every write with its change record. */
export interface UndoNotice {
  element: HTMLElement;
  written(change: ChangeRecord): void;
}

const headId = (s: State): number | undefined => s.history.entries[s.history.head]?.id;

/** Builds the notice (hidden until an undo crosses a write). */
export function createUndoNotice(d: UndoNoticeDeps): UndoNotice {
  let marks: WriteMark[] = [];
  const text = el('p', { className: 'undo-notice-text', testId: 'undo-notice-text' });
  const actions = el('div', { className: 'button-row' });
  const element = el('div', { className: 'undo-notice', testId: 'undo-notice', attrs: { role: 'alert' } }, [
    text,
    actions,
  ]);
  element.hidden = true;

  const show = (crossed: readonly WriteMark[]): void => {
    const names = crossed.map((m) => `“${m.change.summary}”`).join(', ');
    text.textContent = `Undo changed the canvas only: the database still holds ${names}. Revert it there too, or keep it.`;
    const revertAll = button(
      crossed.length === 1 ? 'Revert change' : `Revert ${crossed.length} changes`,
      () => {
        revertAll.disabled = true;
        void (async () => {
          try {
            // Newest first: a later write may depend on an earlier one.
            for (const m of [...crossed].reverse()) {
              await d.revert(m.change);
              marks = marks.filter((x) => x !== m);
            }
            element.hidden = true;
            d.notify(`Reverted in the database: ${names}`);
          } catch (err) {
            revertAll.disabled = false;
            d.report(err);
          }
        })();
      },
      {
        testId: 'undo-revert',
        className: 'primary',
        title: 'Undo the change in the database too (recorded as a change)',
      },
    );
    const keep = button('Keep in database', () => (element.hidden = true), {
      testId: 'undo-keep',
      title: 'Leave the database as it is; only the canvas went back',
    });
    actions.replaceChildren(revertAll, keep);
    element.hidden = false;
  };

  let prev = d.store.get();
  d.store.subscribe((s) => {
    const before = prev;
    prev = s;
    if (s.history === before.history) return;
    const index = new Map(s.history.entries.map((e, i) => [e.id, i]));
    // A write whose step fell off the history (a new branch, the cap) can no longer be undone past.
    marks = marks.filter((m) => index.has(m.entryId));
    const oldIndex = new Map(before.history.entries.map((e, i) => [e.id, i]));
    const crossed = marks.filter((m) => {
      const was = oldIndex.get(m.entryId);
      const now = index.get(m.entryId) as number;
      return was !== undefined && before.history.head >= was && s.history.head < now;
    });
    if (crossed.length) show(crossed);
  });

  return {
    element,
    written: (change) => {
      const id = headId(d.store.get());
      if (id !== undefined) marks.push({ change, entryId: id });
    },
  };
}
