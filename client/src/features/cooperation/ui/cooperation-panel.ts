// The sidebar's cooperation section: pick a threat and open the cooperation view on it.
import type { State } from '../../../state/state';
import type { ReadableStore } from '../../../state/store';
import { el, section } from '../../../shared/dom';
import type { SearchHit } from '../../../shared/search-box';
import { createThreatPicker } from '../../../shared/threat-picker';

/** What the cooperation section needs from the app. */
export interface CooperationPanelDeps {
  store: ReadableStore<State>;
  searchThreats(q: string, signal: AbortSignal): Promise<readonly SearchHit[]>;
  showCooperation(threat: string): Promise<void>;
  onError(err: unknown): void;
}

/** The cooperation section: a form, so Enter in the picker opens the view. */
export function createCooperationPanel(deps: CooperationPanelDeps): HTMLElement {
  const message = el('p', { className: 'form-message', attrs: { role: 'alert' } });
  const runButton = el('button', {
    className: 'primary',
    testId: 'coop-run',
    text: 'Show cooperation',
    attrs: { type: 'submit' },
  });
  let running = false;
  const run = async (): Promise<void> => {
    const threat = picker.value();
    message.textContent = '';
    if (!threat) {
      message.textContent = 'Choose a threat from the suggestions.';
      picker.box.focus();
      return;
    }
    if (running) return;
    running = true;
    runButton.disabled = true;
    try {
      await deps.showCooperation(threat);
    } catch (err) {
      deps.onError(err);
    } finally {
      running = false;
      runButton.disabled = false;
    }
  };
  const picker = createThreatPicker({
    testId: 'coop-threat',
    label: 'Threat',
    placeholder: 'A threat, e.g. terrorism',
    searchThreats: deps.searchThreats,
    onError: deps.onError,
    onSubmit: () => {
      void run();
    },
  });
  const status = el('p', { className: 'panel-help' });
  const sync = (s: State): void => {
    status.textContent = s.cooperation
      ? `Showing cooperation on ${s.cooperation.response.threat.name}. Click an edge or a matrix cell for the shared forums and agreements.`
      : 'Who cooperates with whom on a threat: actors linked when they share forums or agreements that address it.';
  };
  deps.store.subscribe(sync);
  sync(deps.store.get());

  const form = el(
    'form',
    { className: 'coop-form', attrs: { 'aria-label': 'Cooperation on a threat', novalidate: '' } },
    [
      el('div', { className: 'field' }, [
        el('span', { className: 'field-name', text: 'Threat' }),
        picker.element,
      ]),
      el('div', { className: 'button-row' }, [runButton]),
      message,
      status,
    ],
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void run();
  });
  return section('Cooperation', [form], 'cooperation-panel');
}
