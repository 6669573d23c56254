// Toolbar Undo and Redo: disabled when there is nothing to do, titled with the step they would undo or redo.
import { redoLabel, undoLabel } from '../../../state/history';
import type { Actions } from '../../../state/actions';
import type { State } from '../../../state/state';
import type { ReadableStore } from '../../../state/store';
import { button, el } from '../../../shared/dom';

/** Cmd on a Mac, Ctrl elsewhere, for titles. */
export const MOD_KEY = /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl+';

/** The Undo/Redo toolbar group. */
export function createHistoryButtons(
  store: ReadableStore<State>,
  actions: Pick<Actions, 'undo' | 'redo'>,
): HTMLElement {
  const undo = button('↶ Undo', () => actions.undo(), { testId: 'undo', attrs: { 'aria-label': 'Undo' } });
  const redo = button('↷ Redo', () => actions.redo(), { testId: 'redo', attrs: { 'aria-label': 'Redo' } });
  let drawn: State['history'] | null = null;
  const render = (s: State): void => {
    if (s.history === drawn) return;
    drawn = s.history;
    const u = undoLabel(s.history);
    const r = redoLabel(s.history);
    undo.disabled = u === null;
    redo.disabled = r === null;
    undo.title = u === null ? 'Nothing to undo' : `Undo: ${u} (${MOD_KEY}Z)`;
    redo.title = r === null ? 'Nothing to redo' : `Redo: ${r} (${MOD_KEY}Shift+Z)`;
  };
  store.subscribe(render);
  render(store.get());
  return el('div', { className: 'toolbar-group' }, [undo, redo]);
}
