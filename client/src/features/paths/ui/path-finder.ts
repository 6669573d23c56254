// The path finder: pick two nodes and the options (mode, k, hops, threat, shared topics, relationship types), then find paths.
import type { SchemaResponse } from '../../../../../contract';
import type { PathMode } from '../../../api/api-client';
import type { PathSearch } from '../operations';
import type { Actions } from '../../../state/actions';
import type { NodeRef, PathEnds, State } from '../../../state/state';
import type { ReadableStore } from '../../../state/store';
import { button, el, section } from '../../../shared/dom';
import { createRelTypeFilter } from './rel-type-filter';
import { createSearchBox, type SearchBox, type SearchHit } from '../../../shared/search-box';
import { createThreatPicker } from '../../../shared/threat-picker';

/** Hop limits the server accepts (1..6); 4 reaches most of the seed graph without noise. */
const HOP_CHOICES = [1, 2, 3, 4, 5, 6] as const;
const DEFAULT_HOPS = 4;
/** k for "up to k paths": the server accepts 1..10 and defaults to 3. */
const K_RANGE = { min: 1, max: 10, default: 3 } as const;

const MODES: readonly { value: PathMode; label: string }[] = [
  { value: 'shortest', label: 'Shortest' },
  { value: 'all-shortest', label: 'All shortest' },
  { value: 'k-paths', label: 'Up to k paths' },
];

/** What the path finder needs from the app. */
export interface PathFinderDeps {
  store: ReadableStore<State>;
  actions: Actions;
  search(q: string, signal: AbortSignal): Promise<readonly SearchHit[]>;
  searchThreats(q: string, signal: AbortSignal): Promise<readonly SearchHit[]>;
  /** Loads the schema, for the relationship-type filter's choices. */
  loadSchema(): Promise<SchemaResponse>;
  /** Resolves typed text that was not picked from the suggestions. */
  resolveNode(text: string): Promise<NodeRef | null>;
  findPaths(search: PathSearch): Promise<void>;
  onError(err: unknown): void;
}

function isPathMode(value: string): value is PathMode {
  return MODES.some((m) => m.value === value);
}

/** k from the input, clamped to what the server accepts. */
function readK(input: HTMLInputElement): number {
  const n = Math.round(Number(input.value));
  return Number.isFinite(n) ? Math.min(K_RANGE.max, Math.max(K_RANGE.min, n)) : K_RANGE.default;
}

/** The path finder section: a form, so Enter anywhere in it runs the search. */
export function createPathFinder(deps: PathFinderDeps): HTMLElement {
  const { store, actions } = deps;
  const submit = (): void => {
    void run();
  };
  const endBox = (end: keyof PathEnds, testId: string, label: string): SearchBox =>
    createSearchBox({
      testId,
      label,
      placeholder: label,
      search: deps.search,
      onError: deps.onError,
      onSubmit: submit,
      onPick: (hit) => actions.setPathEnd(end, { id: hit.id, name: hit.name }),
      onEdit: (text) => {
        const chosen = store.get().pathEnds[end];
        if (chosen && chosen.name !== text) actions.setPathEnd(end, null);
      },
    });
  const fromBox = endBox('from', 'path-from', 'From');
  const toBox = endBox('to', 'path-to', 'To');

  const hops = el(
    'select',
    { className: 'hops', testId: 'path-hops', attrs: { 'aria-label': 'Maximum hops' } },
    HOP_CHOICES.map((n) => el('option', { text: String(n), attrs: { value: String(n) } })),
  );
  hops.value = String(DEFAULT_HOPS);
  const mode = el(
    'select',
    { className: 'mode', testId: 'path-mode', attrs: { 'aria-label': 'Path mode' } },
    MODES.map((m) => el('option', { text: m.label, attrs: { value: m.value } })),
  );
  const k = el('input', {
    className: 'k-input',
    testId: 'path-k',
    attrs: {
      type: 'number',
      min: String(K_RANGE.min),
      max: String(K_RANGE.max),
      step: '1',
      value: String(K_RANGE.default),
      'aria-label': 'Number of paths (k)',
    },
  });
  const kField = el('label', { className: 'field inline' }, [
    el('span', { className: 'field-name', text: 'k' }),
    k,
  ]);
  const syncMode = (): void => {
    kField.hidden = mode.value !== 'k-paths';
  };
  mode.addEventListener('change', syncMode);
  syncMode();

  const threat = createThreatPicker({
    testId: 'path-threat',
    label: 'Threat filter',
    placeholder: 'Any threat',
    searchThreats: deps.searchThreats,
    onError: deps.onError,
    onSubmit: submit,
    clearable: true,
  });
  // Off by default: a hop that only shares a topic says the two ends care about one thing, not that they cooperate.
  const throughTopics = el('input', {
    testId: 'path-through-topics',
    attrs: { type: 'checkbox', name: 'throughTopics' },
  });
  const topicsField = el(
    'label',
    {
      className: 'path-topics',
      attrs: {
        title:
          'Off: a path goes through actors, forums, agreements and events only. On: it may also pass through a threat type or technology both sides share.',
      },
    },
    [throughTopics, el('span', { text: 'Through shared topics' })],
  );
  const relTypes = createRelTypeFilter({
    testId: 'path-reltypes',
    loadSchema: deps.loadSchema,
    onError: deps.onError,
  });
  const message = el('p', { className: 'form-message', attrs: { role: 'alert' } });

  const resolveEnd = async (end: keyof PathEnds, box: SearchBox): Promise<NodeRef | null> => {
    const chosen = store.get().pathEnds[end];
    if (chosen && chosen.name === box.input.value) return chosen;
    const ref = await deps.resolveNode(box.input.value);
    if (ref) actions.setPathEnd(end, ref);
    return ref;
  };

  let running = false;
  const run = async (): Promise<void> => {
    if (running) return;
    running = true;
    message.textContent = '';
    runButton.disabled = true;
    try {
      const from = await resolveEnd('from', fromBox);
      const to = await resolveEnd('to', toBox);
      if (!from || !to) {
        message.textContent = `Choose ${!from ? 'a From' : 'a To'} node from the suggestions.`;
        return;
      }
      const threatValue = threat.value();
      await deps.findPaths({
        from,
        to,
        maxHops: Number(hops.value),
        mode: isPathMode(mode.value) ? mode.value : 'shortest',
        k: readK(k),
        ...(threatValue ? { threat: threatValue } : {}),
        relTypes: relTypes.selected(),
        throughTopics: throughTopics.checked,
      });
    } catch (err) {
      deps.onError(err);
    } finally {
      running = false;
      runButton.disabled = false;
    }
  };

  const runButton = el('button', {
    className: 'primary',
    testId: 'path-run',
    text: 'Find paths',
    attrs: { type: 'submit', title: 'Find paths (Enter)' },
  });
  const swap = button(
    '⇅',
    () => {
      const { from, to } = store.get().pathEnds;
      const fromText = fromBox.input.value;
      fromBox.setText(toBox.input.value);
      toBox.setText(fromText);
      actions.setPathEnd('from', to);
      actions.setPathEnd('to', from);
    },
    { className: 'icon-button swap', title: 'Swap From and To', attrs: { 'aria-label': 'Swap From and To' } },
  );
  const clear = button('Clear', () => actions.clearPaths(), { title: 'Remove the path highlight' });

  // Endpoints can also be set elsewhere (the details panel's "Path from/to here").
  let shown: PathEnds = store.get().pathEnds;
  store.subscribe((s) => {
    if (s.pathEnds === shown) return;
    if (s.pathEnds.from && s.pathEnds.from !== shown.from) fromBox.setText(s.pathEnds.from.name);
    if (s.pathEnds.to && s.pathEnds.to !== shown.to) toBox.setText(s.pathEnds.to.name);
    shown = s.pathEnds;
  });
  const syncClear = (s: State): void => {
    clear.disabled = s.path === null;
  };
  store.subscribe(syncClear);
  syncClear(store.get());

  const form = el('form', { className: 'path-form', attrs: { 'aria-label': 'Find paths', novalidate: '' } }, [
    el('div', { className: 'path-ends' }, [
      // Not <label>: a label would forward clicks on the suggestion list to the input.
      el('div', { className: 'field' }, [
        el('span', { className: 'field-name', text: 'From' }),
        fromBox.element,
      ]),
      swap,
      el('div', { className: 'field' }, [el('span', { className: 'field-name', text: 'To' }), toBox.element]),
    ]),
    el('div', { className: 'path-options' }, [
      el('label', { className: 'field inline' }, [
        el('span', { className: 'field-name', text: 'Mode' }),
        mode,
      ]),
      kField,
      el('label', { className: 'field inline' }, [
        el('span', { className: 'field-name', text: 'Max hops' }),
        hops,
      ]),
    ]),
    el('div', { className: 'field' }, [
      el('span', { className: 'field-name', text: 'Threat' }),
      threat.element,
    ]),
    topicsField,
    relTypes.element,
    el('div', { className: 'button-row' }, [runButton, clear]),
    message,
  ]);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    submit();
  });
  return section('Path finder', [form], 'path-finder');
}
