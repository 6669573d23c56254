// The Add article form: paste text with its title (publisher, URL, date optional) or choose a .txt/.md/.html file.
import type { SourceAddResponse } from '../../../../../contract';
import { ApiError, describeError } from '../../../api/api-error';
import { button, el } from '../../../shared/dom';
import type { ArticleFields, ReviewApi } from '../review-api';

/** The form's element and a way to clear it. */
export interface AddArticleForm {
  readonly element: HTMLElement;
  reset(): void;
  focus(): void;
}

function field(label: string, input: HTMLElement): HTMLElement {
  return el('label', { className: 'review-field' }, [el('span', { text: label }), input]);
}

/** Builds the form; `added` gets the new source once the server has stored it and extracted its suggestions. */
export function createAddArticleForm(
  api: Pick<ReviewApi, 'addText' | 'addFile'>,
  added: (res: SourceAddResponse) => void,
  openSource: (id: string) => void,
): AddArticleForm {
  const title = el('input', { testId: 'ingest-title', attrs: { type: 'text', maxlength: '500' } });
  const publisher = el('input', { testId: 'ingest-publisher', attrs: { type: 'text', maxlength: '300' } });
  const url = el('input', { testId: 'ingest-url', attrs: { type: 'url', placeholder: 'https://…' } });
  const date = el('input', { testId: 'ingest-date', attrs: { type: 'date' } });
  const text = el('textarea', { testId: 'ingest-text', attrs: { rows: '8' } });
  const file = el('input', {
    testId: 'ingest-file',
    attrs: { type: 'file', accept: '.txt,.md,.markdown,.html,.htm' },
  });
  const message = el('p', { className: 'form-message', testId: 'ingest-message', attrs: { role: 'status' } });
  const submit = el('button', {
    className: 'primary',
    testId: 'ingest-submit',
    text: 'Add and extract',
    attrs: { type: 'submit' },
  });

  const say = (msg: string, link?: { id: string; title: string }): void => {
    message.replaceChildren(msg);
    if (link)
      message.append(
        ' ',
        button(`Open “${link.title}”`, () => openSource(link.id), {
          className: 'link-button',
          testId: 'ingest-duplicate-link',
        }),
      );
  };

  const form = el(
    'form',
    { className: 'review-add', testId: 'ingest-form', attrs: { 'aria-label': 'Add article' } },
    [
      field('Title', title),
      field('Publisher (optional)', publisher),
      el('div', { className: 'review-row' }, [
        field('URL (optional)', url),
        field('Published (optional)', date),
      ]),
      field('Article text', text),
      field('…or a file (.txt, .md, .html)', file),
      el('div', { className: 'review-actions' }, [submit]),
      message,
    ],
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const chosen = file.files?.[0];
    const fields: ArticleFields = { title: title.value.trim() };
    if (publisher.value.trim()) fields.publisher = publisher.value.trim();
    if (url.value.trim()) fields.url = url.value.trim();
    if (date.value) fields.publishedAt = date.value;
    if (!fields.title && !chosen) return say('Give the article a title.');
    if (!chosen && text.value.trim().length < 20)
      return say('Paste the article text (at least 20 characters) or choose a file.');
    submit.disabled = true;
    say(chosen ? `Uploading ${chosen.name} and extracting…` : 'Storing the text and extracting suggestions…');
    const sent = chosen ? api.addFile(fields, chosen) : api.addText({ ...fields, text: text.value });
    sent.then(
      (res) => {
        submit.disabled = false;
        say(
          res.extraction.state === 'running'
            ? `Added “${res.result?.title ?? fields.title}”: a long article, extracted in the background.`
            : `Added “${res.result?.title ?? fields.title}”: ${res.suggestions.length} suggestions.`,
        );
        added(res);
      },
      (err: unknown) => {
        submit.disabled = false;
        const first = err instanceof ApiError && err.status === 409 ? duplicateOf(err.current) : null;
        say(`Not added: ${describeError(err)}`, first ?? undefined);
      },
    );
  });
  return {
    element: form,
    reset() {
      form.reset();
      message.replaceChildren();
    },
    focus: () => title.focus(),
  };
}

/** The first source a 409 names (`error.current.source`). */
function duplicateOf(current: unknown): { id: string; title: string } | null {
  const source = (current as { source?: { id?: unknown; title?: unknown } } | undefined)?.source;
  return typeof source?.id === 'string' ? { id: source.id, title: String(source.title ?? source.id) } : null;
}
