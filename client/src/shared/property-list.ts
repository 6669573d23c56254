// A definition list of an element's properties, with long text folded away.
import { el } from './dom';

/** Strings longer than this (a source's full text) are folded behind a disclosure. */
const FOLD_AT = 240;

/** "crossBorderOperationsIncrease" -> "Cross border operations increase". */
export function humanizeKey(key: string): string {
  const words = key
    .replace(/_/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Plain text for a property value of any shape. */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (Array.isArray(value)) return value.map(formatValue).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function valueElement(value: unknown): HTMLElement {
  const text = formatValue(value);
  if (text.length <= FOLD_AT) return el('dd', { text });
  const details = el('details', {}, [
    el('summary', { text: `${text.slice(0, FOLD_AT).trimEnd()}…` }),
    el('p', { className: 'folded-text', text }),
  ]);
  return el('dd', {}, [details]);
}

/** The properties not in `skip`, sorted by key; null when none remain. */
export function propertyList(
  properties: Record<string, unknown>,
  skip: readonly string[],
): HTMLElement | null {
  const entries = Object.entries(properties)
    .filter(([key, value]) => !skip.includes(key) && value !== null && value !== undefined && value !== '')
    .sort(([a], [b]) => a.localeCompare(b));
  if (!entries.length) return null;
  return el(
    'dl',
    { className: 'properties' },
    entries.flatMap(([key, value]) => [
      el('dt', { text: humanizeKey(key), attrs: { title: key } }),
      valueElement(value),
    ]),
  );
}
