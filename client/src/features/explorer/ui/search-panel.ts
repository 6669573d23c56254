// The sidebar search: find a node by name or alias and put it on the canvas.
import type { SearchHit } from '../../../shared/search-box';
import { createSearchBox } from '../../../shared/search-box';
import { el, section } from '../../../shared/dom';

/** What the search panel needs from the app. */
export interface SearchPanelDeps {
  search(q: string, signal: AbortSignal): Promise<readonly SearchHit[]>;
  /** Adds the picked node to the canvas, selects and centres it. */
  onPick(hit: SearchHit): void;
  onError(err: unknown): void;
}

/** The search section; returns the element and the box (for a focus shortcut). */
export function createSearchPanel(deps: SearchPanelDeps): { element: HTMLElement; focus(): void } {
  const box = createSearchBox({
    testId: 'search-input',
    placeholder: 'Country, person, forum, agreement…',
    label: 'Search the graph',
    search: deps.search,
    onPick: deps.onPick,
    onError: deps.onError,
    clearOnPick: true,
  });
  const help = el('p', {
    className: 'panel-help',
    text: 'Matches names and aliases, tolerant of typos. Double-click a node to expand it.',
  });
  return { element: section('Search', [box.element, help], 'search-panel'), focus: box.focus };
}
