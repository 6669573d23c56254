// The reliability run on a generated graph (`--graph`): its writers also edit and link to existing elements, its
// consistency check finds those by id (a relationship through its start node) and catches a tampered one, and a
// data directory is copied for the run rather than used, and refused while a Neo4j has it open.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphEdge, WriteResponse } from '../../contract/index.js';
import { removeRunData } from '../../reliability/accounts.js';
import { checkConsistency } from '../../reliability/consistency.js';
import { startCuratorWrites, writeQuote, type WriteLog } from '../../reliability/curator-writes.js';
import { GraphDirError, jvmsOn, prepareGraphDir } from '../../reliability/graph-dir.js';
import { loginAs, type LoggedIn } from '../setup/auth.js';
import { SOURCE_ID, startCuration, type Curation } from '../setup/curation-fixtures.js';
import { startTestApp, type TestApp } from '../setup/test-app.js';

describe('curator writes with existing targets, and the consistency check by id', () => {
  let app: TestApp;
  let curation: Curation;
  let writer: LoggedIn;
  let log: WriteLog | undefined;
  const targets = {
    nodes: [] as { id: string; version: number }[],
    edges: [] as { id: string; version: number }[],
  };

  beforeAll(async () => {
    app = await startTestApp();
    curation = await startCuration(app);
    writer = await loginAs(app, 'curator');
    // "Existing" elements of the test's own (not the seed's: other test files read those).
    for (let i = 0; i < 3; i++) {
      const n = await curation.country();
      targets.nodes.push({ id: n.id, version: n.properties.version as number });
    }
    const edge = await app.send<WriteResponse<GraphEdge>>(
      'POST',
      '/api/edges',
      {
        type: 'COOPERATES_WITH',
        source: targets.nodes[0]!.id,
        target: targets.nodes[1]!.id,
        properties: { topic: 'fixture' },
        evidence: [{ sourceId: SOURCE_ID, quote: curation.quote }],
      },
      curation.as.curator.headers,
    );
    expect(edge.status, JSON.stringify(edge.body)).toBe(201);
    const made = edge.body.result!;
    targets.edges.push({ id: made.id, version: made.properties.version as number });
  });

  afterAll(async () => {
    if (log)
      await removeRunData(app.store, {
        idPrefixes: [`country:rel-${log.tag}-`],
        usernames: [writer.username],
      });
    await curation?.cleanup();
    await app?.close();
  });

  it('edits and links to the existing elements, every acknowledged write is present, and tampering is caught', async () => {
    const writes = startCuratorWrites({
      baseUrl: app.baseUrl,
      headers: writer.headers,
      quote: await writeQuote(app.baseUrl),
      targets,
      concurrency: 2,
    });
    const existing = new Set(targets.nodes.map((t) => t.id));
    const touched = (): { nodes: number; edges: number; links: number } => ({
      nodes: writes.log.acked.filter((a) => a.operation === 'update-node' && existing.has(a.targetId)).length,
      edges: writes.log.acked.filter(
        (a) => a.operation === 'update-edge' && a.targetId === targets.edges[0]!.id,
      ).length,
      links: writes.log.acked.filter(
        (a) => a.operation === 'create-edge' && existing.has(a.targetId.split('|')[2]!),
      ).length,
    });
    const t0 = Date.now();
    while (Date.now() - t0 < 60_000) {
      const t = touched();
      if (t.nodes && t.edges && t.links && writes.log.acked.length >= 20) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    log = await writes.stop();
    // The writers updated existing nodes and an existing relationship, and linked their nodes to existing ones.
    const t = touched();
    expect(t.nodes).toBeGreaterThan(0);
    expect(t.edges).toBeGreaterThan(0);
    expect(t.links).toBeGreaterThan(0);
    expect(log.failedCodes).toEqual({});

    const orphanPrefix = `country:rel-${log.tag}-`;
    const report = await checkConsistency(app.store, {
      users: [writer.username],
      acked: log.acked,
      orphanPrefix,
    });
    expect(report.violations).toEqual([]);
    expect(report.writesPresent).toBe(log.acked.length);
    expect(report.edgesChecked).toBeGreaterThan(0);

    // Lose an acknowledged relationship and move an existing node past its history: both must be reported.
    const lost = log.acked.find((a) => a.operation === 'create-edge')!;
    const bumped = log.acked.find((a) => a.operation === 'update-node' && existing.has(a.targetId))!;
    await app.store.driver.executeQuery(
      'MATCH (a:Entity {id: $source})-[r]->() WHERE r.id = $id DELETE r',
      { source: lost.targetId.split('|')[0], id: lost.targetId },
      { database: app.store.database },
    );
    await app.store.driver.executeQuery(
      'MATCH (n:Entity {id: $id}) SET n.version = n.version + 1',
      { id: bumped.targetId },
      { database: app.store.database },
    );
    const tampered = await checkConsistency(app.store, {
      users: [writer.username],
      acked: log.acked,
      orphanPrefix,
    });
    expect(tampered.ok).toBe(false);
    expect(tampered.lostWrites).toBeGreaterThan(0);
    expect(tampered.violations.join('\n')).toContain(`E1 relationship ${lost.targetId}`);
    expect(tampered.violations.join('\n')).toContain(`N2 node ${bumped.targetId} is at version`);
  }, 120_000);
});

describe('a generated graph’s data directory', () => {
  const dirs: string[] = [];
  const fakeDataDir = (): string => {
    const d = mkdtempSync(join(tmpdir(), 'secgraph-graphdir-test-'));
    dirs.push(d);
    mkdirSync(join(d, 'data/databases/neo4j'), { recursive: true });
    writeFileSync(join(d, 'data/databases/neo4j/store'), 'generated store');
    return d;
  };
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('is copied for the run and left as it was; in place it is used as it is', () => {
    const source = fakeDataDir();
    const copy = prepareGraphDir(source, { inPlace: false });
    expect(copy.copied).toBe(true);
    expect(copy.dataDir).not.toBe(source);
    expect(readFileSync(join(copy.dataDir, 'data/databases/neo4j/store'), 'utf8')).toBe('generated store');
    writeFileSync(join(copy.dataDir, 'data/databases/neo4j/store'), 'written by the run');
    copy.remove();
    expect(existsSync(copy.dataDir)).toBe(false);
    expect(readFileSync(join(source, 'data/databases/neo4j/store'), 'utf8')).toBe('generated store');
    const inPlace = prepareGraphDir(source, { inPlace: true });
    expect(inPlace).toMatchObject({ copied: false, dataDir: source });
  });

  it('is refused when it is no data directory, or while a Neo4j launcher has it open', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'secgraph-graphdir-test-'));
    dirs.push(empty);
    expect(() => prepareGraphDir(empty, { inPlace: false })).toThrow(GraphDirError);
    const source = fakeDataDir();
    // A process whose arguments name the launcher and the directory, as the embedded Neo4j's JVM does.
    const holder = spawn('bash', ['-c', 'sleep 30; :', 'org.secgraph.Launcher', source], { stdio: 'ignore' });
    try {
      for (let i = 0; i < 50 && !jvmsOn(source).length; i++) await new Promise((r) => setTimeout(r, 50));
      expect(jvmsOn(source)).toEqual([holder.pid]);
      expect(jvmsOn(`${source}-other`)).toEqual([]);
      expect(() => prepareGraphDir(source, { inPlace: false })).toThrow(/has it open/);
    } finally {
      holder.kill('SIGKILL');
    }
  });
});
