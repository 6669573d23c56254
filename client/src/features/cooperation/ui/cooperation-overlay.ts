// The cooperation view's frame over the canvas: header (threat, graph/matrix, back), its options (level, minimum
// weight), the pair graph's container and the matrix.
import type { CooperationActions } from '../state';
import type { CooperationOperations } from '../operations';
import { createCooperationOptions } from './cooperation-options';
import type { CooperationDisplay, State } from '../../../state/state';
import type { ReadableStore } from '../../../state/store';
import { createAdjacencyMatrix } from './adjacency-matrix';
import { button, el, setAttr } from '../../../shared/dom';

/** What the overlay's buttons ask for. */
export interface CooperationOverlayDeps {
  store: ReadableStore<State>;
  coop: Pick<CooperationActions, 'setCooperationDisplay'>;
  /** Back to the explorer scene. */
  leave(): void;
  addAllToExplorer(): void;
  /** Drill down into a pair (the matrix's click or Enter): selects its edge. */
  pickPair(edgeId: string): void;
  /** Asks again at another level or minimum weight. */
  refine: CooperationOperations['refineCooperation'];
  onError(err: unknown): void;
}

/** The mounted overlay; `graphContainer` is where the pair graph's view draws. */
export interface CooperationOverlay {
  element: HTMLElement;
  graphContainer: HTMLElement;
}

/**
 * Creates the overlay. While closed it stays laid out but invisible (`visibility: hidden`, never
 * `display: none`), so the graph view inside it always knows its size.
 */
export function createCooperationOverlay(deps: CooperationOverlayDeps): CooperationOverlay {
  const { store } = deps;
  const title = el('h2', { className: 'coop-title', testId: 'coop-title' });
  const summary = el('span', { className: 'coop-summary muted' });
  const toggle = (display: CooperationDisplay, text: string): HTMLButtonElement =>
    button(text, () => deps.coop.setCooperationDisplay(display), {
      className: 'coop-toggle',
      testId: `coop-show-${display}`,
      attrs: { 'aria-pressed': 'false' },
    });
  const graphButton = toggle('graph', 'Graph');
  const matrixButton = toggle('matrix', 'Matrix');
  const graphContainer = el('div', {
    className: 'coop-graph',
    testId: 'coop-graph',
    attrs: { role: 'region', 'aria-label': 'Actors who cooperate on the threat' },
  });
  const matrix = createAdjacencyMatrix(deps.pickPair);
  const options = createCooperationOptions({ refine: deps.refine, onError: deps.onError });
  const element = el(
    'section',
    {
      className: 'coop-overlay closed',
      testId: 'coop-overlay',
      attrs: { 'aria-label': 'Cooperation view', 'aria-hidden': 'true' },
    },
    [
      el('header', { className: 'coop-header' }, [
        el('div', { className: 'coop-heading' }, [title, summary]),
        // One group, so that on a narrow canvas the buttons move below the heading together instead of
        // squeezing it to a column of short lines.
        el('div', { className: 'coop-actions' }, [
          el('div', { className: 'coop-controls', attrs: { role: 'group', 'aria-label': 'Show as' } }, [
            graphButton,
            matrixButton,
          ]),
          button('Add all to explorer', deps.addAllToExplorer, {
            testId: 'coop-add-all',
            title: 'Add every actor, forum, agreement and relationship of this view to the explorer scene',
          }),
          button('Back to explorer', deps.leave, {
            className: 'primary',
            testId: 'coop-back',
            title: 'Close the cooperation view and show the explorer scene as it was',
          }),
        ]),
      ]),
      options.element,
      el('div', { className: 'coop-body' }, [graphContainer, matrix.element]),
    ],
  );

  let prev: State | null = null;
  const render = (s: State): void => {
    const view = s.cooperation;
    if (!prev || view !== prev.cooperation || s.cooperationDisplay !== prev.cooperationDisplay) {
      element.classList.toggle('closed', !view);
      setAttr(element, 'aria-hidden', String(!view));
      // Closed, the overlay must not take focus: inert removes its buttons and cells from the tab order.
      element.inert = !view;
      if (view) {
        const subs = view.response.threats.length - 1;
        title.textContent = `Cooperation on ${view.response.threat.name}`;
        const n = view.response.pairs.length;
        summary.textContent = `${n} pair${n === 1 ? '' : 's'}${subs ? ` · includes ${subs} sub-threat${subs === 1 ? '' : 's'}` : ''} · width = forums and agreements shared`;
        options.render(view);
        setAttr(graphButton, 'aria-pressed', String(s.cooperationDisplay === 'graph'));
        setAttr(matrixButton, 'aria-pressed', String(s.cooperationDisplay === 'matrix'));
        element.classList.toggle('show-matrix', s.cooperationDisplay === 'matrix');
      }
      if (!prev || view?.response !== prev.cooperation?.response) matrix.render(view?.response ?? null);
    }
    if (!prev || s.selection !== prev.selection || view?.response !== prev.cooperation?.response) {
      matrix.setSelected(s.selection.kind === 'edge' ? s.selection.id : null);
    }
    prev = s;
  };
  store.subscribe(render);
  render(store.get());
  return { element, graphContainer };
}
