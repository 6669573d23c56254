// Mounts analytics: the sidebar panel (sizing measure, communities, histogram, brokers) and the metrics runner.
import type { AppContext } from '../../app/context';
import type { Operations } from '../explorer/operations';
import { startMetricsRunner, type MetricsRunner } from './metrics-runner';
import { createAnalyticsPanel } from './ui/analytics-panel';

/** Mounts the analytics panel and starts keeping the scene's measures current; a broker's button selects it. */
export function mountAnalytics(ctx: AppContext, explorer: Pick<Operations, 'select'>): MetricsRunner {
  const { store, actions } = ctx;
  ctx.page.sidebar(
    'analytics',
    createAnalyticsPanel({ store, actions, selectNode: (id) => explorer.select({ kind: 'node', id }) }),
  );
  return startMetricsRunner(store, actions, ctx.report);
}
