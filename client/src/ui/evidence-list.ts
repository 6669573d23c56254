// The evidence list: each verbatim quote in quotation marks, beside the title of the source it is from.
import type { Evidence } from '../../../contract';
import { el } from './dom';

function evidenceItem(item: Evidence): HTMLElement {
  const source =
    item.sourceTitle ??
    item.sourceId ??
    (item.curator ? `Curator assertion by ${item.curator}` : 'Curator assertion');
  const offsets = item.start !== null && item.end !== null ? `chars ${item.start}–${item.end}` : null;
  return el('li', { className: 'evidence-item' }, [
    item.quote !== null
      ? el('blockquote', { className: 'evidence-quote', testId: 'evidence-quote', text: `“${item.quote}”` })
      : null,
    item.note ? el('p', { className: 'evidence-note', text: item.note }) : null,
    el('div', { className: 'evidence-meta' }, [
      el('cite', {
        className: 'evidence-source',
        testId: 'evidence-source',
        text: source,
        ...(item.sourceId ? { attrs: { title: item.sourceId } } : {}),
      }),
      offsets ? el('span', { className: 'evidence-offsets', text: offsets }) : null,
    ]),
  ]);
}

/** The evidence section; says so plainly when a claim has none. */
export function evidenceList(items: readonly Evidence[] | undefined, loading = false): HTMLElement {
  const list = items ?? [];
  const heading = el('h3', {
    className: 'details-subtitle',
    text: `Evidence${list.length ? ` (${list.length})` : ''}`,
  });
  if (loading && !list.length)
    return el('section', { className: 'evidence' }, [
      heading,
      el('p', { className: 'muted', text: 'Loading evidence…' }),
    ]);
  if (!list.length)
    return el('section', { className: 'evidence' }, [
      heading,
      el('p', { className: 'muted', text: 'No evidence recorded.' }),
    ]);
  return el('section', { className: 'evidence' }, [
    heading,
    el('ol', { className: 'evidence-list' }, list.map(evidenceItem)),
  ]);
}
