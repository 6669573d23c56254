// Mounts the path finder: its sidebar section (ends, options, the paths found and why they connect).
import type { AppContext } from '../../app/context';
import type { Operations } from '../explorer/operations';
import { createPathOperations } from './operations';
import { createPathCamera, framingPathActions } from './path-camera';
import { createPathFinder } from './ui/path-finder';
import { createPathResults } from './ui/path-results';
import { createWhyPane, type WhyPane } from './ui/why-pane';

/**
 * Mounts the path finder; typed ends are resolved by the explorer (an id on the canvas, else the best search
 * hit). Returns the "why are these connected" pane, which the details panel shows.
 */
export function mountPaths(ctx: AppContext, explorer: Pick<Operations, 'resolveNode'>): WhyPane {
  const { store, actions } = ctx;
  const camera = createPathCamera(store, actions);
  const why = createWhyPane(store);
  const ops = createPathOperations(ctx.api.reads, store, actions, actions, ctx.run, camera);
  ctx.page.sidebar(
    'paths',
    createPathFinder({
      store,
      actions,
      search: ctx.suggest.nodes,
      searchThreats: ctx.suggest.threats,
      loadSchema: ctx.api.reads.schema,
      resolveNode: explorer.resolveNode,
      findPaths: ops.findPaths,
      onError: ctx.report,
    }),
    createPathResults(store, framingPathActions(actions, camera), camera, why.open, ops.findPaths),
  );
  return why;
}
