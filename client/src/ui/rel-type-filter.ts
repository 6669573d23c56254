// A multi-select of relationship types (from /api/schema): every hop of a path must be one of the checked types.
import type { SchemaResponse } from '../../../contract';
import { button, el } from './dom';

/** A mounted relationship-type filter. */
export interface RelTypeFilter {
  element: HTMLElement;
  /** The checked types; empty means any type. */
  selected(): string[];
}

/** Creates the filter; its choices are loaded when it is first opened (a failure is reported and leaves "any"). */
export function createRelTypeFilter(opts: {
  testId: string;
  loadSchema(): Promise<SchemaResponse>;
  onError(err: unknown): void;
}): RelTypeFilter {
  const summary = el('summary', { className: 'reltype-summary' });
  const list = el(
    'div',
    {
      className: 'reltype-list',
      attrs: { role: 'group', 'aria-label': 'Relationship types a path may use' },
    },
    [el('p', { className: 'muted', text: 'Loading relationship types…' })],
  );
  const boxes: HTMLInputElement[] = [];
  const selected = (): string[] => boxes.filter((b) => b.checked).map((b) => b.value);
  const syncSummary = (): void => {
    const n = selected().length;
    summary.textContent = n ? `Relationship types: ${n} of ${boxes.length}` : 'Relationship types: any';
  };
  const anyButton = button(
    'Any type',
    () => {
      for (const b of boxes) b.checked = false;
      syncSummary();
    },
    { className: 'reltype-any', title: 'Allow every relationship type' },
  );

  const element = el('details', { className: 'reltype-filter', testId: opts.testId }, [
    summary,
    list,
    el('div', { className: 'button-row' }, [anyButton]),
  ]);

  const showTypes = (schema: SchemaResponse): void => {
    const types = [...schema.relationshipTypes].sort((a, b) => a.type.localeCompare(b.type));
    list.replaceChildren(
      ...types.map((t) => {
        const box = el('input', { attrs: { type: 'checkbox', value: t.type } });
        box.addEventListener('change', syncSummary);
        boxes.push(box);
        return el('label', { className: 'reltype' }, [
          box,
          el('span', { className: 'reltype-name', text: t.type }),
          el('span', { className: 'reltype-count', text: String(t.count) }),
        ]);
      }),
    );
    syncSummary();
  };

  // Loaded on first open: most searches use no type filter, so most pages never ask. A failure can be retried by reopening.
  let requested = false;
  element.addEventListener('toggle', () => {
    if (!element.open || requested) return;
    requested = true;
    opts.loadSchema().then(showTypes, (err: unknown) => {
      requested = false;
      list.replaceChildren(
        el('p', { className: 'muted', text: 'Relationship types could not be loaded: any type is allowed.' }),
      );
      opts.onError(err);
    });
  });
  syncSummary();
  return { element, selected };
}
