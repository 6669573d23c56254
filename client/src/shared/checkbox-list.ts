// A list of labelled checkboxes updated in place by key, so ticking one keeps its focus while the list redraws.
import { el } from './dom';

/** One row: `key` identifies it, `label` and `count` are shown. */
export interface CheckboxItem {
  key: string;
  label: string;
  count: number;
  checked: boolean;
}

/** The list's element and its in-place update. */
export interface CheckboxList {
  element: HTMLElement;
  update(items: readonly CheckboxItem[]): void;
}

interface Row {
  row: HTMLElement;
  input: HTMLInputElement;
  text: HTMLElement;
}

/** Creates the list; `testIdPrefix` + key names each checkbox for tests (e.g. `filter-label-Country`). */
export function createCheckboxList(opts: {
  testIdPrefix: string;
  ariaLabel: string;
  onToggle(key: string, checked: boolean): void;
}): CheckboxList {
  const element = el('div', {
    className: 'checkbox-list',
    attrs: { role: 'group', 'aria-label': opts.ariaLabel },
  });
  const rows = new Map<string, Row>();

  const update = (items: readonly CheckboxItem[]): void => {
    const keys = new Set(items.map((i) => i.key));
    for (const [key, r] of rows)
      if (!keys.has(key)) {
        r.row.remove();
        rows.delete(key);
      }
    for (const item of items) {
      let r = rows.get(item.key);
      if (!r) {
        const input = el('input', {
          testId: `${opts.testIdPrefix}${item.key}`,
          attrs: { type: 'checkbox', value: item.key },
        });
        input.addEventListener('change', () => opts.onToggle(item.key, input.checked));
        const text = el('span');
        r = { row: el('label', { className: 'checkbox-row' }, [input, text]), input, text };
        rows.set(item.key, r);
      }
      r.input.checked = item.checked;
      r.text.textContent = `${item.label} (${item.count})`;
      r.row.classList.toggle('empty', item.count === 0);
    }
    // Re-order only when needed: moving a focused checkbox would drop its focus.
    const order = items.map((i) => rows.get(i.key)!.row);
    if (order.some((row, i) => element.children[i] !== row)) element.replaceChildren(...order);
  };
  return { element, update };
}
