// Mixed read traffic at a fixed number of connections: search, node details, neighbours, 2-hop, paths, cooperation.
import neo4j from 'neo4j-driver';
import type { GraphStore } from '../server/src/store/neo4j-store.js';
import type { Sample } from './stats.js';

/** What the traffic asks about: ids and names sampled from the graph, so every request names something real. */
export interface ReadInputs {
  actors: string[];
  names: string[];
  threats: string[];
}

export async function readInputs(store: GraphStore): Promise<ReadInputs> {
  const sample = async (cypher: string): Promise<string[]> =>
    (
      await store.driver.executeQuery(
        cypher,
        { limit: neo4j.int(5000) },
        { database: store.database, routing: neo4j.routing.READ },
      )
    ).records.map((r) => r.get('v') as string);
  // A random sample, not the first 5000 in store order: on a generated graph those would be its lowest indexes
  // (all countries, the hubs), while the reads should land all over the graph.
  const actors = (
    await store.driver.executeQuery(
      'MATCH (n:Actor) WHERE n:Entity WITH n, rand() AS r ORDER BY r LIMIT $limit RETURN n.id AS id, n.name AS name',
      { limit: neo4j.int(5000) },
      { database: store.database, routing: neo4j.routing.READ },
    )
  ).records;
  const inputs = {
    actors: actors.map((r) => r.get('id') as string),
    names: actors.map((r) => r.get('name') as string).filter((n) => typeof n === 'string' && n.length > 0),
    threats: await sample(
      'MATCH (t:ThreatType) WHERE t:Entity WITH t, rand() AS r ORDER BY r LIMIT $limit RETURN t.id AS v',
    ),
  };
  if (!inputs.actors.length || !inputs.threats.length)
    throw new Error('read load: the graph has no actors or threat types; seed it first (npm run seed)');
  return inputs;
}

const enc = encodeURIComponent;
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)]!;

/** The operations of the mix, each a path built from the inputs; chosen uniformly. */
export const READ_OPS: Record<string, (i: ReadInputs) => string> = {
  search: (i) => `/api/search?q=${enc(pick(i.names).split(' ')[0]!)}&limit=20`,
  node: (i) => `/api/nodes/${enc(pick(i.actors))}`,
  neighbours: (i) => `/api/nodes/${enc(pick(i.actors))}/neighbours?limit=100`,
  neighbourhood_2hop: (i) => `/api/nodes/${enc(pick(i.actors))}/neighbourhood?limit=500`,
  paths: (i) => `/api/paths?from=${enc(pick(i.actors))}&to=${enc(pick(i.actors))}&maxHops=4&mode=shortest`,
  cooperation: (i) => `/api/cooperation?threat=${enc(pick(i.threats))}`,
};

/** Fetches `path` once and reports a Sample; a request gets `timeoutMs` before it counts as unanswered (status 0). */
export async function timedGet(
  baseUrl: string,
  op: string,
  path: string,
  timeoutMs: number,
  headers: Record<string, string> = {},
): Promise<Sample> {
  const start = Date.now();
  try {
    const r = await fetch(baseUrl + path, { headers, signal: AbortSignal.timeout(timeoutMs) });
    const text = await r.text();
    let code: string | undefined;
    if (r.status >= 400) {
      try {
        code = (JSON.parse(text) as { error?: { code?: string } }).error?.code;
      } catch {
        /* not JSON */
      }
    }
    return { op, start, end: Date.now(), status: r.status, code };
  } catch (err) {
    return {
      op,
      start,
      end: Date.now(),
      status: 0,
      code: (err as Error).name === 'TimeoutError' ? 'CLIENT_TIMEOUT' : 'NO_ANSWER',
    };
  }
}

export interface ReadLoad {
  /** Stops issuing requests and resolves once the ones in flight have answered. */
  stop(): Promise<void>;
  /** Requests started and not yet answered, with when they started. */
  inFlight(): number[];
}

export interface ReadLoadOptions {
  baseUrl: string;
  inputs: ReadInputs;
  /** Concurrent keep-alive connections, one request at a time each. */
  connections: number;
  onSample(s: Sample): void;
  /**
   * Per-request client timeout (default 40 s): longer counts as no answer. Above the API's own bound (a 30 s wait
   * for a turn, DB_QUEUE_TIMEOUT_MS, then a 5 s query limit), so an overloaded API is seen answering 503 BUSY or
   * 504 QUERY_TIMEOUT rather than the client giving up first.
   */
  timeoutMs?: number;
  headers?: Record<string, string>;
}

/**
 * Starts `connections` loops, each sending one request after another; Node's fetch keeps connections alive, so
 * this holds about `connections` connections open, as a load balancer in front of the API would.
 */
export function startReadLoad(opts: ReadLoadOptions): ReadLoad {
  const ops = Object.entries(READ_OPS);
  const inFlight = new Map<number, number>();
  let running = true;
  let next = 0;
  const loop = async (): Promise<void> => {
    while (running) {
      const [op, path] = pick(ops);
      const id = next++;
      inFlight.set(id, Date.now());
      const s = await timedGet(opts.baseUrl, op, path(opts.inputs), opts.timeoutMs ?? 40_000, opts.headers);
      inFlight.delete(id);
      opts.onSample(s);
      // A refused connection answers at once: pause so a dead server is not hammered in a tight loop.
      if (s.status === 0) await new Promise((r) => setTimeout(r, 50));
    }
  };
  const loops = Array.from({ length: opts.connections }, loop);
  return {
    async stop() {
      running = false;
      await Promise.all(loops);
    },
    inFlight: () => [...inFlight.values()],
  };
}
