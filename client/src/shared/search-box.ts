// A search input with suggestions as you type: debounced, keyboard-driven, reused by search and path finder.
// Its open/active state is widget-local UI state; what a pick means is up to the owner (onPick).
import type { GraphNode } from '../../../contract';
import { isAbortError } from '../api/api-error';
import { debounce } from './debounce';
import { el, setAttr } from './dom';
import { kindChip } from './kind-chip';

/** Quiet time after the last keystroke before searching: fast typists send one request per word. */
const DEBOUNCE_MS = 150;

/** A search result. */
export type SearchHit = GraphNode & { score: number };

/** How a search box is configured. */
export interface SearchBoxOptions {
  /** `data-testid` of the input. */
  testId: string;
  placeholder: string;
  /** Accessible name of the input. */
  label: string;
  search(q: string, signal: AbortSignal): Promise<readonly SearchHit[]>;
  onPick(hit: SearchHit): void;
  onError(err: unknown): void;
  /** Called on every edit, before searching. */
  onEdit?(text: string): void;
  /** Enter with nothing to pick (no list open, no search pending): e.g. run the form the box is in. */
  onSubmit?(): void;
  /** Empty the input after a pick (the main search) instead of showing the picked name (pickers). */
  clearOnPick?: boolean;
}

/** A mounted search box. */
export interface SearchBox {
  element: HTMLElement;
  input: HTMLInputElement;
  /** Replaces the text without searching. */
  setText(text: string): void;
  focus(): void;
}

let instances = 0;

/** Creates a search box; append `element` where it belongs. */
export function createSearchBox(opts: SearchBoxOptions): SearchBox {
  const uid = `search-box-${++instances}`;
  const input = el('input', {
    className: 'search-input',
    testId: opts.testId,
    attrs: {
      type: 'search',
      placeholder: opts.placeholder,
      autocomplete: 'off',
      spellcheck: 'false',
      role: 'combobox',
      'aria-label': opts.label,
      'aria-autocomplete': 'list',
      'aria-expanded': 'false',
      'aria-controls': `${uid}-list`,
    },
  });
  const list = el('ul', { className: 'suggestions', attrs: { id: `${uid}-list`, role: 'listbox' } });
  list.hidden = true;
  const element = el('div', { className: 'search-box' }, [input, list]);

  let hits: readonly SearchHit[] = [];
  let active = -1;
  let controller: AbortController | null = null;
  let requestSeq = 0;
  let searching = false;
  /** Enter pressed before results arrived: pick the first one when they do. */
  let pickOnArrival = false;

  const close = (): void => {
    list.hidden = true;
    list.replaceChildren();
    setAttr(input, 'aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
  };

  const highlight = (index: number): void => {
    active = index;
    list.querySelectorAll('[role="option"]').forEach((li, i) => li.classList.toggle('active', i === index));
    if (index >= 0) {
      setAttr(input, 'aria-activedescendant', `${uid}-opt-${index}`);
      list.children[index]?.scrollIntoView({ block: 'nearest' });
    } else {
      input.removeAttribute('aria-activedescendant');
    }
  };

  const pick = (index: number): void => {
    const hit = hits[index];
    if (!hit) return;
    close();
    input.value = opts.clearOnPick ? '' : hit.name;
    opts.onPick(hit);
  };

  const open = (): void => {
    list.replaceChildren(
      ...(hits.length
        ? hits.map((hit, i) => {
            const li = el(
              'li',
              {
                className: 'suggestion',
                testId: 'search-suggestion',
                attrs: { id: `${uid}-opt-${i}`, role: 'option', 'aria-selected': 'false' },
              },
              [
                kindChip(hit.labels),
                el('span', { className: 'suggestion-name', text: hit.name, attrs: { title: hit.name } }),
                el('span', { className: 'suggestion-id', text: hit.id }),
              ],
            );
            li.addEventListener('mousemove', () => {
              if (active !== i) highlight(i);
            });
            li.addEventListener('click', () => pick(i));
            return li;
          })
        : [el('li', { className: 'suggestion-empty', text: 'No matches' })]),
    );
    list.hidden = false;
    setAttr(input, 'aria-expanded', 'true');
    highlight(hits.length ? 0 : -1);
  };

  const runSearch = (q: string): void => {
    controller?.abort();
    controller = new AbortController();
    const seq = ++requestSeq;
    searching = true;
    opts.search(q, controller.signal).then(
      (result) => {
        if (seq !== requestSeq) return;
        searching = false;
        hits = result;
        if (pickOnArrival) {
          pickOnArrival = false;
          if (hits.length) {
            pick(0);
            return;
          }
        }
        if (document.activeElement === input) open();
      },
      (err: unknown) => {
        if (seq !== requestSeq) return;
        searching = false;
        pickOnArrival = false;
        if (!isAbortError(err)) opts.onError(err);
      },
    );
  };
  const search = debounce(runSearch, DEBOUNCE_MS);

  input.addEventListener('input', () => {
    const q = input.value.trim();
    opts.onEdit?.(input.value);
    pickOnArrival = false;
    if (!q) {
      search.cancel();
      controller?.abort();
      requestSeq++;
      hits = [];
      close();
      return;
    }
    search(q);
  });

  input.addEventListener('keydown', (e) => {
    const isOpen = !list.hidden && hits.length > 0;
    switch (e.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        e.preventDefault();
        if (!hits.length) return;
        if (list.hidden) {
          open();
          return;
        }
        const step = e.key === 'ArrowDown' ? 1 : -1;
        highlight((active + step + hits.length) % hits.length);
        return;
      }
      case 'Enter':
        e.preventDefault();
        if (search.pending || searching) {
          pickOnArrival = true;
          search.flush();
        } else if (isOpen) {
          pick(Math.max(active, 0));
        } else {
          opts.onSubmit?.();
        }
        return;
      case 'Escape':
        // Handled here so the global Escape (clear selection) does not also fire.
        e.stopPropagation();
        if (!list.hidden) close();
        else if (input.value) {
          input.value = '';
          opts.onEdit?.('');
        } else input.blur();
        return;
      default:
    }
  });

  // Keep focus in the input while clicking a suggestion, so the click lands before blur closes the list.
  list.addEventListener('mousedown', (e) => e.preventDefault());
  input.addEventListener('blur', close);
  input.addEventListener('focus', () => {
    if (input.value.trim() && hits.length) open();
  });

  return {
    element,
    input,
    setText: (text) => {
      input.value = text;
    },
    focus: () => input.focus(),
  };
}
