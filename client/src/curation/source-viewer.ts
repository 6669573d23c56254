// The source viewer: a source's full text; selecting a passage in it fills the evidence quote.
import type { SourceResponse } from '../../../contract';
import { describeError } from '../api/api-error';
import { button, el } from '../ui/dom';
import { openModal } from './modal';

/** Opens the viewer on source `id`; `onQuote` receives each selection made in its text. */
export function openSourceViewer(
  load: () => Promise<SourceResponse>,
  onQuote: (quote: string) => void,
): void {
  const text = el('div', {
    className: 'source-text',
    testId: 'source-text',
    attrs: { tabindex: '0', 'aria-label': 'Source text: select a passage to quote it' },
  });
  const picked = el('p', {
    className: 'source-picked muted',
    testId: 'source-picked',
    text: 'Select a passage to use it as the quote.',
  });
  const meta = el('p', { className: 'source-meta muted', text: 'Loading…' });
  const modal = openModal({
    title: 'Source',
    testId: 'source-viewer',
    className: 'source-viewer',
    body: [
      meta,
      text,
      picked,
      el('div', { className: 'button-row' }, [
        button('Done', () => modal.close(), { className: 'primary', testId: 'source-done' }),
      ]),
    ],
    onClose: () => document.removeEventListener('selectionchange', onSelection),
  });

  /** A selection inside the text, as typed in the source (a verbatim substring). */
  const onSelection = (): void => {
    const sel = document.getSelection();
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return;
    const range = sel.getRangeAt(0);
    if (!text.contains(range.startContainer) || !text.contains(range.endContainer)) return;
    const quote = sel.toString();
    if (!quote.trim()) return;
    onQuote(quote);
    picked.textContent = `Quote: “${quote.length > 160 ? `${quote.slice(0, 159)}…` : quote}”`;
    picked.classList.remove('muted');
  };
  document.addEventListener('selectionchange', onSelection);

  load().then(
    ({ source }) => {
      modal.element.querySelector('.modal-title')!.textContent = source.title;
      meta.textContent = [source.publisher, source.date, source.url].filter(Boolean).join(' · ') || source.id;
      text.textContent = source.text;
    },
    (err: unknown) => {
      meta.textContent = `Could not load the source: ${describeError(err)}`;
      meta.classList.add('form-message');
    },
  );
}
