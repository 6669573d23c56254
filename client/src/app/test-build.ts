// Loaded only by test builds (`vite build --mode test`): publishes window.__explorer, the handle the browser
// tests drive the explorer through. Production bundles never import this file (see main.ts).
import { isCooperationEdgeId } from '../features/cooperation/cooperation-projection';
import type { MountedCooperation } from '../features/cooperation/mount';
import type { MountedExplorer } from '../features/explorer/mount';
import type { Operations } from '../features/explorer/operations';
import type { MetricsRunner } from '../features/analytics/metrics-runner';
import type { AppContext } from './context';
import { installTestHooks } from './test-hooks';

/** The mounted features the hooks read. */
export interface TestedApp {
  ctx: AppContext;
  explorer: Operations;
  canvas: MountedExplorer;
  cooperation: MountedCooperation;
  metrics: MetricsRunner;
}

/** Builds the hooks from the mounted app and publishes them. */
export function installExplorerHooks({ ctx, explorer, canvas, cooperation, metrics }: TestedApp): void {
  const { store, actions } = ctx;
  const view = canvas.view;
  const coop = cooperation.view;
  installTestHooks({
    nodeIds: view.nodeIds,
    edgeIds: view.edgeIds,
    screenPosition: view.screenPosition,
    modelPosition: view.modelPosition,
    classesOf: view.classesOf,
    dataOf: view.dataOf,
    whenIdle: view.whenIdle,
    positions: () => Object.fromEntries(view.snapshot().positions),
    viewport: () => view.snapshot().viewport,
    visibleIds: view.visibleIds,
    renderedSize: view.renderedSize,
    analyticsSettled: metrics.whenCurrent,
    expand: async (id) => {
      await explorer.expand(id);
      await view.whenIdle();
    },
    select: (id) => {
      const s = store.get();
      const edge = !s.nodes.has(id) && (s.edges.has(id) || (!!s.cooperation && isCooperationEdgeId(id)));
      explorer.select(edge ? { kind: 'edge', id } : { kind: 'node', id });
    },
    cooperation: {
      nodeIds: coop.nodeIds,
      edges: () =>
        coop.edgeIds().map((id) => {
          const d = coop.dataOf(id) ?? {};
          return {
            id,
            source: String(d['source']),
            target: String(d['target']),
            weight: Number(d['weight']),
            label: coop.styleOf(id, 'label') ?? '',
            width: parseFloat(coop.styleOf(id, 'width') ?? '0'),
          };
        }),
      classesOf: coop.classesOf,
      edgeMidpoint: coop.edgeMidpoint,
      screenPosition: coop.screenPosition,
      drawnLabels: coop.drawnLabels,
      whenIdle: coop.whenIdle,
    },
    loadSynthetic: async (elements, opts) => {
      // Loaded on demand: the generator's model is test and benchmark material, not part of the explorer.
      const { syntheticScene } = await import('../graph/synthetic-scene');
      const scene = syntheticScene(elements);
      actions.clearCanvas();
      if (opts?.fold === 'communities') {
        const { communityGroups } = await import('../features/explorer/fold/communities');
        const { GROUP_MIN_SIZE } = await import('../features/explorer/fold/fold-state');
        const s = store.get();
        const nodes = new Map(scene.nodes.map((n) => [n.id, n]));
        const edges = new Map(scene.edges.map((e) => [e.id, e]));
        actions.addGraph(scene, { groups: communityGroups({ ...s, nodes, edges }, GROUP_MIN_SIZE) });
      } else actions.addGraph(scene, opts?.fold === 'leaves' ? { leaves: true } : undefined);
    },
    fold: async (what) => {
      if (what === 'leaves') explorer.foldAllLeaves();
      else if (what === 'communities') await explorer.groupCommunities();
      else explorer.unfoldAll();
      await view.whenIdle();
    },
    fastMode: view.fastMode,
    lastLayoutRunner: view.lastLayoutRunner,
    lastLayoutChoice: view.lastLayoutChoice,
    lastAddMove: view.lastAddMove,
    sceneTextureComplete: view.sceneTextureComplete,
    drawnLabels: view.drawnLabels,
    drawnEdgeLabels: view.drawnEdgeLabels,
    drawnEdgeLabelBoxes: view.drawnEdgeLabelBoxes,
    nodeBoxes: view.nodeBoxes,
  });
}
