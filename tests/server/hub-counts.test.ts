// A generated graph of 10,000 nodes whose biggest threat has a few thousand neighbours, some soft-deleted: the schema
// is read from Neo4j's count store, and the hub's neighbour counts from its degree store and a sample, without
// reading every neighbour; every figure still matches what a full scan finds, or says it is an estimate.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NeighbourCountsResponse, NeighboursResponse, SchemaResponse } from '../../contract/index.js';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from '../../server/src/embedded-neo4j.js';
import { NODE_LABELS, RELATIONSHIP_TYPE_NAMES } from '../../server/src/schema.js';
import { HUB_DEGREE, SAMPLE_PER_TYPE, samplingRate } from '../../server/src/services/neighbour-counts.js';
import { createGraphStore, type GraphStore } from '../../server/src/store/neo4j-store.js';
import { PAGE_SAMPLING } from '../../server/src/store/neighbour-reads.js';
import { loadQueries } from '../../server/src/store/queries.js';
import { splice } from '../../server/src/store/spliced.js';
import { generateGraph } from '../../scripts/generator/writer.js';
import { startTestApp, type TestApp } from '../setup/test-app.js';

const QUERIES = loadQueries();
const enc = encodeURIComponent;

let db: EmbeddedNeo4j;
let dir: string;
let store: GraphStore;
let app: TestApp;
let hub: { id: string; degree: number };

/** Rows of a read through the raw driver, integers as numbers. */
async function rows<T extends Record<string, unknown>>(
  cypher: string,
  params: Record<string, unknown> = {},
): Promise<T[]> {
  const res = await store.driver.executeQuery(cypher, params, { database: store.database });
  return res.records.map(
    (r) =>
      Object.fromEntries(r.keys.map((k) => [k, neo4j.isInt(r.get(k)) ? Number(r.get(k)) : r.get(k)])) as T,
  );
}

interface PlanStep {
  operatorType: string;
  dbHits: number;
  rows: number;
  arguments: Record<string, unknown>;
  children: PlanStep[];
}
const steps = (p: PlanStep): PlanStep[] => [p, ...p.children.flatMap(steps)];
const operator = (s: PlanStep): string => s.operatorType.split('@')[0]!;

async function profile(cypher: string, params: Record<string, unknown> = {}): Promise<PlanStep[]> {
  const res = await store.driver.executeQuery(`PROFILE ${cypher}`, params, { database: store.database });
  return steps(res.summary.profile as unknown as PlanStep);
}
const dbHits = (plan: PlanStep[]): number => plan.reduce((n, s) => n + s.dbHits, 0);

/** Soft-deletes a node the way curation does (only :Deleted left), through the store so its caches hear of it. */
async function softDelete(id: string): Promise<void> {
  const [node] = await rows<{ props: Record<string, unknown> }>(
    'MATCH (n:Entity {id: $id}) RETURN properties(n) AS props',
    { id },
  );
  await store.write('curation-node-put', {
    id,
    current: 'live',
    live: false,
    labels: [],
    modelLabels: NODE_LABELS,
    props: node!.props,
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'secgraph-hubs-'));
  db = await startEmbeddedNeo4j({ dataDir: dir, heap: '512m', pageCacheMb: 128 });
  store = await createGraphStore({ uri: db.uri, queryTimeoutMs: 60_000 });
  await generateGraph(store, { nodes: 10_000, seed: 42, batchSize: 5_000, onProgress: () => {} });
  const [top] = await rows<{ id: string; degree: number }>(
    'MATCH (n:Entity) WITH n, COUNT { (n)--() } AS degree ORDER BY degree DESC LIMIT 1 RETURN n.id AS id, degree',
  );
  hub = { id: top!.id, degree: top!.degree };
  // Three of the hub's neighbours, and both ends of one relationship elsewhere, are soft-deleted.
  for (const r of await rows<{ id: string }>(
    'MATCH (:Entity {id: $id})--(m:Actor) RETURN m.id AS id LIMIT 3',
    {
      id: hub.id,
    },
  ))
    await softDelete(r.id);
  const [pair] = await rows<{ a: string; b: string }>(
    `MATCH (a:Person)-[:HOLDS_OFFICE]->(b:Organization) WHERE NOT (a)--(:Entity {id: $id}) AND NOT (b)--(:Entity {id: $id})
     RETURN a.id AS a, b.id AS b LIMIT 1`,
    { id: hub.id },
  );
  await softDelete(pair!.a);
  await softDelete(pair!.b);
  app = await startTestApp({ store });
}, 600_000);

afterAll(async () => {
  await app?.close();
  await store?.close();
  await db?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('a generated graph with a hub', () => {
  it('has a hub of a few thousand neighbours and soft-deleted nodes (so each check below can fail)', async () => {
    expect(hub.degree).toBeGreaterThan(HUB_DEGREE);
    expect(hub.degree).toBeLessThan(20_000);
    const [deleted] = await rows<{ n: number; links: number }>(
      'MATCH (d:Deleted) RETURN count(d) AS n, COUNT { (:Deleted)--() } AS links',
    );
    expect(deleted).toMatchObject({ n: 5 });
    expect(deleted!.links).toBeGreaterThan(5);
  });
});

describe('GET /api/schema on the generated graph', () => {
  it('counts every label and type as a full scan of live nodes does', async () => {
    const { status, body: schema } = await app.get<SchemaResponse>('/api/schema');
    expect(status).toBe(200);
    const labels = Object.fromEntries(
      (
        await rows<{ l: string; c: number }>('MATCH (n:Entity) UNWIND labels(n) AS l RETURN l, count(*) AS c')
      ).map((r) => [r.l, r.c]),
    );
    for (const l of schema.labels) expect(l.count, l.label).toBe(labels[l.label] ?? 0);
    const types = Object.fromEntries(
      (
        await rows<{ t: string; c: number }>(
          'MATCH (:Entity)-[r]->(:Entity) RETURN type(r) AS t, count(r) AS c',
        )
      ).map((r) => [r.t, r.c]),
    );
    for (const t of schema.relationshipTypes) expect(t.count, t.type).toBe(types[t.type] ?? 0);
    const [totals] = await rows<{ nodes: number; relationships: number }>(
      'MATCH (n:Entity) WITH count(n) AS nodes MATCH (:Entity)-[r]->(:Entity) RETURN nodes, count(r) AS relationships',
    );
    expect(schema.totals).toEqual(totals);
  });

  it('is read from the count store: its plan reads no node but the soft-deleted ones', async () => {
    const text = splice(QUERIES['schema-counts'], { label: NODE_LABELS, type: RELATIONSHIP_TYPE_NAMES });
    const plan = await profile(text);
    const ops = plan.map(operator);
    expect(ops.filter((o) => o === 'NodeCountFromCountStore')).toHaveLength(NODE_LABELS.length + 1);
    expect(ops.filter((o) => o === 'RelationshipCountFromCountStore')).toHaveLength(
      RELATIONSHIP_TYPE_NAMES.length,
    );
    const scans = plan.filter((s) => /Scan|Seek/.test(operator(s)));
    expect(scans.map((s) => `${operator(s)} ${String(s.arguments.Details)}`)).toEqual([
      expect.stringMatching(/^NodeByLabelScan .*:Deleted/),
    ]);
    // 10,000 nodes and 50,000 relationships, but only the five deleted nodes and their links are read: a few db hits
    // each, against one or more per node for a scan.
    const [deleted] = await rows<{ n: number; links: number }>(
      'MATCH (d:Deleted) RETURN count(d) AS n, COUNT { (:Deleted)--() } AS links',
    );
    expect(dbHits(plan)).toBeLessThan(50 + 4 * (deleted!.n + deleted!.links));
    const scan = await profile('MATCH (n:Entity) UNWIND labels(n) AS l RETURN l, count(*) AS c');
    expect(dbHits(plan) * 20).toBeLessThan(dbHits(scan));
  });
});

describe('GET /api/nodes/:hub/neighbour-counts', () => {
  const counts = async (): Promise<NeighbourCountsResponse> => {
    const { status, body } = await app.get<NeighbourCountsResponse>(
      `/api/nodes/${enc(hub.id)}/neighbour-counts`,
    );
    expect(status).toBe(200);
    return body;
  };

  it('counts each type and direction as a scan of live neighbours does, deleted neighbours left out', async () => {
    const c = await counts();
    expect(c.sample).toBeDefined();
    const scan = await rows<{ type: string; out: number; in: number; count: number }>(
      `MATCH (h:Entity {id: $id})-[r]-(m:Entity)
       RETURN type(r) AS type, sum(CASE WHEN startNode(r) = h THEN 1 ELSE 0 END) AS out,
              sum(CASE WHEN startNode(r) = h THEN 0 ELSE 1 END) AS in, count(DISTINCT m) AS count`,
      { id: hub.id },
    );
    expect(c.byType.map((t) => t.type).sort()).toEqual(scan.map((s) => s.type).sort());
    for (const s of scan) {
      const t = c.byType.find((x) => x.type === s.type)!;
      expect({ out: t.out, in: t.in }, s.type).toEqual({ out: s.out, in: s.in });
      if (!t.estimate) expect(t.count, s.type).toBe(s.count);
    }
  });

  it('estimates labels and threats from a sample that says so, close to the real figures', async () => {
    const c = await counts();
    const [exact] = await rows<{ total: number; labels: { label: string; count: unknown }[] }>(
      `MATCH (:Entity {id: $id})--(m:Entity) WITH DISTINCT m
       WITH count(m) AS total, collect(m) AS ms
       RETURN total, [l IN $labels | {label: l, count: size([m IN ms WHERE l IN labels(m)])}] AS labels`,
      { id: hub.id, labels: NODE_LABELS },
    );
    expect(c.byLabel.some((l) => l.estimate)).toBe(true);
    for (const { label, count: n } of exact!.labels) {
      const count = Number(n);
      const shown = c.byLabel.find((l) => l.label === label);
      if (count < exact!.total / 10) continue;
      expect(shown, label).toBeDefined();
      if (shown!.estimate) expect(Math.abs(shown!.count - count) / count, label).toBeLessThan(0.25);
      else expect(shown!.count, label).toBe(count);
    }
    const threats = await rows<{ id: string; count: number }>(
      `MATCH (:Entity {id: $id})--(m:Entity) WITH DISTINCT m
       MATCH (m)-[:ADDRESSES|FOCUSES_ON]->{0,1}(:ThreatType)(()-[:SUBTYPE_OF]->(:ThreatType)){0,}(t:ThreatType)
       WITH t, count(DISTINCT m) AS count WHERE count > $share RETURN t.id AS id, count`,
      { id: hub.id, share: neo4j.int(Math.floor(exact!.total / 10)) },
    );
    expect(threats.length).toBeGreaterThan(0);
    for (const t of threats) {
      const shown = c.byThreat.find((x) => x.threat.id === t.id);
      expect(shown, t.id).toBeDefined();
      if (shown!.estimate) expect(Math.abs(shown!.count - t.count) / t.count, t.id).toBeLessThan(0.25);
      else expect(shown!.count, t.id).toBe(t.count);
    }
  });

  it('does not read every neighbour: degrees without expanding, neighbours read only for the sample', async () => {
    const c = await counts();
    const degreeText = splice(QUERIES['neighbour-degree'], { type: RELATIONSHIP_TYPE_NAMES });
    const degreePlan = await profile(degreeText, { id: hub.id });
    expect(degreePlan.map(operator).filter((o) => /Expand/.test(o))).toEqual([]);
    expect(dbHits(degreePlan)).toBeLessThan(10 + 4 * RELATIONSHIP_TYPE_NAMES.length);

    const rates = Object.fromEntries(
      RELATIONSHIP_TYPE_NAMES.map((t) => {
        const d = c.byType.find((x) => x.type === t);
        return [t, neo4j.int(samplingRate(d ? d.out + d.in : 0))];
      }),
    );
    const samplePlan = await profile(QUERIES['neighbour-sample'], { id: hub.id, rates });
    const deletedPlan = await profile(QUERIES['neighbour-deleted'], { id: hub.id });
    // The node is found by its key, never by scanning every entity for each deleted node (the planner once chose a
    // NodeIndexScan here: 49,980 db hits where the seek reads 10).
    expect(deletedPlan.map(operator).filter((o) => /Scan/.test(o) && o !== 'NodeByLabelScan')).toEqual([]);
    expect(deletedPlan.map(operator)).toContain('NodeUniqueIndexSeek');
    // Each relationship record is read once (with its type); a neighbour and its threats only when sampled.
    expect(c.sample!.size).toBeLessThanOrEqual(SAMPLE_PER_TYPE * c.byType.length);
    expect(c.sample!.size).toBeLessThan(hub.degree / 2);
    expect(dbHits(samplePlan)).toBeLessThan(2 * hub.degree + 30 * c.sample!.size);
    // The exact statement runs first and reads nothing more than the hub's degree once it is over HUB_DEGREE.
    const guardPlan = await profile(QUERIES['neighbour-counts'], {
      id: hub.id,
      hubDegree: neo4j.int(HUB_DEGREE),
    });
    expect(dbHits(guardPlan)).toBeLessThan(20);
    const hubHits = dbHits(guardPlan) + dbHits(degreePlan) + dbHits(samplePlan) + dbHits(deletedPlan);
    const exactHits = dbHits(
      await profile(QUERIES['neighbour-counts'], { id: hub.id, hubDegree: neo4j.int(hub.degree) }),
    );
    expect(hubHits * 2).toBeLessThan(exactHits);
  });
});

describe('GET /api/nodes/:hub/neighbours', () => {
  const page = async (skip: number, limit: number): Promise<NeighboursResponse> => {
    const { status, body } = await app.get<NeighboursResponse>(
      `/api/nodes/${enc(hub.id)}/neighbours?limit=${limit}&skip=${skip}`,
    );
    expect(status).toBe(200);
    return body;
  };
  /** Every live neighbour with its degree, and whether one of its links to the hub is in the page's sample. */
  const neighbours = async (rate: number) =>
    rows<{ id: string; degree: number; sampled: boolean }>(
      `MATCH (:Entity {id: $id})-[r]-(m:Entity)
       WITH m, max(CASE WHEN (id(r) * 7919) % 104729 % $rate = 0 THEN 1 ELSE 0 END) = 1 AS sampled
       RETURN m.id AS id, COUNT { (m)--() } AS degree, sampled`,
      { id: hub.id, rate: neo4j.int(rate) },
    );
  const shownIds = (p: NeighboursResponse): string[] =>
    p.nodes.map((n) => n.id).filter((id) => id !== hub.id);

  it('ranks the first page on a sample it names, with the exact total', async () => {
    const first = await page(0, 50);
    const rate = Math.ceil(hub.degree / PAGE_SAMPLING.sampleSize);
    const all = await neighbours(rate);
    expect(first.total).toBe(all.length);
    expect(first.truncated).toBe(true);
    const sampled = all.filter((n) => n.sampled);
    expect(first.sample).toEqual({ size: sampled.length, of: hub.degree });
    expect(sampled.length).toBeLessThan(all.length * 0.75);
    const shown = new Set(shownIds(first));
    expect(shown.size).toBe(50);
    // The 50 are sampled neighbours, and none of the other sampled ones is more connected.
    expect(sampled.filter((n) => shown.has(n.id))).toHaveLength(50);
    const kept = sampled.filter((n) => shown.has(n.id)).map((n) => n.degree);
    const left = sampled.filter((n) => !shown.has(n.id)).map((n) => n.degree);
    expect(Math.min(...kept)).toBeGreaterThanOrEqual(Math.max(...left));
  });

  it(
    'pages through the sample and then the rest: every neighbour once, each part most connected first',
    { timeout: 180_000 },
    async () => {
      const all = await neighbours(Math.ceil(hub.degree / PAGE_SAMPLING.sampleSize));
      const degreeOf = new Map(all.map((n) => [n.id, n.degree]));
      const seen: string[] = [];
      for (let skip = 0; ; skip += 500) {
        const p = await page(skip, 500);
        expect(p.sample).toBeDefined();
        seen.push(...shownIds(p));
        if (!p.truncated) break;
      }
      expect(seen).toHaveLength(all.length);
      expect(new Set(seen)).toEqual(new Set(all.map((n) => n.id)));
      const size = all.filter((n) => n.sampled).length;
      const sampledIds = new Set(all.filter((n) => n.sampled).map((n) => n.id));
      expect(seen.slice(0, size).every((id) => sampledIds.has(id))).toBe(true);
      for (const part of [seen.slice(0, size), seen.slice(size)]) {
        const d = part.map((id) => degreeOf.get(id)!);
        expect(d).toEqual([...d].sort((a, b) => b - a));
      }
      const last = await page(all.length - 10, 50);
      expect(last.nodes).toHaveLength(11);
      expect(last.truncated).toBe(false);
    },
  );

  it('reads only the sampled neighbours for the first page, not every one', async () => {
    const params = {
      id: hub.id,
      relTypes: null,
      direction: null,
      labels: null,
      threatIds: null,
      skip: neo4j.int(0),
      limit: neo4j.int(50),
    };
    // A small sample makes the difference plain on a hub of a few thousand: each unsampled neighbour costs its
    // relationship record and its label, a ranked one also its degree.
    const sampledHits = dbHits(
      await profile(QUERIES['neighbours-sampled'], {
        ...params,
        hubDegree: neo4j.int(PAGE_SAMPLING.hubDegree),
        sampleSize: neo4j.int(100),
      }),
    );
    const everyHits = dbHits(await profile(QUERIES.neighbours, { ...params, rate: neo4j.int(1) }));
    expect(sampledHits).toBeLessThan(everyHits * 0.75);
  });
});
