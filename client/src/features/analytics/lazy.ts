// Analytics until first used: a closed sidebar section. Its code (graphology, the measures, the histogram)
// is a chunk of its own, loaded when the section is opened or a saved workspace sizes or colours by a measure.
import { lazyChunk } from '../../app/lazy-chunk';
import type { AppContext } from '../../app/context';
import { button, el, section } from '../../shared/dom';
import type { State } from '../../state/state';
import type { Operations } from '../explorer/operations';
import type { MetricsRunner } from './metrics-runner';

/** True when the canvas shows a measure, so the measures must be computed. */
const measuresShown = (s: State): boolean => s.analytics.sizeBy !== 'none' || s.analytics.communities;

/** Puts the closed Analytics section in the sidebar; `whenCurrent` resolves at once while analytics is not loaded. */
export function mountAnalyticsLazily(ctx: AppContext, explorer: Pick<Operations, 'select'>): MetricsRunner {
  const chunk = lazyChunk('the analytics', () => import('./mount'), ctx);
  let runner: Promise<MetricsRunner> | null = null;
  const open = button('Show analytics', () => tryStart(), {
    className: 'primary',
    testId: 'analytics-open',
    title: 'Measure the scene: size nodes by a measure, colour communities, list the brokers',
  });
  const standIn = section(
    'Analytics',
    [
      el('p', {
        className: 'panel-help',
        text: 'Size nodes by degree, betweenness or PageRank, colour communities, find the brokers.',
      }),
      open,
    ],
    'analytics-panel',
  );
  ctx.page.sidebar('analytics', standIn);
  const start = (): Promise<MetricsRunner> => {
    runner ??= chunk.load(open).then(
      (m) => m.mountAnalytics(ctx, explorer, standIn),
      (err: unknown) => {
        runner = null;
        throw err;
      },
    );
    return runner;
  };
  const tryStart = (): void => {
    start().catch(() => {
      /* the user was told (lazyChunk); opening the section tries again */
    });
  };
  const unsubscribe = ctx.store.subscribe((s) => {
    if (measuresShown(s)) {
      unsubscribe();
      tryStart();
    }
  });
  return {
    whenCurrent: async () => {
      if (runner) await (await runner).whenCurrent();
    },
  };
}
