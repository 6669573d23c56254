// The analytics panel: the measure that sizes nodes, community colouring, the measure's histogram and the brokers.
import { MEASURE_LABELS } from '../analytics-settings';
import { MEASURES, topBrokers, type Measure } from '../scene-metrics';
import type { Actions } from '../../../state/actions';
import type { State } from '../../../state/state';
import type { ReadableStore } from '../../../state/store';
import { createBrokersList } from './brokers-list';
import { el, section } from '../../../shared/dom';
import { createMeasureHistogram } from './measure-histogram';

/** The brokers list's length: a glance, not a ranking table. */
const BROKER_COUNT = 10;

/** What the panel needs from the app. */
export interface AnalyticsPanelDeps {
  store: ReadableStore<State>;
  actions: Actions;
  /** Selects a node (and loads its details). */
  selectNode(id: string): void;
}

function isSizeChoice(value: string): value is Measure | 'none' {
  return value === 'none' || (MEASURES as readonly string[]).includes(value);
}

/** The analytics section; it never touches the canvas, only State. */
export function createAnalyticsPanel({ store, actions, selectNode }: AnalyticsPanelDeps): HTMLElement {
  const sizeBy = el('select', { testId: 'size-by', attrs: { 'aria-label': 'Size nodes by' } }, [
    el('option', { text: 'None (size by kind)', attrs: { value: 'none' } }),
    ...MEASURES.map((m) => el('option', { text: MEASURE_LABELS[m], attrs: { value: m } })),
  ]);
  sizeBy.addEventListener('change', () => {
    if (isSizeChoice(sizeBy.value)) actions.setAnalytics({ ...store.get().analytics, sizeBy: sizeBy.value });
  });
  const communities = el('input', { testId: 'community-toggle', attrs: { type: 'checkbox' } });
  communities.addEventListener('change', () =>
    actions.setAnalytics({ ...store.get().analytics, communities: communities.checked }),
  );
  const communityCount = el('span', { className: 'muted', testId: 'community-count' });
  const summary = el('p', { className: 'panel-help', testId: 'analytics-summary' });
  const histogramTitle = el('h3', { className: 'panel-subtitle' });
  const histogram = createMeasureHistogram();
  const brokers = createBrokersList((id) => {
    selectNode(id);
    actions.requestView({ kind: 'center', id });
  });

  let prev: State | null = null;
  const render = (s: State): void => {
    if (prev && s.metrics === prev.metrics && s.analytics === prev.analytics && s.nodes === prev.nodes)
      return;
    prev = s;
    sizeBy.value = s.analytics.sizeBy;
    communities.checked = s.analytics.communities;
    const m = s.metrics;
    if (!m) {
      summary.textContent = 'Measuring the scene…';
      return;
    }
    // With nothing sizing the nodes, the histogram still shows degree: the measure everyone reads first.
    const measure: Measure = s.analytics.sizeBy === 'none' ? 'degree' : s.analytics.sizeBy;
    summary.textContent = `Measured ${m.nodes.length} visible node${m.nodes.length === 1 ? '' : 's'}.`;
    communityCount.textContent = `(${m.communityCount} communit${m.communityCount === 1 ? 'y' : 'ies'})`;
    histogramTitle.textContent = `${MEASURE_LABELS[measure]} distribution`;
    histogram.draw(
      m.nodes.map((id) => m.values[measure][id] ?? 0),
      MEASURE_LABELS[measure],
      measure === 'degree',
    );
    brokers.draw(topBrokers(m, BROKER_COUNT), (id) => s.nodes.get(id)?.name ?? id);
  };
  store.subscribe(render);
  render(store.get());

  return section(
    'Analytics',
    [
      el('label', { className: 'field' }, [
        el('span', { className: 'field-name', text: 'Size nodes by' }),
        sizeBy,
      ]),
      el('label', { className: 'field inline' }, [
        communities,
        el('span', { text: 'Colour by community (Louvain)' }),
        communityCount,
      ]),
      summary,
      histogramTitle,
      histogram.element,
      el('h3', { className: 'panel-subtitle', text: `Brokers (top ${BROKER_COUNT} by betweenness)` }),
      brokers.element,
    ],
    'analytics-panel',
  );
}
