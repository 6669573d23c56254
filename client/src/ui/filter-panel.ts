// The filter panel: label, relationship type, threat, disputed and confidence filters, and what they hide.
import { claimFlags } from '../model/claim-flags';
import { CONFIDENCE_LEVELS, kindOf } from '../../../model';
import { defaultFilters, filtersActive, type DisputedMode, type Filters } from '../filters/filters';
import { sceneVisibility } from '../filters/scene-visibility';
import type { Actions } from '../state/actions';
import type { State } from '../state/state';
import type { ReadableStore } from '../state/store';
import { createCheckboxList, type CheckboxItem } from './checkbox-list';
import { button, el, section } from './dom';

/** What the panel needs from the app. */
export interface FilterPanelDeps {
  store: ReadableStore<State>;
  actions: Actions;
  /** The ids a threat filter stands for: the threat and its sub-threats. */
  threatScope(threatId: string): Promise<string[]>;
  onError(err: unknown): void;
}

const DISPUTED_CHOICES: readonly { value: DisputedMode; label: string }[] = [
  { value: 'show', label: 'Show disputed claims' },
  { value: 'hide', label: 'Hide disputed claims' },
  { value: 'only', label: 'Only disputed claims' },
];

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function counted(values: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return counts;
}

/** Rows for what the scene has, plus what a filter hides that the scene no longer has (so it can be unticked). */
function rows(counts: Map<string, number>, hidden: readonly string[]): CheckboxItem[] {
  const keys = [...new Set([...counts.keys(), ...hidden])].sort();
  return keys.map((key) => ({
    key,
    label: key,
    count: counts.get(key) ?? 0,
    checked: !hidden.includes(key),
  }));
}

const toggled = (list: readonly string[], key: string, hide: boolean): string[] =>
  hide ? [...new Set([...list, key])] : list.filter((k) => k !== key);

/** The filter section: every control is one `setFilters` call. */
export function createFilterPanel({ store, actions, threatScope, onError }: FilterPanelDeps): HTMLElement {
  const set = (change: Partial<Filters>): void => actions.setFilters({ ...store.get().filters, ...change });

  const labels = createCheckboxList({
    testIdPrefix: 'filter-label-',
    ariaLabel: 'Node labels shown',
    onToggle: (key, checked) =>
      set({ hiddenLabels: toggled(store.get().filters.hiddenLabels, key, !checked) }),
  });
  const types = createCheckboxList({
    testIdPrefix: 'filter-type-',
    ariaLabel: 'Relationship types shown',
    onToggle: (key, checked) =>
      set({ hiddenRelTypes: toggled(store.get().filters.hiddenRelTypes, key, !checked) }),
  });
  const confidence = createCheckboxList({
    testIdPrefix: 'filter-confidence-',
    ariaLabel: 'Confidence levels shown',
    onToggle: (key, checked) => {
      const shown = store.get().filters.confidence;
      set({ confidence: CONFIDENCE_LEVELS.filter((c) => (c === key ? checked : shown.includes(c))) });
    },
  });

  const threat = el('select', { testId: 'filter-threat', attrs: { 'aria-label': 'Threat' } });
  threat.addEventListener('change', () => {
    const id = threat.value;
    if (!id) {
      set({ threat: null });
      return;
    }
    const name = store.get().nodes.get(id)?.name ?? id;
    threat.disabled = true;
    actions.beginWork();
    threatScope(id)
      .then(
        (ids) => set({ threat: { id, name, ids } }),
        (err: unknown) => {
          onError(err);
          threat.value = store.get().filters.threat?.id ?? '';
        },
      )
      .finally(() => {
        threat.disabled = false;
        actions.endWork();
      });
  });

  const disputed = el(
    'select',
    { testId: 'filter-disputed', attrs: { 'aria-label': 'Disputed claims' } },
    DISPUTED_CHOICES.map((c) => el('option', { text: c.label, attrs: { value: c.value } })),
  );
  disputed.addEventListener('change', () => {
    const mode = DISPUTED_CHOICES.find((c) => c.value === disputed.value)?.value;
    if (mode) set({ disputed: mode });
  });

  const summary = el('p', {
    className: 'filter-summary',
    testId: 'filter-summary',
    attrs: { role: 'status' },
  });
  const clear = button('Clear filters', () => actions.setFilters(defaultFilters()), {
    testId: 'clear-filters',
    title: 'Show everything on the scene again',
  });

  let prev: State | null = null;
  const render = (s: State): void => {
    if (prev && s.nodes === prev.nodes && s.edges === prev.edges && s.filters === prev.filters) return;
    prev = s;
    const f = s.filters;
    const nodes = [...s.nodes.values()];
    const edges = [...s.edges.values()];
    labels.update(rows(counted(nodes.flatMap((n) => n.labels)), f.hiddenLabels));
    types.update(rows(counted(edges.map((e) => e.type)), f.hiddenRelTypes));
    const levels = counted([...nodes, ...edges].flatMap((x) => claimFlags(x.properties).confidence ?? []));
    confidence.update(
      CONFIDENCE_LEVELS.map((c) => ({
        key: c,
        label: c,
        count: levels.get(c) ?? 0,
        checked: f.confidence.includes(c),
      })),
    );

    const threats = nodes
      .filter((n) => kindOf(n.labels) === 'ThreatType')
      .map((n) => ({ id: n.id, name: n.name }));
    if (f.threat && !threats.some((t) => t.id === f.threat?.id))
      threats.push({ id: f.threat.id, name: f.threat.name });
    threats.sort((a, b) => a.name.localeCompare(b.name));
    threat.replaceChildren(
      el('option', { text: 'Any threat', attrs: { value: '' } }),
      ...threats.map((t) => el('option', { text: t.name, attrs: { value: t.id } })),
    );
    threat.value = f.threat?.id ?? '';
    disputed.value = f.disputed;

    const v = sceneVisibility(s);
    const context = v.contextNodes.size
      ? ` ${plural(v.contextNodes.size, 'node')} shown faded as context for a shown relationship.`
      : '';
    summary.textContent = filtersActive(f)
      ? `Filters hide ${v.hiddenNodes.size} of ${plural(nodes.length, 'node')} and ${v.hiddenEdges.size} of ${plural(edges.length, 'relationship')}.${context}`
      : `No filters: all ${plural(nodes.length, 'node')} and ${plural(edges.length, 'relationship')} shown.`;
    summary.dataset['hiddenNodes'] = String(v.hiddenNodes.size);
    summary.dataset['hiddenEdges'] = String(v.hiddenEdges.size);
    clear.disabled = !filtersActive(f);
  };
  store.subscribe(render);
  render(store.get());

  const group = (title: string, body: HTMLElement): HTMLElement =>
    el('div', { className: 'filter-group' }, [el('h3', { className: 'panel-subtitle', text: title }), body]);
  return section(
    'Filters',
    [
      el('div', { className: 'filter-summary-row' }, [summary, clear]),
      group('Labels', labels.element),
      group('Relationship types', types.element),
      el('label', { className: 'field' }, [
        el('span', { className: 'field-name', text: 'Threat (with its sub-threats)' }),
        threat,
      ]),
      el('label', { className: 'field' }, [
        el('span', { className: 'field-name', text: 'Disputed' }),
        disputed,
      ]),
      group('Confidence', confidence.element),
    ],
    'filter-panel',
  );
}
