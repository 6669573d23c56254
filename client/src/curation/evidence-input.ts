// Evidence for a new fact: a source and a verbatim quote (picked in the source viewer), or a curator-asserted note.
import type { EvidenceInput, SourceSummary } from '../../../contract';
import { describeError } from '../api/api-error';
import type { CurationApi } from '../api/curation-api';
import { button, el } from '../ui/dom';
import { openSourceForm } from './source-form';
import { openSourceViewer } from './source-viewer';

/** What the evidence fields hold: nothing, a valid piece of evidence, or why it is not valid yet. */
export type EvidenceReading =
  { kind: 'empty' } | { kind: 'ok'; evidence: EvidenceInput } | { kind: 'invalid'; message: string };

/** A mounted evidence entry. */
export interface EvidenceEntry {
  element: HTMLElement;
  read(): EvidenceReading;
  /** Shows a message next to the evidence (a server 422 about it, say); '' clears it. */
  showError(message: string): void;
}

let entries = 0;

/** Builds the evidence fields; the source list loads from `api` at once. */
export function createEvidenceEntry(api: CurationApi, opts: { required: boolean }): EvidenceEntry {
  const group = `evidence-mode-${++entries}`;
  const radio = (
    value: string,
    label: string,
    testId: string,
    checked: boolean,
  ): { input: HTMLInputElement; label: HTMLElement } => {
    const input = el('input', { testId, attrs: { type: 'radio', name: group, value } });
    input.checked = checked;
    return { input, label: el('label', { className: 'field inline' }, [input, label]) };
  };
  const quoted = radio('quote', 'Quote a source', 'evidence-mode-quote', true);
  const asserted = radio('asserted', 'Curator-asserted', 'evidence-mode-asserted', false);

  const select = el('select', {
    className: 'form-input',
    testId: 'evidence-source',
    attrs: { 'aria-label': 'Source' },
  });
  const quote = el('textarea', {
    className: 'form-input',
    testId: 'evidence-quote-input',
    attrs: {
      rows: '3',
      placeholder: 'The exact words of the source (select them in the source viewer)',
      'aria-label': 'Quote',
    },
  });
  const note = el('textarea', {
    className: 'form-input',
    testId: 'evidence-note',
    attrs: {
      rows: '2',
      placeholder: 'Why you assert this (recorded with your name)',
      'aria-label': 'Curator note',
    },
  });
  const message = el('p', { className: 'form-message', testId: 'evidence-error', attrs: { role: 'alert' } });

  let sources: SourceSummary[] = [];
  const fillSources = (selectId?: string): void => {
    api.sources().then(
      (res) => {
        sources = res.sources;
        const keep = selectId ?? select.value;
        select.replaceChildren(
          el('option', {
            text: sources.length ? 'Choose a source…' : 'No sources yet: add one',
            attrs: { value: '' },
          }),
          ...sources.map((s) =>
            el('option', { text: s.date ? `${s.title} (${s.date})` : s.title, attrs: { value: s.id } }),
          ),
        );
        select.value = sources.some((s) => s.id === keep) ? keep : '';
      },
      (err: unknown) => {
        message.textContent = `Could not list the sources: ${describeError(err)}`;
      },
    );
  };
  fillSources();

  const view = button(
    'View source',
    () => {
      if (!select.value) {
        message.textContent = 'Choose a source to view it.';
        return;
      }
      const id = select.value;
      openSourceViewer(
        () => api.source(id),
        (q) => {
          quote.value = q;
          message.textContent = '';
        },
      );
    },
    { testId: 'source-open', title: 'Read the full text; select a passage to quote it' },
  );
  const add = button(
    'New source…',
    () =>
      openSourceForm(
        async (body) => {
          const res = await api.createSource(body);
          const made = res.result as { id?: unknown } | null;
          return typeof made?.id === 'string' ? made.id : res.change.targetId;
        },
        (id) => fillSources(id),
      ),
    { testId: 'source-new', title: 'Add a source document (title, publisher, date, URL, full text)' },
  );

  const quoteFields = el('div', { className: 'evidence-fields' }, [
    el('div', { className: 'source-row' }, [select, view, add]),
    quote,
  ]);
  const noteFields = el('div', { className: 'evidence-fields' }, [note]);
  const sync = (): void => {
    quoteFields.hidden = !quoted.input.checked;
    noteFields.hidden = quoted.input.checked;
  };
  quoted.input.addEventListener('change', sync);
  asserted.input.addEventListener('change', sync);
  sync();

  const element = el('fieldset', { className: 'evidence-entry', testId: 'evidence-entry' }, [
    el('legend', { text: opts.required ? 'Evidence' : 'Add evidence (optional)' }),
    el('div', { className: 'evidence-modes' }, [quoted.label, asserted.label]),
    quoteFields,
    noteFields,
    message,
  ]);

  return {
    element,
    showError: (text) => {
      message.textContent = text;
    },
    read: () => {
      if (asserted.input.checked) {
        const text = note.value.trim();
        if (!text)
          return opts.required
            ? { kind: 'invalid', message: 'Say why you assert this: the note is recorded with your name.' }
            : { kind: 'empty' };
        return { kind: 'ok', evidence: { curatorAsserted: true, note: text } };
      }
      const q = quote.value;
      if (!select.value && !q.trim())
        return opts.required
          ? { kind: 'invalid', message: 'Choose a source and quote it, or mark the fact curator-asserted.' }
          : { kind: 'empty' };
      if (!select.value) return { kind: 'invalid', message: 'Choose the source the quote is from.' };
      if (!q.trim())
        return { kind: 'invalid', message: 'Quote the source: select the words in the source viewer.' };
      return { kind: 'ok', evidence: { sourceId: select.value, quote: q } };
    },
  };
}
