// The toolbar's drawing-detail choice, its "fast drawing" badge, and the notice when a large scene switches it.
import {
  FAST_DRAWING_CODE,
  FAST_MODE_SUMMARY,
  FAST_MODE_THRESHOLD,
  fastModeOn,
  type DrawMode,
} from '../../../graph/level-of-detail';
import type { Actions } from '../../../state/actions';
import type { State } from '../../../state/state';
import type { ReadableStore } from '../../../state/store';
import { el } from '../../../shared/dom';

const MODES: readonly { mode: DrawMode; label: string }[] = [
  { mode: 'auto', label: `Detail: auto (fast from ${FAST_MODE_THRESHOLD.toLocaleString('en')} elements)` },
  { mode: 'fast', label: 'Detail: fast' },
  { mode: 'full', label: 'Detail: full' },
];

const isMode = (v: string): v is DrawMode => MODES.some((m) => m.mode === v);
const elementsOf = (s: State): number => s.nodes.size + s.edges.size;

/** The choice and the badge, placed apart by the page. */
export interface DrawModeToggle {
  /** The labelled "Drawing detail" select. */
  choice: HTMLElement;
  /** "Fast drawing", shown while fast mode is on. */
  badge: HTMLElement;
}

/** Builds both; notices go through `actions.notify`, deferred so they never nest in a store update. */
export function createDrawModeToggle(
  store: ReadableStore<State>,
  actions: Pick<Actions, 'notify' | 'setDrawMode'>,
): DrawModeToggle {
  const select = el(
    'select',
    {
      className: 'draw-mode-select',
      testId: 'draw-mode',
      attrs: {
        'aria-label': 'Drawing detail',
        title:
          'Drawing detail: fast mode hides edges while the view moves, draws plain edges and shows labels only when zoomed in',
      },
    },
    MODES.map((m) => el('option', { text: m.label, attrs: { value: m.mode } })),
  );
  const badge = el('span', {
    className: 'fast-badge',
    testId: 'fast-indicator',
    text: 'Fast drawing',
    attrs: { title: FAST_MODE_SUMMARY },
  });
  select.addEventListener('change', () => {
    if (isMode(select.value)) actions.setDrawMode(select.value);
  });

  let fast = false;
  const render = (s: State): void => {
    select.value = s.drawMode;
    const now = fastModeOn(s.drawMode, elementsOf(s));
    badge.hidden = !now;
    if (now === fast) return;
    fast = now;
    // Only the automatic switch needs telling: a choice in the menu is its own feedback.
    if (s.drawMode !== 'auto') return;
    const n = elementsOf(s).toLocaleString('en');
    const text = now
      ? `Large scene (${n} elements): fast drawing is on: ${FAST_MODE_SUMMARY}. Choose "Detail: full" in the toolbar's More menu to draw everything.`
      : `The scene is down to ${n} elements: full detail is back.`;
    queueMicrotask(() => actions.notify('info', text, FAST_DRAWING_CODE));
  };
  store.subscribe((s, prev) => {
    if (s.drawMode !== prev.drawMode || s.nodes !== prev.nodes || s.edges !== prev.edges) render(s);
  });
  render(store.get());
  return {
    choice: el('div', { className: 'toolbar-group' }, [select]),
    badge: el('div', { className: 'toolbar-group fast-badge-group' }, [badge]),
  };
}
