// The empty-canvas hint: tells the user how to start when there is nothing to look at.
import type { State } from '../../../state/state';
import type { ReadableStore } from '../../../state/store';
import { el } from '../../../shared/dom';

function hintText(s: State): string | null {
  if (s.nodes.size > 0) return null;
  if (s.auth.authRequired && !s.auth.user) return 'This explorer needs a login: use “Log in” in the toolbar.';
  switch (s.startView) {
    case 'loading':
      return 'Loading the start view…';
    case 'missing':
      return 'The start view is not in the database. Search for a country, person, forum or agreement to begin.';
    case 'failed':
      return 'The start view could not be loaded. Search for a node to begin, or reload the page.';
    case 'loaded':
      return 'The canvas is empty. Search for a node to add it.';
  }
}

/** An overlay for the canvas area; hidden while the canvas has nodes. */
export function createCanvasHint(store: ReadableStore<State>): HTMLElement {
  const text = el('p', { className: 'canvas-hint-text' });
  const hint = el('div', { className: 'canvas-hint', testId: 'canvas-hint' }, [text]);
  const render = (s: State): void => {
    const t = hintText(s);
    hint.hidden = t === null;
    text.textContent = t ?? '';
  };
  store.subscribe(render);
  render(store.get());
  return hint;
}
