// The explorer's toolbar groups: camera controls (fit, zoom), layout choice and re-run, clear canvas.
import type { Actions } from '../../../state/actions';
import type { LayoutName, State } from '../../../state/state';
import type { ReadableStore } from '../../../state/store';
import { button, el } from '../../../shared/dom';

/** Zoom step per click: a quarter closer or further. */
export const ZOOM_STEP = 1.25;

const LAYOUTS: readonly { name: LayoutName; label: string }[] = [
  { name: 'fcose', label: 'Force-directed (fCoSE)' },
  { name: 'concentric', label: 'Concentric by degree' },
  { name: 'breadthfirst', label: 'Breadth-first' },
  { name: 'circle', label: 'Circle' },
  { name: 'grid', label: 'Grid' },
];

function isLayoutName(value: string): value is LayoutName {
  return LAYOUTS.some((l) => l.name === value);
}

/** The explorer's control groups; every control is an action, none touches the canvas. */
export interface ViewControls {
  /** Fit, zoom in, zoom out: always on the toolbar. */
  camera: HTMLElement;
  /** The layout choice and "Re-run layout". */
  layout: HTMLElement;
  /** "Clear canvas". */
  clear: HTMLElement;
}

/** Builds the groups; the page decides where each goes (toolbar or its "More" menu). */
export function createViewControls(
  store: ReadableStore<State>,
  actions: Pick<Actions, 'setLayout' | 'requestView' | 'clearCanvas'>,
): ViewControls {
  const layout = el(
    'select',
    { className: 'layout-select', attrs: { 'aria-label': 'Layout', title: 'Layout' } },
    LAYOUTS.map((l) => el('option', { text: l.label, attrs: { value: l.name } })),
  );
  layout.value = store.get().layout;
  // The layout can also change elsewhere (opening a workspace restores its layout).
  store.subscribe((s, prev) => {
    if (s.layout !== prev.layout) layout.value = s.layout;
  });
  layout.addEventListener('change', () => {
    if (!isLayoutName(layout.value)) return;
    actions.setLayout(layout.value);
    actions.requestView({ kind: 'layout', name: layout.value });
  });

  const group = (...children: HTMLElement[]): HTMLElement =>
    el('div', { className: 'toolbar-group' }, children);
  return {
    camera: group(
      button('Fit', () => actions.requestView({ kind: 'fit' }), { title: 'Fit the graph to the view (F)' }),
      button('+', () => actions.requestView({ kind: 'zoom', factor: ZOOM_STEP }), {
        className: 'icon-button',
        title: 'Zoom in (+)',
        attrs: { 'aria-label': 'Zoom in' },
      }),
      button('−', () => actions.requestView({ kind: 'zoom', factor: 1 / ZOOM_STEP }), {
        className: 'icon-button',
        title: 'Zoom out (−)',
        attrs: { 'aria-label': 'Zoom out' },
      }),
    ),
    layout: group(
      layout,
      button('Re-run layout', () => actions.requestView({ kind: 'layout', name: store.get().layout }), {
        title: 'Lay the whole graph out again; pinned nodes stay (L)',
      }),
    ),
    clear: group(
      button('Clear canvas', () => actions.clearCanvas(), {
        title: 'Remove everything from the canvas (undoable)',
      }),
    ),
  };
}
