// Writes the synthetic graph in batched UNWIND transactions. Each batch and the run's progress marker commit together,
// so a run stopped at any point resumes at the first batch not written, and a finished run is left as it is.
import type { GraphStore } from '../../server/src/store/neo4j-store.js';
import { isNodeLabel, isRelationshipType } from '../../model/index.js';
import { loadQueries } from '../../server/src/store/queries.js';
import { ensureSchema } from '../../server/src/store/schema-setup.js';
import { layoutFor, nodeAt, relationshipsOf, type Layout, type NodeRow, type RelRow } from './model.js';

export interface GenerateOptions {
  nodes: number;
  seed: number;
  /** Nodes per node batch; relationship batches cover the outgoing relationships of this many nodes. */
  batchSize: number;
  /** Called after every committed batch. */
  onProgress(p: { phase: 'nodes' | 'relationships'; done: number; total: number; written: number }): void;
}

/** What a run did: written now, or already there from an earlier run. */
export interface GenerateResult {
  key: string;
  nodes: number;
  relationships: number;
  resumedFrom: { nodes: number; relationships: number };
}

/** A run's marker: which batches are committed. */
interface RunState {
  nodeBatches: number;
  relBatches: number;
  relationships: number;
}

/** A refusal the user can act on (printed without a stack). */
export class GeneratorError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GeneratorError';
  }
}

/** The generator's own queries (cypher/generate-*.cypher); the server never runs them. */
const QUERIES = loadQueries();
const query = (name: 'generate-nodes' | 'generate-relationships'): string => QUERIES[name];

const runKey = (o: { nodes: number; seed: number }): string => `nodes=${o.nodes};seed=${o.seed}`;

async function readRun(store: GraphStore, key: string, o: GenerateOptions): Promise<RunState> {
  const other = await store.driver.executeQuery(
    'MATCH (r:GeneratorRun) WHERE r.key <> $key RETURN r.key AS key LIMIT 1',
    { key },
    { database: store.database },
  );
  if (other.records.length) {
    throw new GeneratorError(
      `this database holds another generated graph (${String(other.records[0]!.get('key'))}); use an empty database (NEO4J_DATA_DIR) for each size and seed`,
    );
  }
  const res = await store.driver.executeQuery(
    `MERGE (r:GeneratorRun {key: $key})
     ON CREATE SET r.nodes = $nodes, r.seed = $seed, r.batchSize = $batchSize, r.nodeBatches = 0, r.relBatches = 0, r.relationships = 0, r.startedAt = datetime()
     RETURN r.nodeBatches AS nodeBatches, r.relBatches AS relBatches, r.relationships AS relationships, r.batchSize AS batchSize`,
    { key, nodes: o.nodes, seed: o.seed, batchSize: o.batchSize },
    { database: store.database },
  );
  const rec = res.records[0]!;
  const batchSize = Number(rec.get('batchSize'));
  if (batchSize !== o.batchSize)
    throw new GeneratorError(
      `this run was started with --batch ${batchSize}; resume it with the same batch size`,
    );
  return {
    nodeBatches: Number(rec.get('nodeBatches')),
    relBatches: Number(rec.get('relBatches')),
    relationships: Number(rec.get('relationships')),
  };
}

/** Writes batch `batch` and advances the marker in one transaction; a marker already past it means another writer did it. */
async function commitBatch(
  store: GraphStore,
  key: string,
  field: 'nodeBatches' | 'relBatches',
  batch: number,
  write: (tx: { run(q: string, p: Record<string, unknown>): Promise<unknown> }) => Promise<void>,
  rels = 0,
): Promise<void> {
  const session = store.driver.session({ database: store.database });
  try {
    await session.executeWrite(async (tx) => {
      const marker = await tx.run(
        `MATCH (r:GeneratorRun {key: $key}) SET r._lock = true REMOVE r._lock
         WITH r WHERE r[$field] = $batch
         SET r[$field] = $batch + 1, r.relationships = r.relationships + $rels, r.updatedAt = datetime()
         RETURN r.key AS key`,
        { key, field, batch, rels },
      );
      if (!marker.records.length)
        throw new Error(`batch ${batch} of ${field} was already written by another run`);
      await write(tx);
    });
  } finally {
    await session.close();
  }
}

function nodeRows(layout: Layout, seed: number, from: number, to: number): NodeRow[] {
  const rows: NodeRow[] = [];
  for (let i = from; i < to; i++) {
    const row = nodeAt(layout, seed, i);
    if (!row.labels.every(isNodeLabel)) throw new Error(`label not allowed on ${row.id}`);
    rows.push(row);
  }
  return rows;
}

function relRows(layout: Layout, seed: number, from: number, to: number): RelRow[] {
  const rows: RelRow[] = [];
  for (let i = from; i < to; i++) {
    for (const r of relationshipsOf(layout, seed, i)) {
      if (!isRelationshipType(r.type)) throw new Error(`type not allowed on ${r.id}`);
      rows.push(r);
    }
  }
  return rows;
}

/** Generates (or resumes) the graph of `o.nodes` nodes for `o.seed`. */
export async function generateGraph(store: GraphStore, o: GenerateOptions): Promise<GenerateResult> {
  const layout = layoutFor(o.nodes);
  const key = runKey(o);
  await ensureSchema(store);
  const state = await readRun(store, key, o);
  const batches = Math.ceil(o.nodes / o.batchSize);
  const resumedFrom = {
    nodes: Math.min(o.nodes, state.nodeBatches * o.batchSize),
    relationships: state.relationships,
  };

  for (let b = state.nodeBatches; b < batches; b++) {
    const from = b * o.batchSize;
    const to = Math.min(o.nodes, from + o.batchSize);
    const rows = nodeRows(layout, o.seed, from, to);
    await commitBatch(store, key, 'nodeBatches', b, async (tx) => {
      await tx.run(query('generate-nodes'), { nodes: rows });
    });
    o.onProgress({ phase: 'nodes', done: to, total: o.nodes, written: to });
  }
  let written = state.relationships;
  for (let b = state.relBatches; b < batches; b++) {
    const from = b * o.batchSize;
    const to = Math.min(o.nodes, from + o.batchSize);
    const rows = relRows(layout, o.seed, from, to);
    await commitBatch(
      store,
      key,
      'relBatches',
      b,
      async (tx) => {
        await tx.run(query('generate-relationships'), { relationships: rows });
      },
      rows.length,
    );
    written += rows.length;
    o.onProgress({ phase: 'relationships', done: to, total: o.nodes, written });
  }
  await store.driver.executeQuery(
    'MATCH (r:GeneratorRun {key: $key}) SET r.finishedAt = coalesce(r.finishedAt, datetime())',
    { key },
    { database: store.database },
  );
  return { key, nodes: o.nodes, relationships: written, resumedFrom };
}
