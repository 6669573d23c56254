// Runs a large scene's layout in the layout worker: progress with the positions so far, Cancel, final positions.
import type cytoscape from 'cytoscape';
import type { LayoutReply, LayoutRequest, PackedPositions } from './layout-protocol';

/** Where a layout ran: the test suite checks large scenes really use the worker. */
export type LayoutRunnerKind = 'worker' | 'main';

/** How far a running layout is, for the progress bar; null once none runs. */
export interface LayoutProgress {
  fraction: number;
  phase: 'draft' | 'refine';
  runner: LayoutRunnerKind;
  nodes: number;
}

/** A running worker layout. */
export interface WorkerLayout {
  /** 'done' with every node at its final place, or 'cancelled' with the positions of the last progress step. */
  finished: Promise<'done' | 'cancelled'>;
  cancel(): void;
}

/** Scenes of more nodes keep fcose's spectral draft without the force refinement: at 900 nodes it took 140 s on 2 busy cores. */
export const REFINE_MAX_NODES = 600;

function apply(cy: cytoscape.Core, nodes: cytoscape.NodeCollection, packed: PackedPositions): void {
  cy.batch(() => {
    nodes.forEach((n, i) => {
      if (!n.locked()) n.position({ x: packed[2 * i]!, y: packed[2 * i + 1]! });
    });
  });
}

/** Starts laying out `nodes` (and the edges among them) in a module worker; pinned (locked) nodes stay put. */
export function runWorkerLayout(
  cy: cytoscape.Core,
  nodes: cytoscape.NodeCollection,
  onProgress: (p: LayoutProgress) => void,
  refineMaxNodes = REFINE_MAX_NODES,
): WorkerLayout {
  const worker = new Worker(new URL('./layout-worker.ts', import.meta.url), { type: 'module' });
  const request: LayoutRequest = {
    nodes: nodes.map((n) => {
      const box = n.layoutDimensions({ nodeDimensionsIncludeLabels: true });
      return { id: n.id(), w: box.w, h: box.h, x: n.position('x'), y: n.position('y') };
    }),
    edges: nodes.edgesWith(nodes).map((e) => ({ source: e.source().id(), target: e.target().id() })),
    fixed: nodes
      .filter((n) => n.locked())
      .map((n) => ({ id: n.id(), ...(n as cytoscape.NodeSingular).position() })),
    refineMaxNodes,
  };
  let settle: (how: 'done' | 'cancelled') => void = () => undefined;
  let fail: (err: Error) => void = () => undefined;
  const finished = new Promise<'done' | 'cancelled'>((resolve, reject) => {
    settle = resolve;
    fail = reject;
  });
  const stop = (): void => worker.terminate();

  worker.addEventListener('message', (e: MessageEvent<LayoutReply>) => {
    const reply = e.data;
    if (reply.kind === 'error') {
      stop();
      fail(new Error(`Layout failed: ${reply.message}`));
      return;
    }
    apply(cy, nodes, reply.positions);
    if (reply.kind === 'progress')
      onProgress({ fraction: reply.fraction, phase: reply.phase, runner: 'worker', nodes: nodes.length });
    else {
      stop();
      settle('done');
    }
  });
  worker.addEventListener('error', (e) => {
    e.preventDefault();
    stop();
    fail(new Error(`Layout worker failed: ${e.message || 'it could not start'}`));
  });
  worker.postMessage(request);
  return {
    finished,
    cancel: () => {
      stop();
      settle('cancelled');
    },
  };
}
