// Web worker: lays out a large scene with headless Cytoscape + fcose, so the page never freezes on it.
// A spectral draft first (reported with its positions, which Cancel keeps), then one force refinement
// when the scene is small enough for it to finish in seconds.
import cytoscape from 'cytoscape';
import fcose, { type FcoseLayoutOptions } from 'cytoscape-fcose';
import type { LayoutReply, LayoutRequest, PackedPositions } from './layout-protocol';
import { FCOSE_FORCES } from './layouts';

cytoscape.use(fcose);

/** The draft is about this share of the work; the force refinement is the rest. */
const DRAFT_SHARE = 0.3;

function pack(cy: cytoscape.Core, ids: readonly string[]): PackedPositions {
  const out = new Float64Array(ids.length * 2);
  ids.forEach((id, i) => {
    const p = cy.getElementById(id).position();
    out[2 * i] = p.x;
    out[2 * i + 1] = p.y;
  });
  return out;
}

function post(reply: LayoutReply): void {
  const transfer = reply.kind === 'error' ? [] : [reply.positions.buffer];
  (self as unknown as Worker).postMessage(reply, transfer);
}

function run(req: LayoutRequest): void {
  const started = performance.now();
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    style: [{ selector: 'node', style: { width: 'data(w)', height: 'data(h)' } }],
    elements: [
      ...req.nodes.map((n) => ({
        group: 'nodes' as const,
        data: { id: n.id, w: n.w, h: n.h },
        position: { x: n.x ?? 0, y: n.y ?? 0 },
      })),
      ...req.edges.map((e, i) => ({
        group: 'edges' as const,
        data: { id: `e${i}`, source: e.source, target: e.target },
      })),
    ],
  });
  const ids = req.nodes.map((n) => n.id);
  const fixedNodeConstraint = req.fixed.map((f) => ({ nodeId: f.id, position: { x: f.x, y: f.y } }));
  const common = {
    name: 'fcose',
    animate: false,
    fit: false,
    ...FCOSE_FORCES,
    nodeDimensionsIncludeLabels: false,
  } as const;
  const withFixed = (o: FcoseLayoutOptions): FcoseLayoutOptions =>
    fixedNodeConstraint.length ? { ...o, fixedNodeConstraint } : o;

  cy.layout(withFixed({ ...common, quality: 'draft', randomize: true })).run();
  const refine = req.nodes.length <= req.refineMaxNodes;
  post({ kind: 'progress', fraction: refine ? DRAFT_SHARE : 1, phase: 'draft', positions: pack(cy, ids) });
  // fcose's refinement runs at least five iterations per node in one go: it cannot be cut into rounds.
  if (refine) cy.layout(withFixed({ ...common, quality: 'proof', randomize: false })).run();
  post({ kind: 'done', positions: pack(cy, ids), refined: refine, ms: performance.now() - started });
}

self.addEventListener('message', (event: MessageEvent<LayoutRequest>) => {
  try {
    run(event.data);
  } catch (err) {
    post({ kind: 'error', message: err instanceof Error ? err.message : String(err) });
  }
});
