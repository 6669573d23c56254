// "New source": a curator adds a source document (title, publisher, date, URL, full text) that evidence can then quote.
import type { SourceCreateRequest } from '../../../contract';
import { ApiError, describeError } from '../api/api-error';
import { button, el } from '../ui/dom';
import { openModal } from './modal';

/** A labelled input row; returns the row and its control. */
function row<T extends HTMLInputElement | HTMLTextAreaElement>(label: string, control: T): HTMLElement {
  return el('label', { className: 'field' }, [el('span', { className: 'field-name', text: label }), control]);
}

const input = (testId: string, attrs: Record<string, string> = {}): HTMLInputElement =>
  el('input', { className: 'form-input', testId, attrs: { type: 'text', ...attrs } });

/** Opens the form; `create` sends it and resolves to the new source's id; `onCreated` then runs. */
export function openSourceForm(
  create: (body: SourceCreateRequest) => Promise<string>,
  onCreated: (id: string) => void,
): void {
  const title = input('source-title', { required: '', maxlength: '300' });
  const publisher = input('source-publisher');
  const date = input('source-date', { type: 'date' });
  const url = input('source-url', { type: 'url', placeholder: 'https://…' });
  const text = el('textarea', {
    className: 'form-input',
    testId: 'source-text-input',
    attrs: { rows: '8', required: '' },
  });
  const message = el('p', {
    className: 'form-message',
    testId: 'source-form-message',
    attrs: { role: 'alert' },
  });
  const save = button('Add source', () => void submit(), { className: 'primary', testId: 'source-save' });

  const submit = async (): Promise<void> => {
    const body: SourceCreateRequest = { title: title.value.trim(), text: text.value };
    if (!body.title) {
      message.textContent = 'A title is required.';
      title.focus();
      return;
    }
    if (!body.text.trim()) {
      message.textContent = 'Paste the source’s full text: quotes are checked against it.';
      text.focus();
      return;
    }
    if (publisher.value.trim()) body.publisher = publisher.value.trim();
    if (date.value) body.date = date.value;
    if (url.value.trim()) body.url = url.value.trim();
    save.disabled = true;
    try {
      const id = await create(body);
      modal.close();
      onCreated(id);
    } catch (err) {
      message.textContent =
        err instanceof ApiError && err.field ? `${err.field}: ${err.message}` : describeError(err);
    } finally {
      save.disabled = false;
    }
  };

  const modal = openModal({
    title: 'New source',
    testId: 'source-form',
    body: [
      row('Title', title),
      row('Publisher', publisher),
      row('Date', date),
      row('URL', url),
      row('Full text', text),
      message,
      el('div', { className: 'button-row' }, [save, button('Cancel', () => modal.close())]),
    ],
  });
  title.focus();
}
