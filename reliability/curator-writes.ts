// Curator write traffic through the HTTP API (creates and updates with evidence), recording every acknowledged write.
import { randomBytes } from 'node:crypto';
import type { ErrorResponse, GraphEdge, GraphNode, WriteResponse } from '../contract/index.js';
import type { Sample } from './stats.js';

/** A write's answer: `result` and `change` after a 2xx, `error` (with the current state on a 409) otherwise. */
type WriteAnswer = Partial<WriteResponse<GraphNode | GraphEdge> & ErrorResponse>;

/** The seed source every write quotes. */
export const WRITE_SOURCE_ID = 'source:000-noem-five-country-ministerial';

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
  /** A sentence verbatim in WRITE_SOURCE_ID's text. */
  quote: string;
  /** Concurrent writers (default 1). */
  concurrency?: number;
  /** Pause after each write per writer (default 0): a trickle during the soak, a flood for the kill test. */
  pauseMs?: number;
  tag?: string;
  timeoutMs?: number;
}

/** Reads a verbatim sentence of the write source through the API. */
export async function writeQuote(baseUrl: string, headers: Record<string, string> = {}): Promise<string> {
  const r = await fetch(`${baseUrl}/api/sources/${encodeURIComponent(WRITE_SOURCE_ID)}`, { headers });
  if (!r.ok) throw new Error(`curator writes: GET the write source answered ${r.status}`);
  const text = ((await r.json()) as { source: { text: string } }).source.text;
  const line = text
    .split('\n')
    .map((l) => l.trim())
    .find((l) => l.length > 60);
  if (!line) throw new Error('curator writes: the write source has no sentence to quote');
  return line;
}

interface Known {
  id: string;
  version: number;
}

/** Starts the writers: each loops create node / update node / create relationship / update relationship. */
export function startCuratorWrites(opts: CuratorWritesOptions): CuratorWrites {
  const tag = opts.tag ?? randomBytes(3).toString('hex');
  const log: WriteLog = { tag, attempted: 0, acked: [], conflicts: 0, failed: {}, samples: [] };
  const nodes: Known[] = [];
  const edges: Known[] = [];
  const evidence = [{ sourceId: WRITE_SOURCE_ID, quote: opts.quote }];
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
  const outcome = (status: number, onConflict?: () => void): boolean => {
    if (status >= 200 && status < 300) return true;
    if (status === 409) {
      log.conflicts++;
      onConflict?.();
      return false;
    }
    log.failed[String(status)] = (log.failed[String(status)] ?? 0) + 1;
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
      if (outcome(r.status)) nodes.push(record('create-node', 'node', r.body));
    } else if (roll < 0.75 || (roll >= 0.9 && edges.length === 0)) {
      const k = nodes[Math.floor(Math.random() * nodes.length)]!;
      const change =
        i % 3 === 0
          ? { addEvidence: [{ curatorAsserted: true, note: `Checked by the reliability run, write ${i}.` }] }
          : { description: `Reliability write ${i}.` };
      const r = await send('update-node', 'PATCH', `/api/nodes/${encodeURIComponent(k.id)}`, {
        version: k.version,
        ...change,
      });
      if (
        outcome(r.status, () => {
          const v = (r.body?.error?.current as GraphNode | GraphEdge | undefined)?.properties.version;
          if (typeof v === 'number') k.version = v;
        })
      )
        Object.assign(k, record('update-node', 'node', r.body));
    } else if (roll < 0.9) {
      const a = nodes[Math.floor(Math.random() * nodes.length)]!;
      const b = nodes.find((x) => x !== a && Math.random() < 0.5) ?? nodes.find((x) => x !== a)!;
      const r = await send('create-edge', 'POST', '/api/edges', {
        type: 'COOPERATES_WITH',
        source: a.id,
        target: b.id,
        properties: { topic: `write ${i}` },
        evidence,
      });
      if (outcome(r.status)) edges.push(record('create-edge', 'edge', r.body));
    } else {
      const e = edges[Math.floor(Math.random() * edges.length)]!;
      const r = await send('update-edge', 'PATCH', `/api/edges/${encodeURIComponent(e.id)}`, {
        version: e.version,
        properties: { topic: `updated by write ${i}` },
      });
      if (
        outcome(r.status, () => {
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
