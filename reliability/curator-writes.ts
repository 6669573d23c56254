// Curator write traffic through the HTTP API (creates and updates with evidence), recording every acknowledged write.
import { randomBytes } from 'node:crypto';
import neo4j from 'neo4j-driver';
import type { ErrorResponse, GraphEdge, GraphNode, WriteResponse } from '../contract/index.js';
import type { GraphStore } from '../server/src/store/neo4j-store.js';
import type { Sample } from './stats.js';

/** A write's answer: `result` and `change` after a 2xx, `error` (with the current state on a 409) otherwise. */
type WriteAnswer = Partial<WriteResponse<GraphNode | GraphEdge> & ErrorResponse>;

/** The seed source the writes quote by default (a generated graph names its own: see `writeSourceId`). */
export const WRITE_SOURCE_ID = 'source:000-noem-five-country-ministerial';

/** Nodes and relationships already in the graph that the writers also update and link to, with their versions. */
export interface WriteTargets {
  /** Actors (so a COOPERATES_WITH from a written Country to them is allowed). */
  nodes: { id: string; version: number }[];
  /** COOPERATES_WITH relationships between actors (their `topic` may be updated). */
  edges: { id: string; version: number }[];
}

/** A write the API answered 2xx: its Change id and the version of the target it reported. */
export interface AckedWrite {
  changeId: string;
  operation: string;
  targetKind: 'node' | 'edge';
  targetId: string;
  version: number;
}

export interface WriteLog {
  /** Run tag: every node these writes create has it in its name and id (`country:rel-<tag>-...`). */
  tag: string;
  attempted: number;
  acked: AckedWrite[];
  /** 409s: two workers raced on one node; the loser refreshes its version (expected, not an error). */
  conflicts: number;
  /** Answers by status other than 2xx and 409; "0" counts requests with no answer (server gone). */
  failed: Record<string, number>;
  /** The same failures by status and error code (`422 UNPROCESSABLE`), to tell a refusal from an outage. */
  failedCodes: Record<string, number>;
  /** Every write request, for the run's error accounting. */
  samples: Sample[];
}

export interface CuratorWrites {
  log: WriteLog;
  stop(): Promise<WriteLog>;
  inFlight(): number;
}

export interface CuratorWritesOptions {
  baseUrl: string;
  /** Bearer headers of a curator. */
  headers: Record<string, string>;
  /** A sentence verbatim in the write source's text. */
  quote: string;
  /** The source the evidence quotes (default WRITE_SOURCE_ID, a seed source). */
  sourceId?: string;
  /**
   * Existing elements to update and link to as well (default none: the writers touch only the nodes they create,
   * so a run on a shared database leaves its graph alone).
   */
  targets?: WriteTargets;
  /** Concurrent writers (default 1). */
  concurrency?: number;
  /** Pause after each write per writer (default 0): a trickle during the soak, a flood for the kill test. */
  pauseMs?: number;
  tag?: string;
  timeoutMs?: number;
}

/** Reads a verbatim sentence (a line, or a sentence of a long line) of the write source through the API. */
export async function writeQuote(
  baseUrl: string,
  headers: Record<string, string> = {},
  sourceId = WRITE_SOURCE_ID,
): Promise<string> {
  const r = await fetch(`${baseUrl}/api/sources/${encodeURIComponent(sourceId)}`, { headers });
  if (!r.ok) throw new Error(`curator writes: GET the write source ${sourceId} answered ${r.status}`);
  const text = ((await r.json()) as { source: { text: string } }).source.text;
  // A generated source is one long line of sentences: quote one sentence of it, not the whole text.
  const line = text
    .split('\n')
    .flatMap((l) => (l.length > 400 ? l.split(/(?<=\.) /) : [l]))
    .map((l) => l.trim())
    .find((l) => l.length > 60 && l.length <= 400);
  if (!line) throw new Error(`curator writes: the write source ${sourceId} has no sentence to quote`);
  return line;
}

/** The first source of the graph with a text long enough to quote (a generated graph has no seed source). */
export async function writeSourceId(store: GraphStore): Promise<string> {
  const r = await store.driver.executeQuery(
    'MATCH (s:Source) WHERE s:Entity AND size(s.text) > 60 RETURN s.id AS id ORDER BY s.id LIMIT 1',
    {},
    { database: store.database, routing: neo4j.routing.READ },
  );
  const id = r.records[0]?.get('id') as string | undefined;
  if (!id) throw new Error('curator writes: the graph has no source with text to quote');
  return id;
}

/**
 * `count` live actors and `count` COOPERATES_WITH relationships picked at random from the whole graph (so on a
 * generated graph they are spread over it, hubs and leaves alike), with their current versions.
 */
export async function sampleWriteTargets(store: GraphStore, count: number): Promise<WriteTargets> {
  const q = async (cypher: string) =>
    (
      await store.driver.executeQuery(
        cypher,
        { count: neo4j.int(count) },
        { database: store.database, routing: neo4j.routing.READ },
      )
    ).records.map((r) => ({ id: r.get('id') as string, version: Number(r.get('version')) }));
  return {
    nodes: await q(
      'MATCH (n:Actor) WHERE n:Entity WITH n, rand() AS r ORDER BY r LIMIT $count RETURN n.id AS id, coalesce(n.version, 1) AS version',
    ),
    edges: await q(
      'MATCH (:Actor)-[e:COOPERATES_WITH]->(:Actor) WITH e, rand() AS r ORDER BY r LIMIT $count RETURN e.id AS id, coalesce(e.version, 1) AS version',
    ),
  };
}

interface Known {
  id: string;
  version: number;
}

const pick = <T>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)]!;

/** Starts the writers: each loops create node / update node / create relationship / update relationship. */
export function startCuratorWrites(opts: CuratorWritesOptions): CuratorWrites {
  const tag = opts.tag ?? randomBytes(3).toString('hex');
  const log: WriteLog = {
    tag,
    attempted: 0,
    acked: [],
    conflicts: 0,
    failed: {},
    failedCodes: {},
    samples: [],
  };
  const nodes: Known[] = [];
  const edges: Known[] = [];
  // Copies: the versions change as the writers go, and the caller's lists stay as sampled.
  const oldNodes: Known[] = (opts.targets?.nodes ?? []).map((t) => ({ ...t }));
  const oldEdges: Known[] = (opts.targets?.edges ?? []).map((t) => ({ ...t }));
  const old = new Set([...oldNodes, ...oldEdges]);
  const evidence = [{ sourceId: opts.sourceId ?? WRITE_SOURCE_ID, quote: opts.quote }];
  /** One of the run's own elements, or (half the time, when there are any) an existing one. */
  const either = (own: Known[], old: Known[]): Known =>
    pick(old.length && (own.length === 0 || Math.random() < 0.5) ? old : own);
  let running = true;
  let n = 0;
  let inFlight = 0;

  const send = async (
    op: string,
    method: string,
    path: string,
    body: unknown,
  ): Promise<{ status: number; body: WriteAnswer | null }> => {
    log.attempted++;
    inFlight++;
    const start = Date.now();
    try {
      const r = await fetch(opts.baseUrl + path, {
        method,
        headers: { 'content-type': 'application/json', ...opts.headers },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(opts.timeoutMs ?? 30_000),
      });
      const parsed = (await r.json().catch(() => null)) as WriteAnswer | null;
      log.samples.push({ op, start, end: Date.now(), status: r.status, code: parsed?.error?.code });
      return { status: r.status, body: parsed };
    } catch {
      log.samples.push({ op, start, end: Date.now(), status: 0, code: 'NO_ANSWER' });
      return { status: 0, body: null };
    } finally {
      inFlight--;
    }
  };
  const record = (op: string, kind: 'node' | 'edge', body: WriteAnswer | null): Known => {
    const result = body!.result!;
    const version = result.properties.version as number;
    log.acked.push({
      changeId: body!.change!.id,
      operation: op,
      targetKind: kind,
      targetId: result.id,
      version,
    });
    return { id: result.id, version };
  };
  const outcome = (
    { status, body }: { status: number; body: { error?: { code?: unknown } } | null },
    onConflict?: () => void,
  ): boolean => {
    if (status >= 200 && status < 300) return true;
    if (status === 409) {
      log.conflicts++;
      onConflict?.();
      return false;
    }
    log.failed[String(status)] = (log.failed[String(status)] ?? 0) + 1;
    const code = `${status} ${String(body?.error?.code ?? (status === 0 ? 'NO_ANSWER' : 'no code'))}`;
    log.failedCodes[code] = (log.failedCodes[code] ?? 0) + 1;
    return false;
  };

  const step = async (): Promise<void> => {
    const i = n++;
    const roll = Math.random();
    if (nodes.length < 2 || roll < 0.35) {
      const r = await send('create-node', 'POST', '/api/nodes', {
        label: 'Country',
        name: `Rel ${tag} ${i}`,
        id: `country:rel-${tag}-${i}`,
        description: `Reliability write ${i}.`,
        evidence,
      });
      if (outcome(r)) nodes.push(record('create-node', 'node', r.body));
    } else if (roll < 0.75 || (roll >= 0.9 && edges.length === 0 && oldEdges.length === 0)) {
      const k = either(nodes, oldNodes);
      // An existing node may have no evidence yet (most generated ones have none), and an edit must leave at least
      // one piece: give it the quote as well.
      const change =
        i % 3 === 0
          ? { addEvidence: [{ curatorAsserted: true, note: `Checked by the reliability run, write ${i}.` }] }
          : { description: `Reliability write ${i}.`, ...(old.has(k) ? { addEvidence: evidence } : {}) };
      const r = await send('update-node', 'PATCH', `/api/nodes/${encodeURIComponent(k.id)}`, {
        version: k.version,
        ...change,
      });
      if (
        outcome(r, () => {
          const v = (r.body?.error?.current as GraphNode | GraphEdge | undefined)?.properties.version;
          if (typeof v === 'number') k.version = v;
        })
      )
        Object.assign(k, record('update-node', 'node', r.body));
    } else if (roll < 0.9) {
      // From a node of the run (a Country: COOPERATES_WITH goes actor to actor) to one of its own or an existing actor.
      const a = pick(nodes);
      const b =
        oldNodes.length && Math.random() < 0.5
          ? pick(oldNodes)
          : (nodes.find((x) => x !== a && Math.random() < 0.5) ?? nodes.find((x) => x !== a)!);
      const r = await send('create-edge', 'POST', '/api/edges', {
        type: 'COOPERATES_WITH',
        source: a.id,
        target: b.id,
        properties: { topic: `write ${i}` },
        evidence,
      });
      if (outcome(r)) edges.push(record('create-edge', 'edge', r.body));
    } else {
      const e = either(edges, oldEdges);
      const r = await send('update-edge', 'PATCH', `/api/edges/${encodeURIComponent(e.id)}`, {
        version: e.version,
        properties: { topic: `updated by write ${i}` },
        ...(old.has(e) ? { addEvidence: evidence } : {}),
      });
      if (
        outcome(r, () => {
          const v = (r.body?.error?.current as GraphNode | GraphEdge | undefined)?.properties.version;
          if (typeof v === 'number') e.version = v;
        })
      )
        Object.assign(e, record('update-edge', 'edge', r.body));
    }
  };
  const loop = async (): Promise<void> => {
    while (running) {
      const before = log.samples.length;
      await step();
      const last = log.samples[before];
      await new Promise((r) =>
        setTimeout(r, last?.status === 0 ? Math.max(opts.pauseMs ?? 0, 50) : (opts.pauseMs ?? 0)),
      );
    }
  };
  const loops = Array.from({ length: opts.concurrency ?? 1 }, loop);
  return {
    log,
    inFlight: () => inFlight,
    async stop() {
      running = false;
      await Promise.all(loops);
      return log;
    },
  };
}
