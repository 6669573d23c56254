// Mounts analytics: the sidebar panel (sizing measure, communities, histogram, brokers) and the metrics runner.
import type { AppContext } from '../../app/context';
import type { Operations } from '../explorer/operations';
import { startMetricsRunner, type MetricsRunner } from './metrics-runner';
import { createAnalyticsPanel } from './ui/analytics-panel';

/**
 * Mounts the analytics panel and starts keeping the scene's measures current; a broker's button selects it.
 * The panel takes the place of `standIn` when given (see lazy.ts).
 */
export function mountAnalytics(
  ctx: AppContext,
  explorer: Pick<Operations, 'select'>,
  standIn?: HTMLElement,
): MetricsRunner {
  const { store, actions } = ctx;
  const panel = createAnalyticsPanel({
    store,
    actions,
    selectNode: (id) => explorer.select({ kind: 'node', id }),
  });
  if (standIn) standIn.replaceWith(panel);
  else ctx.page.sidebar('analytics', panel);
  return startMetricsRunner(store, actions, ctx.report);
}
