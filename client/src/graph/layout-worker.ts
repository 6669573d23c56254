// Web worker: lays out a large scene with headless Cytoscape + fcose, so the page never freezes on it.
// A spectral draft first (reported with its positions, which Cancel keeps), then one force refinement
// when the scene is small enough for it to finish in seconds; a larger scene's draft is spread instead
// (spread-draft.ts), so that its nodes do not lie on each other.
import cytoscape from 'cytoscape';
import fcose, { type FcoseLayoutOptions } from 'cytoscape-fcose';
import type { LayoutReply, LayoutRequest, PackedPositions } from './layout-protocol';
import { degreesOf } from './degrees';
import { FCOSE_FORCES } from './layouts';
import { drawSeed, sceneSeed, withSeededRandom } from './seeded-random';
import { spreadDraft } from './spread-draft';

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

/** Moves the draft's nodes apart where they cover each other (spread-draft.ts); pinned nodes stay. */
function spread(cy: cytoscape.Core, req: LayoutRequest): void {
  const { ids, bodies } = req;
  const degree = degreesOf(cy);
  const pinned = new Set(req.fixed);
  const placed = spreadDraft(
    ids.map((id, i) => {
      const p = cy.getElementById(id).position();
      return {
        x: p.x,
        y: p.y,
        w: bodies[2 * i]!,
        h: bodies[2 * i + 1]!,
        pinned: pinned.has(i),
        degree: degree.get(id) ?? 0,
      };
    }),
  );
  cy.batch(() => {
    ids.forEach((id, i) => {
      cy.getElementById(id).position(placed[i]!);
    });
  });
}

function post(reply: LayoutReply): void {
  const transfer = reply.kind === 'progress' || reply.kind === 'done' ? [reply.positions.buffer] : [];
  (self as unknown as Worker).postMessage(reply, transfer);
}

function run(req: LayoutRequest): void {
  const started = performance.now();
  const { ids, boxes, edges } = req;
  const nodes = ids.map((id, i) => ({
    group: 'nodes' as const,
    data: { id, w: boxes[4 * i]!, h: boxes[4 * i + 1]! },
    position: { x: boxes[4 * i + 2]!, y: boxes[4 * i + 3]! },
  }));
  const links = Array.from({ length: edges.length / 2 }, (_, k) => ({
    group: 'edges' as const,
    data: { id: `e${k}`, source: ids[edges[2 * k]!]!, target: ids[edges[2 * k + 1]!]! },
  }));
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    style: [{ selector: 'node', style: { width: 'data(w)', height: 'data(h)' } }],
    elements: [...nodes, ...links],
  });
  const fixedNodeConstraint = Array.from(req.fixed, (i) => ({
    nodeId: ids[i]!,
    position: { x: boxes[4 * i + 2]!, y: boxes[4 * i + 3]! },
  }));
  const common = {
    name: 'fcose',
    animate: false,
    fit: false,
    ...FCOSE_FORCES,
    nodeDimensionsIncludeLabels: false,
  } as const;
  const withFixed = (o: FcoseLayoutOptions): FcoseLayoutOptions =>
    fixedNodeConstraint.length ? { ...o, fixedNodeConstraint } : o;

  const refine = ids.length <= req.refineMaxNodes;
  post({ kind: 'phase', phase: 'draft', fraction: 0 });
  // The same scene, the same picture (seeded-random.ts): both passes draw their random numbers from the scene.
  const base = sceneSeed(
    ids,
    Array.from(
      { length: edges.length / 2 },
      (_, k) => [ids[edges[2 * k]!]!, ids[edges[2 * k + 1]!]!] as const,
    ),
  );
  withSeededRandom(drawSeed(base, req.draw), () => {
    cy.layout(withFixed({ ...common, quality: 'draft', randomize: true })).run();
    // The draft's positions are sent (Cancel keeps them) only when a refinement follows: otherwise they are the
    // final ones, and the page would apply and redraw the whole scene twice.
    if (refine) {
      post({ kind: 'progress', fraction: DRAFT_SHARE, phase: 'draft', positions: pack(cy, ids) });
      post({ kind: 'phase', phase: 'refine', fraction: DRAFT_SHARE });
      // fcose's refinement runs at least five iterations per node in one go: it cannot be cut into rounds.
      cy.layout(withFixed({ ...common, quality: 'proof', randomize: false })).run();
    } else spread(cy, req);
  });
  post({ kind: 'done', positions: pack(cy, ids), refined: refine, ms: performance.now() - started });
}

self.addEventListener('message', (event: MessageEvent<LayoutRequest>) => {
  try {
    run(event.data);
  } catch (err) {
    post({ kind: 'error', message: err instanceof Error ? err.message : String(err) });
  }
});
