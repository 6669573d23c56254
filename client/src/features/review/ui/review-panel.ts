// The review panel: a floating card holding the Add article form, then the review of the article just added.
import { button, el } from '../../../shared/dom';
import type { ReviewApi } from '../review-api';
import { createAddArticleForm } from './add-article-form';
import { createReviewView, type ReviewViewDeps } from './review-view';
import { createSourcePicker } from './source-picker';
import './review.css';

/** The panel and its toolbar button (in the More menu). */
export interface ReviewPanel {
  readonly element: HTMLElement;
  readonly toggleButton: HTMLButtonElement;
  /** Shows or hides the button with the user's role (curators and admins only). */
  setAllowed(allowed: boolean): void;
}

/** Builds the panel, hidden until its button opens it. */
export function createReviewPanel(deps: Omit<ReviewViewDeps, 'api'> & { api: ReviewApi }): ReviewPanel {
  const view = createReviewView(deps);
  const openSource = (id: string): void => {
    addBox.hidden = true;
    view.element.hidden = false;
    void view
      .show(id)
      .then(view.focus, (err: unknown) => deps.say(`Could not load the review: ${String(err)}`));
  };
  const form = createAddArticleForm(deps.api, (res) => res.result && openSource(res.result.id), openSource);
  const picker = createSourcePicker(deps.api, openSource);
  const addBox = el('div', { className: 'review-add-box' }, [form.element, picker.element]);
  view.element.hidden = true;
  const another = button('Add another article', () => showForm(), { testId: 'ingest-another' });
  const element = el(
    'section',
    {
      className: 'review-panel floating-card',
      testId: 'review-panel',
      attrs: { 'aria-label': 'Add and review an article' },
    },
    [
      el('header', { className: 'floating-panel-header' }, [
        el('h2', { className: 'panel-title', text: 'Add article' }),
        another,
        button('×', () => close(), {
          className: 'panel-close',
          testId: 'review-close',
          title: 'Close',
          attrs: { 'aria-label': 'Close' },
        }),
      ]),
      addBox,
      view.element,
    ],
  );
  element.hidden = true;
  const showForm = (): void => {
    addBox.hidden = false;
    view.element.hidden = true;
    form.reset();
    form.focus();
    void picker.refresh();
  };
  const close = (): void => {
    element.hidden = true;
    toggleButton.focus();
  };
  element.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      close();
    }
  });
  const toggleButton = button(
    'Add article…',
    () => {
      if (!element.hidden) return close();
      element.hidden = false;
      showForm();
    },
    { testId: 'ingest-open', title: 'Add an article and review what extraction suggests' },
  );
  return {
    element,
    toggleButton,
    setAllowed(allowed) {
      toggleButton.hidden = !allowed;
      if (!allowed) element.hidden = true;
    },
  };
}
