// The one function that changes State. Every transition is written as `update(change, effect)`; it keeps
// the selection pointing at something drawn and turns each scene change into an undo step (or part of one).
//
// The invariants it holds after every change made outside a `step` (tests/client/state-transitions.test.ts):
// - the undo history's current entry is the scene as it is now (each field the same object);
// - the selection names only what is drawn, and the details belong to the selected node.
import * as hist from './history';
import { sceneChanged, sceneOf, type Scene } from './scene';
import { validSelection } from './selection';
import type { State } from './state';
import type { WritableStore } from './store';

/** What a change of the scene means for the undo history (a change of anything else means nothing to it). */
export type HistoryEffect =
  /** A new undo step with this name; inside `step` it joins that step instead. */
  | { step: string }
  /** No new step: the current one is corrected in place (positions settling, evidence arriving). */
  | 'amend';

/** A state transition: the fields to replace, computed from the state as it is. */
export type Change = (s: State) => Partial<State>;

/** The update function and the history moves built on it. */
export interface Updater {
  /** The state as it is now. */
  get(): State;
  /**
   * Replaces the fields `change` returns. A scene change becomes a step or amends the current one
   * (`effect`; unnamed scene changes are a step called "Change", so nothing escapes undo); a change
   * that returns `history` itself (undo, a write patching every step) is taken as it is.
   */
  update(change: Change, effect?: HistoryEffect): void;
  /**
   * Runs `change` (sync transition calls) as ONE undoable step named `label`: nested steps fold
   * into the outer one, and a change that leaves the scene as it was records nothing. For async
   * work, fetch first and call `step` with the results (never await inside `change`).
   */
  step(label: string, change: () => void): void;
  undo(): void;
  redo(): void;
  /** Restores the scene of history entry `index` (the history panel's click). */
  jumpTo(index: number): void;
}

const UNNAMED: HistoryEffect = { step: 'Change' };

/** Binds the update function to `store`, the only holder of write access; `now` dates the steps. */
export function createUpdater(store: WritableStore<State>, now: () => number = Date.now): Updater {
  let depth = 0;

  const update = (change: Change, effect: HistoryEffect = UNNAMED): void => {
    const s = store.get();
    const patch = change(s);
    if (Object.keys(patch).length === 0) return;
    let next: State = { ...s, ...patch };
    if (depth === 0 && !('history' in patch) && sceneChanged(s, next)) {
      const scene = sceneOf(next);
      const history =
        effect === 'amend'
          ? hist.amendHead(s.history, scene)
          : hist.pushStep(s.history, effect.step, scene, now());
      next = { ...next, history };
    }
    const fixed = validSelection(next);
    store.set(fixed ? { ...next, ...fixed } : next);
  };

  const restore = (history: hist.History<Scene>): void => {
    if (history === store.get().history) return;
    update(() => ({ ...hist.currentEntry(history).snapshot, history }));
  };

  return {
    get: store.get,
    update,
    step: (label, change) => {
      if (depth > 0) {
        change();
        return;
      }
      const before = store.get();
      depth++;
      try {
        change();
      } finally {
        depth--;
      }
      const after = store.get();
      if (sceneChanged(before, after))
        update(() => ({ history: hist.pushStep(after.history, label, sceneOf(after), now()) }));
    },
    undo: () => restore(hist.undo(store.get().history)),
    redo: () => restore(hist.redo(store.get().history)),
    jumpTo: (index) => restore(hist.jumpTo(store.get().history, index)),
  };
}
