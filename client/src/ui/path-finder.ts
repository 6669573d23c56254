// The path finder: pick two nodes, find the shortest path(s) between them, highlight them on the canvas.
import type { PathMode } from '../api/api-client';
import type { Actions } from '../state/actions';
import type { NodeRef, PathEnds, State } from '../state/state';
import type { ReadableStore } from '../state/store';
import { button, el, section } from './dom';
import { createSearchBox, type SearchBox, type SearchHit } from './search-box';

/** Hop limits the server accepts (1..6); 4 reaches most of the seed graph without noise. */
const HOP_CHOICES = [1, 2, 3, 4, 5, 6] as const;
const DEFAULT_HOPS = 4;

/** What the path finder needs from the app. */
export interface PathFinderDeps {
  store: ReadableStore<State>;
  actions: Actions;
  search(q: string, signal: AbortSignal): Promise<readonly SearchHit[]>;
  /** Resolves typed text that was not picked from the suggestions. */
  resolveNode(text: string): Promise<NodeRef | null>;
  findPaths(from: NodeRef, to: NodeRef, maxHops: number, mode: PathMode): Promise<void>;
  onError(err: unknown): void;
}

function isPathMode(value: string): value is PathMode {
  return value === 'shortest' || value === 'all-shortest';
}

/** The path finder section. */
export function createPathFinder(deps: PathFinderDeps): HTMLElement {
  const { store, actions } = deps;
  const endBox = (end: keyof PathEnds, testId: string, label: string): SearchBox => createSearchBox({
    testId, label, placeholder: label,
    search: deps.search,
    onError: deps.onError,
    onPick: (hit) => actions.setPathEnd(end, { id: hit.id, name: hit.name }),
    onEdit: (text) => {
      const chosen = store.get().pathEnds[end];
      if (chosen && chosen.name !== text) actions.setPathEnd(end, null);
    },
  });
  const fromBox = endBox('from', 'path-from', 'From');
  const toBox = endBox('to', 'path-to', 'To');

  const hops = el('select', { className: 'hops', attrs: { 'aria-label': 'Maximum hops' } },
    HOP_CHOICES.map((n) => el('option', { text: String(n), attrs: { value: String(n) } })));
  hops.value = String(DEFAULT_HOPS);
  const mode = el('select', { className: 'mode', attrs: { 'aria-label': 'Path mode' } }, [
    el('option', { text: 'Shortest', attrs: { value: 'shortest' } }),
    el('option', { text: 'All shortest', attrs: { value: 'all-shortest' } }),
  ]);
  const message = el('p', { className: 'form-message', attrs: { role: 'alert' } });

  const resolveEnd = async (end: keyof PathEnds, box: SearchBox): Promise<NodeRef | null> => {
    const chosen = store.get().pathEnds[end];
    if (chosen && chosen.name === box.input.value) return chosen;
    const ref = await deps.resolveNode(box.input.value);
    if (ref) actions.setPathEnd(end, ref);
    return ref;
  };

  const run = async (): Promise<void> => {
    message.textContent = '';
    runButton.disabled = true;
    try {
      const from = await resolveEnd('from', fromBox);
      const to = await resolveEnd('to', toBox);
      if (!from || !to) {
        message.textContent = `Choose ${!from ? 'a From' : 'a To'} node from the suggestions.`;
        return;
      }
      await deps.findPaths(from, to, Number(hops.value), isPathMode(mode.value) ? mode.value : 'shortest');
    } catch (err) {
      deps.onError(err);
    } finally {
      runButton.disabled = false;
    }
  };

  const runButton = button('Find path', () => { void run(); }, { className: 'primary', testId: 'path-run' });
  const swap = button('⇅', () => {
    const { from, to } = store.get().pathEnds;
    const fromText = fromBox.input.value;
    fromBox.setText(toBox.input.value);
    toBox.setText(fromText);
    actions.setPathEnd('from', to);
    actions.setPathEnd('to', from);
  }, { className: 'icon-button swap', title: 'Swap From and To', attrs: { 'aria-label': 'Swap From and To' } });
  const clear = button('Clear', () => actions.clearPaths(), { title: 'Remove the path highlight' });

  // Endpoints can also be set elsewhere (the details panel's "Path from/to here").
  let shown: PathEnds = store.get().pathEnds;
  store.subscribe((s) => {
    if (s.pathEnds === shown) return;
    if (s.pathEnds.from && s.pathEnds.from !== shown.from) fromBox.setText(s.pathEnds.from.name);
    if (s.pathEnds.to && s.pathEnds.to !== shown.to) toBox.setText(s.pathEnds.to.name);
    shown = s.pathEnds;
  });
  const syncClear = (s: State): void => { clear.disabled = s.path === null; };
  store.subscribe(syncClear);
  syncClear(store.get());

  return section('Path finder', [
    el('div', { className: 'path-ends' }, [
      // Not <label>: a label would forward clicks on the suggestion list to the input.
      el('div', { className: 'field' }, [el('span', { className: 'field-name', text: 'From' }), fromBox.element]),
      swap,
      el('div', { className: 'field' }, [el('span', { className: 'field-name', text: 'To' }), toBox.element]),
    ]),
    el('div', { className: 'path-options' }, [
      el('label', { className: 'field inline' }, [el('span', { className: 'field-name', text: 'Max hops' }), hops]),
      el('label', { className: 'field inline' }, [el('span', { className: 'field-name', text: 'Mode' }), mode]),
    ]),
    el('div', { className: 'button-row' }, [runButton, clear]),
    message,
  ], 'path-finder');
}
