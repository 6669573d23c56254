// Plans the queries a page sends when it opens, at start-up before listening: EXPLAIN plans and caches a query and
// reads nothing.
// Why: the first visitor after a start otherwise waits for the planner; on the loaded 2-core VM a first plan of the
// neighbours query took 0.2-2.5 s, and the page opens on it.
import neo4j from 'neo4j-driver';
import { NODE_LABELS, RELATIONSHIP_TYPE_NAMES } from '../schema.js';
import type { GraphStore } from './neo4j-store.js';
import { loadQueries, type QueryName } from './queries.js';
import { splice } from './spliced.js';

/** A first plan on a fresh JVM took over 5 s (QUERY_TIMEOUT_MS) on the loaded 2-core VM. */
const PLAN_TIMEOUT_MS = 60_000;

/** Parameters of the types the server sends (a plan is cached per query and parameter types). */
const NO_FILTER = { relTypes: null, direction: null, labels: null, threatIds: null };

/** Plans each query in turn; a failure is passed to `onError` and the rest still run. */
export async function warmPlans(store: GraphStore, onError: (err: unknown) => void): Promise<void> {
  const q = loadQueries();
  const int = neo4j.int;
  const plans: {
    key: QueryName;
    text: string;
    params: Record<string, unknown>;
    lane: 'lookup' | 'traversal';
  }[] = [
    { key: 'node-by-id', text: q['node-by-id'], params: { id: '' }, lane: 'lookup' },
    {
      key: 'schema-counts',
      text: splice(q['schema-counts'], { label: NODE_LABELS, type: RELATIONSHIP_TYPE_NAMES }),
      params: {},
      lane: 'lookup',
    },
    {
      key: 'neighbours-sampled',
      text: q['neighbours-sampled'],
      params: { id: '', ...NO_FILTER, skip: int(0), limit: int(50), hubDegree: int(0), sampleSize: int(1) },
      lane: 'traversal',
    },
    {
      key: 'neighbours',
      text: q.neighbours,
      params: { id: '', ...NO_FILTER, skip: int(0), limit: int(50), rate: int(1) },
      lane: 'traversal',
    },
    {
      key: 'neighbour-counts',
      text: q['neighbour-counts'],
      params: { id: '', hubDegree: int(0) },
      lane: 'traversal',
    },
    {
      key: 'neighbour-degree',
      text: splice(q['neighbour-degree'], { type: RELATIONSHIP_TYPE_NAMES }),
      params: { id: '' },
      lane: 'traversal',
    },
    { key: 'neighbour-deleted', text: q['neighbour-deleted'], params: { id: '' }, lane: 'traversal' },
    {
      key: 'neighbour-sample',
      text: q['neighbour-sample'],
      params: { id: '', rates: {} },
      lane: 'traversal',
    },
  ];
  for (const p of plans) {
    try {
      await store.transaction('read', async (tx) => tx.runText(`EXPLAIN ${p.text}`, p.params), {
        lane: p.lane,
        // Planning on a cold JVM under load can take longer than a request may: EXPLAIN reads nothing, so wait.
        timeout: PLAN_TIMEOUT_MS,
        // The cold-start rule (cold-start.ts) lets the first real run go beside others: its plan is cached now.
        ...(p.lane === 'traversal' ? { coldStart: p.key } : {}),
      });
    } catch (err) {
      onError(err);
    }
  }
}
