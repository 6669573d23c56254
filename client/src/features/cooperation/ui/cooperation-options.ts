// The cooperation view's options: who is paired (countries, organisations, people) and the fewest forums or
// agreements a pair must share. Each change asks the server again; the controls show what the answer holds.
import { COOPERATION_LEVELS, type CooperationLevel } from '../../../../../contract/limits';
import { debounce } from '../../../shared/debounce';
import { button, el, setAttr } from '../../../shared/dom';
import type { CooperationOperations } from '../operations';
import type { CooperationView } from '../state';
import './cooperation.css';

/** The level switch's words; each level's help says what rolls up into what. */
const LEVELS: Record<CooperationLevel, { label: string; help: string }> = {
  countries: {
    label: 'Countries',
    help: 'People and agencies count for the country they hold office in or are part of',
  },
  organisations: {
    label: 'Organisations',
    help: 'People count for the organisation or country they hold office in',
  },
  people: { label: 'People', help: 'Every actor counts for itself' },
};

/** Arrow keys change the slider a step per press: ask once the key has rested this long. */
const SLIDER_QUIET_MS = 250;

/** The mounted options row. */
export interface CooperationOptions {
  element: HTMLElement;
  /** Shows the open view's level, minimum and the slider's range. */
  render(view: CooperationView): void;
}

/** Creates the options row. */
export function createCooperationOptions(deps: {
  refine: CooperationOperations['refineCooperation'];
  onError(err: unknown): void;
}): CooperationOptions {
  const ask = (change: Parameters<CooperationOperations['refineCooperation']>[0]): void => {
    deps.refine(change).catch(deps.onError);
  };
  let shown: CooperationView | null = null;

  const levelButtons = COOPERATION_LEVELS.map((level) =>
    button(
      LEVELS[level].label,
      () => {
        if (shown && (shown.response.level ?? 'countries') !== level) ask({ level });
      },
      {
        className: 'coop-toggle',
        testId: `coop-level-${level}`,
        title: LEVELS[level].help,
        attrs: { 'aria-pressed': 'false' },
      },
    ),
  );

  const slider = el('input', {
    className: 'coop-min-weight',
    testId: 'coop-min-weight',
    attrs: {
      type: 'range',
      min: '1',
      max: '1',
      step: '1',
      value: '1',
      'aria-label': 'Fewest forums or agreements a pair shares',
    },
  });
  const sliderValue = el('output', { className: 'coop-min-weight-value', testId: 'coop-min-weight-value' });
  const note = el('span', { className: 'coop-options-note muted', testId: 'coop-options-note' });
  const showValue = (value: number): void => {
    sliderValue.textContent = `≥ ${value}`;
    setAttr(
      slider,
      'aria-valuetext',
      `at least ${value} forum${value === 1 ? '' : 's'} or agreement${value === 1 ? '' : 's'}`,
    );
  };
  const askMinimum = debounce((value: number) => {
    if (shown && value !== (shown.response.minWeight ?? 1)) ask({ minWeight: value });
  }, SLIDER_QUIET_MS);
  slider.addEventListener('input', () => showValue(Number(slider.value)));
  slider.addEventListener('change', () => askMinimum(Number(slider.value)));

  const element = el('div', { className: 'coop-options', testId: 'coop-options' }, [
    el('div', { className: 'coop-option' }, [
      el('span', { className: 'field-name', text: 'Level', attrs: { id: 'coop-level-label' } }),
      el(
        'div',
        { className: 'coop-controls', attrs: { role: 'group', 'aria-labelledby': 'coop-level-label' } },
        levelButtons,
      ),
    ]),
    el('label', { className: 'coop-option' }, [
      el('span', {
        className: 'field-name',
        text: 'Min. shared',
        attrs: { title: 'The fewest forums or agreements on the threat a pair must share' },
      }),
      slider,
      sliderValue,
    ]),
    note,
  ]);

  return {
    element,
    render: (view) => {
      shown = view;
      askMinimum.cancel();
      const level = view.response.level ?? 'countries';
      levelButtons.forEach((b, i) => setAttr(b, 'aria-pressed', String(COOPERATION_LEVELS[i] === level)));
      const min = view.response.minWeight ?? 1;
      slider.max = String(Math.max(view.maxWeight, min));
      slider.value = String(min);
      // Nothing to filter when every pair shares one forum or agreement: the slider says so rather than slide.
      slider.disabled = view.maxWeight <= 1 && min <= 1;
      showValue(min);
      slider.title = slider.disabled ? 'Every pair shares one forum or agreement: nothing to filter' : '';
      note.textContent = view.response.pairs.length
        ? ''
        : `No pair shares ${min} or more: lower the minimum or change the level.`;
    },
  };
}
