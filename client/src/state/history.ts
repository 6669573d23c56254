// Undo history as pure data: a capped list of named snapshots and a head; every scene change is one step.
//
// How to make a state change an undoable step (the one way, for every feature):
//
//     actions.step('Filter: hide disputed', () => {
//       actions.setFilters(next);          // any number of action calls, sync only
//     });
//
// `actions.step(label, change)` runs `change`, compares the scene (the fields listed in
// state/scene.ts `SCENE_FIELDS`) before and after, and when anything changed pushes ONE
// history entry named `label` holding the new scene. Nested `step` calls fold into the
// outermost one. A scene change made outside any `step` still becomes its own step, named
// by the action (e.g. "Add 3 nodes"), so nothing escapes undo; wrap multi-action changes
// in `step` so they undo together. For async work, fetch first and call `step` with the
// results (never await inside `change`). To make new state undoable, add its field to
// `Scene` and `SCENE_FIELDS` in state/scene.ts; undo/redo/jump then restore it too.
//
// This module knows nothing about the scene: `T` is whatever a snapshot is. Snapshots are
// immutable values (maps and sets replaced, never mutated), so a step costs one object.

/** One step: what it was called, when it happened, and the scene after it. */
export interface HistoryEntry<T> {
  /** Unique within a history; lets a panel key its rows. */
  readonly id: number;
  readonly label: string;
  /** Epoch milliseconds. */
  readonly at: number;
  readonly snapshot: T;
}

/** Entries oldest first; `head` indexes the entry the scene currently shows. */
export interface History<T> {
  readonly entries: readonly HistoryEntry<T>[];
  readonly head: number;
  /** Id the next entry gets. */
  readonly nextId: number;
  /** Most entries kept; the oldest fall off beyond it. */
  readonly cap: number;
}

/** Default cap: enough for a long session, small enough that snapshots never matter for memory. */
export const DEFAULT_HISTORY_CAP = 200;

/** A history holding only `snapshot`, as the step called `label` (e.g. "Start"). */
export function createHistory<T>(
  snapshot: T,
  label: string,
  at: number,
  cap = DEFAULT_HISTORY_CAP,
): History<T> {
  if (!Number.isInteger(cap) || cap < 2)
    throw new RangeError(`History: invalid cap ${cap}. Expecting an integer of at least 2.`);
  return { entries: [{ id: 0, label, at, snapshot }], head: 0, nextId: 1, cap };
}

/** Records a new step after the head; steps that had been undone are dropped (the redo branch). */
export function pushStep<T>(h: History<T>, label: string, snapshot: T, at: number): History<T> {
  const entry: HistoryEntry<T> = { id: h.nextId, label, at, snapshot };
  const kept = [...h.entries.slice(0, h.head + 1), entry];
  const entries = kept.length > h.cap ? kept.slice(kept.length - h.cap) : kept;
  return { ...h, entries, head: entries.length - 1, nextId: h.nextId + 1 };
}

/** Replaces the head's snapshot without making a step (e.g. positions settling after an expansion). */
export function amendHead<T>(h: History<T>, snapshot: T): History<T> {
  const entries = h.entries.map((e, i) => (i === h.head ? { ...e, snapshot } : e));
  return { ...h, entries };
}

export function canUndo<T>(h: History<T>): boolean {
  return h.head > 0;
}

export function canRedo<T>(h: History<T>): boolean {
  return h.head < h.entries.length - 1;
}

/** Moves the head to `index` (clamped); the caller restores `currentEntry(result).snapshot`. */
export function jumpTo<T>(h: History<T>, index: number): History<T> {
  const head = Math.max(0, Math.min(h.entries.length - 1, Math.trunc(index)));
  return head === h.head ? h : { ...h, head };
}

/** One step back; unchanged when at the start. */
export function undo<T>(h: History<T>): History<T> {
  return jumpTo(h, h.head - 1);
}

/** One step forward; unchanged when at the newest step. */
export function redo<T>(h: History<T>): History<T> {
  return jumpTo(h, h.head + 1);
}

/** The entry the head points at. */
export function currentEntry<T>(h: History<T>): HistoryEntry<T> {
  const entry = h.entries[h.head];
  if (!entry) throw new Error('History: head points past the entries.');
  return entry;
}

/** The step an undo would revert (the head's own label), or null at the start. */
export function undoLabel<T>(h: History<T>): string | null {
  return canUndo(h) ? currentEntry(h).label : null;
}

/** The step a redo would replay, or null when there is nothing to redo. */
export function redoLabel<T>(h: History<T>): string | null {
  return h.entries[h.head + 1]?.label ?? null;
}
