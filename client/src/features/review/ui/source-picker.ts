// Reopens the review of an article added earlier (after a reload, or by another curator): its suggestions are kept
// on the server until decided, so the review goes on where it stopped.
import type { SourceSummary } from '../../../../../contract';
import { describeError } from '../../../api/api-error';
import { button, el } from '../../../shared/dom';
import type { ReviewApi } from '../review-api';

/** The picker: the sources by title, and a Review button. */
export interface SourcePicker {
  readonly element: HTMLElement;
  /** Loads the list again (each time the form is shown). */
  refresh(): Promise<void>;
}

export function createSourcePicker(
  api: Pick<ReviewApi, 'sources'>,
  open: (id: string) => void,
): SourcePicker {
  const choice = el('select', {
    testId: 'review-source-choice',
    attrs: { 'aria-label': 'An article added earlier' },
  });
  const openButton = button('Review', () => choice.value && open(choice.value), {
    testId: 'review-source-open',
    title: 'Review the chosen article: its undecided suggestions are kept',
  });
  const note = el('p', { className: 'review-hint', testId: 'review-source-note' });
  const element = el('div', { className: 'review-source-picker' }, [
    el('label', { className: 'review-field' }, [
      el('span', { text: '…or go on reviewing an article added earlier' }),
      el('div', { className: 'review-link-row' }, [choice, openButton]),
    ]),
    note,
  ]);
  const label = (s: SourceSummary): string =>
    [s.title, s.publisher, s.date].filter((x): x is string => Boolean(x)).join(' · ');
  return {
    element,
    async refresh() {
      try {
        const { sources } = await api.sources();
        choice.replaceChildren(
          ...sources.map((s) => el('option', { text: label(s), attrs: { value: s.id } })),
        );
        openButton.disabled = sources.length === 0;
        note.textContent = '';
      } catch (err) {
        note.textContent = `Could not list the articles: ${describeError(err)}`;
      }
    },
  };
}
