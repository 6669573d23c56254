// Edit before accept: a small form inside a suggestion (a node's name, kind and confidence; a relationship's type,
// ends and confidence) whose submit accepts with the edits; the quote is shown, never edited. Esc cancels.
import type { Suggestion, SuggestionAcceptRequest } from '../../../../../contract';
import {
  CONFIDENCE_LEVELS,
  displayName,
  ENTITY_KINDS,
  RELATIONSHIP_TYPE_NAMES,
  type Confidence,
} from '../../../../../model';
import { ApiError, describeError } from '../../../api/api-error';
import { button, el } from '../../../shared/dom';
import { editsOf, type EndChoice, type EditorValues } from '../state';

/** What the editor needs: the suggestion, the nodes its ends may become, and what to do on submit or cancel. */
export interface EditorDeps {
  suggestion: Suggestion;
  ends: readonly EndChoice[];
  accept(edits: SuggestionAcceptRequest): Promise<void>;
  cancel(): void;
}

function select(testId: string, options: readonly [value: string, text: string][], value: string) {
  const s = el(
    'select',
    { testId },
    options.map(([v, t]) => el('option', { text: t, attrs: { value: v } })),
  );
  s.value = value;
  return s;
}

function field(label: string, input: HTMLElement): HTMLElement {
  return el('label', { className: 'review-field' }, [el('span', { text: label }), input]);
}

/** The options of one end: the suggested end first ('' for a pending candidate), then the article's nodes. */
function endOptions(end: Suggestion['from'], ends: readonly EndChoice[]): [string, string][] {
  const first: [string, string] = [
    end?.nodeId ?? '',
    `${end?.name ?? '?'} (${end?.label ?? '?'}, as suggested)`,
  ];
  return [
    first,
    ...ends
      .filter((e) => e.nodeId !== end?.nodeId)
      .map((e): [string, string] => [e.nodeId, `${e.name} (${e.label})`]),
  ];
}

/** Builds the form; it focuses its first field when put in the page (call `focus`). */
export function createSuggestionEditor(d: EditorDeps): { element: HTMLFormElement; focus(): void } {
  const s = d.suggestion;
  const confidence = select(
    'review-edit-confidence',
    CONFIDENCE_LEVELS.map((c) => [c, c]),
    s.confidence,
  );
  const message = el('p', {
    className: 'form-message',
    testId: 'review-edit-message',
    attrs: { role: 'alert' },
  });
  const fields: HTMLElement[] = [];
  let read: () => EditorValues;
  let first: HTMLInputElement | HTMLSelectElement;
  if (s.kind === 'node') {
    const name = el('input', { testId: 'review-edit-name', attrs: { type: 'text', maxlength: '300' } });
    name.value = s.name ?? '';
    const label = select(
      'review-edit-label',
      ENTITY_KINDS.map((k) => [k, displayName(k)]),
      s.label ?? '',
    );
    fields.push(
      field('Name', name),
      el('div', { className: 'review-row' }, [field('Kind', label), field('Confidence', confidence)]),
    );
    read = () => ({ name: name.value, label: label.value, confidence: confidence.value as Confidence });
    first = name;
  } else {
    const type = select(
      'review-edit-type',
      RELATIONSHIP_TYPE_NAMES.map((t) => [t, t]),
      s.type ?? '',
    );
    const from = select('review-edit-from', endOptions(s.from, d.ends), s.from?.nodeId ?? '');
    const to = select('review-edit-to', endOptions(s.to, d.ends), s.to?.nodeId ?? '');
    const swap = button(
      '⇅ Swap ends',
      () => {
        // Only ends that are nodes already can trade places (a pending candidate has no id to send).
        const [f, t] = [from.value, to.value];
        if (!f || !t) {
          message.textContent =
            'Accept or link the new candidate first: only existing nodes can swap places.';
          return;
        }
        for (const [sel, v] of [
          [from, t],
          [to, f],
        ] as const) {
          if (![...sel.options].some((o) => o.value === v))
            sel.append(
              el('option', {
                text: [...(sel === from ? to : from).options].find((o) => o.value === v)?.text ?? v,
                attrs: { value: v },
              }),
            );
          sel.value = v;
        }
      },
      { testId: 'review-edit-swap', title: 'Swap the two ends' },
    );
    fields.push(
      el('div', { className: 'review-row' }, [field('Type', type), field('Confidence', confidence)]),
      field('From', from),
      field('To', to),
      el('div', { className: 'review-actions' }, [swap]),
    );
    read = () => ({
      type: type.value,
      from: from.value,
      to: to.value,
      confidence: confidence.value as Confidence,
    });
    first = type;
  }
  const submit = el('button', {
    className: 'primary',
    testId: 'review-edit-accept',
    text: 'Accept with edits',
    attrs: { type: 'submit', 'aria-keyshortcuts': 'Enter' },
  });
  const form = el(
    'form',
    { className: 'review-editor', testId: 'review-editor', attrs: { 'aria-label': 'Edit before accepting' } },
    [
      ...fields,
      el('div', { className: 'review-actions' }, [
        submit,
        button('Cancel', () => d.cancel(), { testId: 'review-edit-cancel', title: 'Cancel (Esc)' }),
      ]),
      message,
    ],
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    submit.disabled = true;
    message.textContent = 'Accepting…';
    d.accept(editsOf(s, read())).then(
      () => (submit.disabled = false),
      (err: unknown) => {
        submit.disabled = false;
        message.textContent = `Not accepted: ${describeError(err)}`;
        // Point at the field the server named.
        const named =
          err instanceof ApiError && err.field
            ? form.querySelector<HTMLElement>(`[data-testid="review-edit-${err.field}"]`)
            : null;
        named?.setAttribute('aria-invalid', 'true');
        named?.focus();
      },
    );
  });
  // A field changed after a refusal: the refusal no longer describes it.
  form.addEventListener('input', () => {
    message.textContent = '';
    for (const f of form.querySelectorAll('[aria-invalid]')) f.removeAttribute('aria-invalid');
  });
  form.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      d.cancel();
    }
  });
  return {
    element: form,
    focus: () => {
      first.focus();
      form.scrollIntoView({ block: 'nearest' });
    },
  };
}
