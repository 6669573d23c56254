// The undo history as pure data: push, undo, redo, jump, the redo branch dropped by a new step, the cap.
import { describe, expect, it } from 'vitest';
import {
  amendHead,
  canRedo,
  canUndo,
  createHistory,
  currentEntry,
  jumpTo,
  pushStep,
  redo,
  redoLabel,
  undo,
  undoLabel,
} from '../../client/src/state/history.js';

const labels = (h: { entries: readonly { label: string }[] }): string[] => h.entries.map((e) => e.label);

describe('history', () => {
  it('starts with one step and nothing to undo or redo', () => {
    const h = createHistory('s0', 'Start', 1);
    expect(currentEntry(h).snapshot).toBe('s0');
    expect(canUndo(h)).toBe(false);
    expect(canRedo(h)).toBe(false);
    expect(undo(h)).toBe(h);
    expect(redo(h)).toBe(h);
  });

  it('pushes steps, undoes and redoes them in order, and names what each would do', () => {
    let h = createHistory('s0', 'Start', 1);
    h = pushStep(h, 'Expand A', 's1', 2);
    h = pushStep(h, 'Hide B', 's2', 3);
    expect(labels(h)).toEqual(['Start', 'Expand A', 'Hide B']);
    expect(undoLabel(h)).toBe('Hide B');
    expect(redoLabel(h)).toBeNull();

    h = undo(h);
    expect(currentEntry(h).snapshot).toBe('s1');
    expect(undoLabel(h)).toBe('Expand A');
    expect(redoLabel(h)).toBe('Hide B');
    h = undo(h);
    expect(currentEntry(h).snapshot).toBe('s0');
    expect(canUndo(h)).toBe(false);
    h = redo(redo(h));
    expect(currentEntry(h).snapshot).toBe('s2');
    expect(canRedo(h)).toBe(false);
  });

  it('jumps to any step, clamping out-of-range indexes', () => {
    let h = createHistory(0, 'Start', 0);
    for (let i = 1; i <= 5; i++) h = pushStep(h, `step ${i}`, i, i);
    h = jumpTo(h, 2);
    expect(currentEntry(h).snapshot).toBe(2);
    expect(h.entries).toHaveLength(6);
    expect(currentEntry(jumpTo(h, 99)).snapshot).toBe(5);
    expect(currentEntry(jumpTo(h, -3)).snapshot).toBe(0);
  });

  it('drops the redo branch when a new step follows an undo', () => {
    let h = createHistory('s0', 'Start', 0);
    h = pushStep(h, 'a', 's1', 1);
    h = pushStep(h, 'b', 's2', 2);
    h = undo(h);
    h = pushStep(h, 'c', 's3', 3);
    expect(labels(h)).toEqual(['Start', 'a', 'c']);
    expect(canRedo(h)).toBe(false);
    expect(currentEntry(undo(h)).snapshot).toBe('s1');
  });

  it('keeps at most `cap` steps, dropping the oldest', () => {
    let h = createHistory(0, 'Start', 0, 3);
    for (let i = 1; i <= 5; i++) h = pushStep(h, `step ${i}`, i, i);
    expect(labels(h)).toEqual(['step 3', 'step 4', 'step 5']);
    expect(h.head).toBe(2);
    h = undo(undo(h));
    expect(currentEntry(h).snapshot).toBe(3);
    expect(canUndo(h)).toBe(false);
    expect(new Set(h.entries.map((e) => e.id)).size).toBe(3);
    expect(() => createHistory(0, 'Start', 0, 1)).toThrow(RangeError);
  });

  it('amends the head without adding a step', () => {
    let h = createHistory('s0', 'Start', 0);
    h = pushStep(h, 'Expand', 'placed?', 1);
    h = amendHead(h, 'placed');
    expect(labels(h)).toEqual(['Start', 'Expand']);
    expect(currentEntry(h).snapshot).toBe('placed');
    expect(h.entries[0]?.snapshot).toBe('s0');
  });
});
