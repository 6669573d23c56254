// The supernode guard's setting: how many neighbours one expansion page fetches (default 50, ?cap= too).
import type { Actions } from '../../../state/actions';
import { MAX_CAP } from '../state';
import type { State } from '../../../state/state';
import type { ReadableStore } from '../../../state/store';
import { el } from '../../../shared/dom';

/** A labelled number input (in the toolbar's More menu); a bad value is put back to the current cap. */
export function createCapSetting(store: ReadableStore<State>, actions: Pick<Actions, 'setCap'>): HTMLElement {
  const input = el('input', {
    className: 'cap-input',
    testId: 'cap-input',
    attrs: {
      type: 'number',
      min: '1',
      max: String(MAX_CAP),
      step: '1',
      inputmode: 'numeric',
      title: `Neighbours added per expansion (1–${MAX_CAP}); more are a page away`,
    },
  });
  input.value = String(store.get().settings.cap);
  input.addEventListener('change', () => {
    const n = Number(input.value);
    if (Number.isInteger(n) && n >= 1 && n <= MAX_CAP) actions.setCap(n);
    input.value = String(store.get().settings.cap);
  });
  store.subscribe((s, prev) => {
    if (s.settings.cap !== prev.settings.cap && document.activeElement !== input)
      input.value = String(s.settings.cap);
  });
  return el('label', { className: 'toolbar-group cap-setting' }, [
    el('span', { text: 'Neighbour cap' }),
    input,
  ]);
}
