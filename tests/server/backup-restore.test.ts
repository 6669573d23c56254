// npm run backup / npm run restore: the curated seed graph (changes, a user, a workspace, every property type) backed
// up with the CLI while the app serves, restored into a FRESH Neo4j, and compared node by node; bad files and
// non-empty databases are refused without changing anything; a write during the read makes the backup try again.
import type { ChangeListResponse, MeResponse, SearchResponse, Workspace } from '../../contract/index.js';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from '../../server/src/embedded-neo4j.js';
import type {
  BackupHeader,
  BackupLine,
  EndLine,
  NodeLine,
} from '../../server/src/services/backup/backup-format.js';
import { InconsistentSnapshotError, writeBackup } from '../../server/src/services/backup/write-backup.js';
import { createGraphStore, type GraphStore } from '../../server/src/store/neo4j-store.js';
import { startCuration, SOURCE_ID, suffix, type Curation } from '../setup/curation-fixtures.js';
import { dumpDatabase, type DatabaseDump } from '../setup/database-dump.js';
import { addArticle, dropIngestState } from '../setup/ingest-fixtures.js';
import { extractionPool } from '../../server/src/services/ingest/extraction-pool.js';
import { startTestApp, type TestApp } from '../setup/test-app.js';

const ROOT = join(import.meta.dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'secgraph-backup-test-'));
/** The auth secret the backed-up deployment uses: named in the backup, never in it. */
const SECRET = `backup-test-secret-${randomBytes(24).toString('hex')}`;
const SECRET_FILE = join(work, 'auth-secret');
const EXOTIC_ID = `technology:zz-backup-types-${suffix()}`;

let app: TestApp;
let c: Curation;
let workspaceId: string;
/** The article added before the backup (ingest's state must survive it). */
let ingestSource: string | undefined;
let source: DatabaseDump;
let fresh: EmbeddedNeo4j | undefined;
let freshStore: GraphStore | undefined;

/** The test database's connection, as the CLI reads it from the environment. */
const sourceEnv = (): NodeJS.ProcessEnv => ({
  NEO4J_URI: inject('neo4jUri'),
  NEO4J_USERNAME: inject('neo4jUser'),
  NEO4J_PASSWORD: inject('neo4jPassword'),
  ...(inject('neo4jDatabase') ? { NEO4J_DATABASE: inject('neo4jDatabase') } : {}),
});

/** Runs `npm run <script> -- args` as a child process (tsx directly, as npm would), with only these variables set. */
function cli(
  script: 'backup' | 'restore',
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      join(ROOT, 'node_modules/.bin/tsx'),
      [join(ROOT, `scripts/${script}.ts`), ...args],
      {
        cwd: ROOT,
        env: {
          PATH: process.env.PATH,
          HOME: process.env.HOME,
          AUTH_SECRET_FILE: SECRET_FILE,
          NEO4J_HEAP: '256m',
          NEO4J_PAGECACHE_MB: '32',
          ...env,
        },
        maxBuffer: 16 << 20,
        timeout: 280_000,
      },
      (err, stdout, stderr) =>
        resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** A node and a relationship holding every property type Neo4j stores, at its edges (zones, big ints, NaN). */
async function addExoticTypes(store: GraphStore): Promise<void> {
  await store.driver.executeQuery(
    `CREATE (t:Entity:Technology {id: $id, name: 'Backup type fixture', version: 1, evidence: '[]', sourceIds: [],
       big: 9007199254740993, negative: -42, float: 1.0, nan: 0.0/0.0, inf: -1.0/0.0, flag: false,
       floats: [0.5, 2.0], ints: [1, -2], words: ['a', 'b;c'], empty: [], bytes: $bytes,
       day: date('2024-02-29'), local: localtime('23:59:59.999999999'), clock: time('10:00:00+01:00'),
       localStamp: localdatetime('2024-01-01T00:00:00.000000001'),
       zoned: datetime('2024-10-27T02:30:00+01:00[Europe/Paris]'), offset: datetime('1969-07-20T20:17:40.5-05:30'),
       span: duration('P1Y2M3DT4H5M6.007S'), where: point({longitude: 2.35, latitude: 48.85}),
       place: point({x: 1.5, y: -2.5, z: 3.0}), stamps: [datetime('2025-01-01T00:00:00Z')]})
     WITH t MATCH (uk:Entity {id: 'country:uk'})
     CREATE (uk)-[:USES_TECHNOLOGY {id: $rid, since: date('2020-01-01'), weight: 0.25, count: 3, evidence: '[]'}]->(t)`,
    {
      id: EXOTIC_ID,
      rid: `country:uk|USES_TECHNOLOGY|${EXOTIC_ID}`,
      bytes: new Int8Array([0, 1, -1, 127, -128]),
    },
    { database: store.database },
  );
}

beforeAll(async () => {
  writeFileSync(SECRET_FILE, SECRET, { mode: 0o600 });
  app = await startTestApp();
  c = await startCuration(app);
  // Curation through the API, so :Change nodes of every kind exist: create, update, delete, merge, a relationship.
  const kept = await c.country(`Backupland ${suffix()}`);
  const dup = await c.country(`Backup duplicate ${suffix()}`, { aliases: ['BDup'] });
  const gone = await c.country(`Backup gone ${suffix()}`);
  const h = c.as.curator.headers;
  const patched = await app.send(
    'PATCH',
    `/api/nodes/${encodeURIComponent(kept.id)}`,
    { version: 1, description: 'Edited before the backup.' },
    h,
  );
  expect(patched.status, JSON.stringify(patched.body)).toBe(200);
  const edge = await app.send(
    'POST',
    '/api/edges',
    {
      type: 'COOPERATES_WITH',
      source: kept.id,
      target: 'country:fr',
      evidence: [{ sourceId: SOURCE_ID, quote: c.quote }],
    },
    h,
  );
  expect(edge.status, JSON.stringify(edge.body)).toBe(201);
  const merged = await app.send(
    'POST',
    `/api/nodes/${encodeURIComponent(kept.id)}/merge`,
    { otherId: dup.id, version: 2, otherVersion: 1 },
    h,
  );
  expect(merged.status, JSON.stringify(merged.body)).toBe(200);
  const deleted = await app.send('DELETE', `/api/nodes/${encodeURIComponent(gone.id)}`, { version: 1 }, h);
  expect(deleted.status, JSON.stringify(deleted.body)).toBe(200);
  const ws = await app.send<Workspace>('POST', '/api/workspaces', {
    name: `Backup workspace ${suffix()}`,
    scene: {
      nodes: [
        { id: kept.id, x: 1, y: 2 },
        { id: 'country:fr', x: 3, y: 4 },
      ],
    },
  });
  expect(ws.status, JSON.stringify(ws.body)).toBe(201);
  workspaceId = ws.body.id;
  await extractionPool.warmUp();
  // Ingest's state: a source with its SHA-256, its extraction record, and suggestions pending and decided.
  const article = await addArticle(app, c, h);
  ingestSource = article.result!.id;
  const rejected = await app.send(
    'POST',
    `/api/suggestions/${article.suggestions[0]!.id}/reject`,
    { note: 'Before the backup.' },
    h,
  );
  expect(rejected.status, JSON.stringify(rejected.body)).toBe(200);
  await addExoticTypes(app.store);
}, 240_000);

afterAll(async () => {
  await freshStore?.close();
  await fresh?.stop();
  if (workspaceId) await app.send('DELETE', `/api/workspaces/${workspaceId}`);
  await app.store.driver.executeQuery(
    'MATCH (n:Entity {id: $id}) DETACH DELETE n',
    { id: EXOTIC_ID },
    { database: app.store.database },
  );
  if (ingestSource) await dropIngestState(app, [ingestSource]);
  await c?.cleanup();
  await app?.close();
  rmSync(work, { recursive: true, force: true });
}, 120_000);

/** The backup file's lines, parsed. */
const linesOf = (file: string): [BackupHeader, ...BackupLine[]] =>
  gunzipSync(readFileSync(file))
    .toString('utf8')
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l) as unknown) as [BackupHeader, ...BackupLine[]];

describe('npm run backup, then npm run restore into a fresh Neo4j', () => {
  const file = join(work, 'curated.ndjson.gz');
  const restoredDir = join(work, 'restored-neo4j');

  it('backs up while the app serves: header, every element, sessions left out, the secret named and never written', async () => {
    source = await dumpDatabase(app.store.driver, app.store.database);
    expect(source.changes.length).toBeGreaterThanOrEqual(6);
    const [backup, read] = await Promise.all([
      cli('backup', [file], sourceEnv()),
      app.get('/api/nodes/country:uk'),
    ]);
    expect(read.status).toBe(200);
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stdout).toMatch(/^Backup written: .*curated\.ndjson\.gz/);
    const lines = linesOf(file);
    const [header, ...rest] = lines;
    const end = rest.at(-1) as EndLine;
    expect(header).toMatchObject({
      format: 'secgraph-backup',
      version: 1,
      counts: { nodes: source.nodes.length, relationships: source.relationships.length },
      excludedLabels: ['Session'],
      authSecret: { source: 'file', name: SECRET_FILE, included: false },
    });
    expect(header.neo4j.version).toMatch(/^5\./);
    expect(Date.now() - Date.parse(header.createdAt)).toBeLessThan(600_000);
    expect(header.schema.map((i) => i.name)).toContain('entity_id');
    expect(end).toMatchObject({
      t: 'end',
      nodes: source.nodes.length,
      relationships: source.relationships.length,
    });
    expect(end.labels.Change).toBe(source.changes.length);
    expect(end.labels.User).toBeGreaterThanOrEqual(3);
    expect(end.labels.Workspace).toBeGreaterThanOrEqual(1);
    expect(end.labels.Session).toBeUndefined();
    const sessions = await app.store.driver.executeQuery(
      'MATCH (s:Session) RETURN count(s) AS n',
      {},
      { database: app.store.database },
    );
    expect(sessions.records[0]!.get('n').toNumber()).toBeGreaterThan(0);
    const text = gunzipSync(readFileSync(file)).toString('utf8');
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain(Buffer.from(SECRET).toString('base64'));
    const live = await app.store.driver.executeQuery(
      'MATCH (s:Session) RETURN collect(s.tokenHash) + collect(s.csrfToken) AS secrets',
      {},
      { database: app.store.database },
    );
    const sessionSecrets = live.records[0]!.get('secrets') as string[];
    expect(sessionSecrets.length).toBeGreaterThan(0);
    for (const s of sessionSecrets) expect(text).not.toContain(s);
    // Readable by its owner only: the file holds password hashes.
    expect(statSync(file).mode & 0o777).toBe(0o600);
  }, 300_000);

  it('restores into a fresh embedded Neo4j (--data-dir): every node, relationship, property with its type, and Change equal', async () => {
    const restore = await cli('restore', [file, '--data-dir', restoredDir], {});
    expect(restore.code, restore.stderr).toBe(0);
    expect(restore.stdout).toContain(`Restored ${source.nodes.length.toLocaleString('en')} nodes`);
    fresh = await startEmbeddedNeo4j({ dataDir: restoredDir, heap: '256m', pageCacheMb: 32 });
    freshStore = await createGraphStore({ uri: fresh.uri });
    const restored = await dumpDatabase(freshStore.driver);
    expect(restored.nodes.length).toBe(source.nodes.length);
    expect(restored.relationships.length).toBe(source.relationships.length);
    expect(restored.changes).toEqual(source.changes);
    expect(restored.nodes).toEqual(source.nodes);
    expect(restored.relationships).toEqual(source.relationships);
    // The types really are kept (the dump compares them too): a few spelled out.
    const exotic = restored.nodes.find((n) => n.includes(EXOTIC_ID))!;
    for (const t of [
      'big:INTEGER',
      'float:FLOAT',
      'zoned:ZONED DATETIME',
      'span:DURATION',
      'where:POINT',
      'local:LOCAL TIME',
    ])
      expect(exotic).toContain(t);
    expect(exotic).toContain('DateTime:2024-10-27T02:30:00+01:00[Europe/Paris]');
    // The app's constraints and indexes are back, the temporary restore key is gone.
    const indexes = (
      await freshStore.driver.executeQuery('SHOW INDEXES YIELD name RETURN collect(name) AS names')
    ).records[0]!.get('names') as string[];
    expect(indexes).toEqual(
      expect.arrayContaining([
        'entity_id',
        'entity_search',
        'change_id',
        'user_username_key',
        'workspace_id',
        'suggestion_id',
        'source_sha256',
      ]),
    );
    expect(indexes).not.toContain('restore_key');
    // Ingest's suggestions and extraction records came back with the rest (the dump above compared them too).
    const ingest = await freshStore.driver.executeQuery(
      `MATCH (x) WHERE (x:Suggestion OR x:Extraction) AND x.sourceId = $id
       RETURN sum(CASE WHEN x:Extraction THEN 1 ELSE 0 END) AS extractions,
         sum(CASE WHEN x:Suggestion THEN 1 ELSE 0 END) AS suggestions, count(x.decidedAt) AS decided`,
      { id: ingestSource },
    );
    const row = ingest.records[0]!;
    expect(row.get('extractions').toNumber()).toBe(1);
    expect(row.get('suggestions').toNumber()).toBeGreaterThan(1);
    expect(row.get('decided').toNumber()).toBe(1);
    const marked = await freshStore.driver.executeQuery('MATCH (n:RestoringNode) RETURN count(n) AS n');
    expect(marked.records[0]!.get('n').toNumber()).toBe(0);
  }, 600_000);

  it('the restored database serves the app: history, workspace, search, and a login with the same auth secret', async () => {
    const restoredApp = await startTestApp({ store: freshStore! });
    try {
      const feed = await restoredApp.get<ChangeListResponse>('/api/changes?limit=200');
      const original = await app.get<ChangeListResponse>('/api/changes?limit=200');
      expect(feed.status).toBe(200);
      expect(feed.body.changes).toEqual(original.body.changes);
      const ws = await restoredApp.get(`/api/workspaces/${workspaceId}`);
      expect(ws.status).toBe(200);
      expect(ws.body).toEqual((await app.get(`/api/workspaces/${workspaceId}`)).body);
      const search = await restoredApp.get<SearchResponse>('/api/search?q=Backupland');
      expect(search.body.nodes.length).toBeGreaterThan(0);
      const login = await restoredApp.send('POST', '/api/auth/login', {
        username: c.as.curator.username,
        password: c.as.curator.password,
        token: true,
      });
      expect(login.status, JSON.stringify(login.body)).toBe(200);
      // Sessions were not restored: the token issued before the backup is unknown here.
      const me = await restoredApp.send<MeResponse>('GET', '/api/auth/me', undefined, c.as.curator.headers);
      expect(me.body.user ?? null).toBeNull();
    } finally {
      await restoredApp.close();
    }
  }, 120_000);

  it('refuses a non-empty database, a missing, damaged, cut-short or foreign-version file, and a dangling relationship; nothing changes', async () => {
    const env = { NEO4J_URI: fresh!.uri };
    const before = await dumpDatabase(freshStore!.driver);
    const expectRefused = async (args: string[], message: RegExp): Promise<void> => {
      const res = await cli('restore', args, env);
      expect(res.code, `${args.join(' ')}: ${res.stdout}`).toBe(1);
      expect(res.stderr, args.join(' ')).toMatch(message);
      expect(res.stderr).not.toMatch(/\n\s+at /); // a clear line, not a stack
    };
    await expectRefused([file], /not empty: it holds [\d,]+ nodes .*nothing was changed.*--force/s);
    await expectRefused([join(work, 'nope.ndjson.gz')], /no such file/);
    const bytes = readFileSync(file);
    const damaged = Buffer.from(bytes);
    for (let i = 200; i < 260; i++) damaged[i] = damaged[i]! ^ 0x5a;
    writeFileSync(join(work, 'damaged.gz'), damaged);
    await expectRefused([join(work, 'damaged.gz'), '--force'], /damaged|not JSON/);
    writeFileSync(join(work, 'short.gz'), bytes.subarray(0, Math.floor(bytes.length / 2)));
    await expectRefused([join(work, 'short.gz'), '--force'], /cut short/);
    const lines = gunzipSync(bytes).toString('utf8').split('\n');
    const header = JSON.parse(lines[0]!);
    writeFileSync(
      join(work, 'v99.gz'),
      gzipSync([JSON.stringify({ ...header, version: 99 }), ...lines.slice(1)].join('\n')),
    );
    await expectRefused([join(work, 'v99.gz'), '--force'], /version 99, but this code reads version 1/);
    const r = lines.findIndex((l) => l.startsWith('{"t":"r"'));
    const dangling = lines.map((l, i) =>
      i === r ? JSON.stringify({ ...JSON.parse(l), e: '4:nowhere:0' }) : l,
    );
    writeFileSync(join(work, 'dangling.gz'), gzipSync(dangling.join('\n')));
    await expectRefused([join(work, 'dangling.gz'), '--force'], /node "4:nowhere:0" is not in the file/);
    const foreign = lines.map((l, i) => (i === 1 ? JSON.stringify({ ...JSON.parse(l), l: ['Pwned'] }) : l));
    writeFileSync(join(work, 'foreign.gz'), gzipSync(foreign.join('\n')));
    await expectRefused([join(work, 'foreign.gz'), '--force'], /label "Pwned" is not one the app stores/);
    writeFileSync(join(work, 'not-gzip.gz'), 'hello\n');
    await expectRefused([join(work, 'not-gzip.gz'), '--force'], /damaged or not a gzip/);
    expect(await dumpDatabase(freshStore!.driver)).toEqual(before);
  }, 600_000);

  it('a load that fails part way (a duplicate id the constraint refuses) deletes what it loaded: the database is empty again', async () => {
    const lines = gunzipSync(readFileSync(file)).toString('utf8').trimEnd().split('\n');
    const header = JSON.parse(lines[0]!);
    const end = JSON.parse(lines.at(-1)!);
    // The last node line again under another key: the file is well formed, but entity_id refuses the second copy.
    let lastNode = lines.length - 1;
    while (!(lines[lastNode]!.startsWith('{"t":"n"') && lines[lastNode]!.includes('"Entity"'))) lastNode--;
    const twin = JSON.parse(lines[lastNode]!);
    twin.k = `${twin.k}-twin`;
    for (const l of twin.l as string[]) end.labels[l] += 1;
    const doctored = [
      JSON.stringify({ ...header, counts: { ...header.counts, nodes: header.counts.nodes + 1 } }),
      ...lines.slice(1, lastNode + 1),
      JSON.stringify(twin),
      ...lines.slice(lastNode + 1, -1),
      JSON.stringify({ ...end, nodes: end.nodes + 1 }),
    ];
    writeFileSync(join(work, 'twin.gz'), gzipSync(doctored.join('\n')));
    const res = await cli('restore', [join(work, 'twin.gz'), '--force', '--batch', '50'], {
      NEO4J_URI: fresh!.uri,
    });
    expect(res.code, res.stdout).toBe(1);
    expect(res.stderr).toMatch(/--force: deleting all/);
    expect(res.stderr).toMatch(
      /restore failed: The restore failed \(.*\); what it had loaded was deleted, so the database is empty again/s,
    );
    const count = async (q: string): Promise<number> =>
      ((await freshStore!.driver.executeQuery(q)).records[0]!.get('n') as { toNumber(): number }).toNumber();
    expect(await count('MATCH (n) RETURN count(n) AS n')).toBe(0);
    expect(await count("SHOW INDEXES YIELD name WHERE name = 'restore_key' RETURN count(*) AS n")).toBe(0);
  }, 300_000);

  it('--force says what it deletes, deletes it, and restores the backup again', async () => {
    await freshStore!.driver.executeQuery(
      "CREATE (:Entity:Country {id: 'country:zz-extra', name: 'Extra', version: 1})",
    );
    const res = await cli('restore', [file, '--force'], { NEO4J_URI: fresh!.uri });
    expect(res.code, res.stderr).toBe(0);
    expect(res.stderr).toMatch(
      /--force: deleting all [\d,]+ nodes and [\d,]+ relationships of the database first/,
    );
    expect(res.stdout).toMatch(/--force deleted [\d,]+ nodes/);
    const again = await dumpDatabase(freshStore!.driver);
    expect(again.nodes).toEqual(source.nodes);
    expect(again.relationships).toEqual(source.relationships);
  }, 300_000);
});

describe('consistency while writes go on', () => {
  it('a write committed during the read makes the backup read again; the file holds the state after it', async () => {
    const file = join(work, 'retried.ndjson.gz');
    const id = `technology:zz-backup-mid-read-${suffix()}`;
    let wrote = false;
    try {
      const result = await writeBackup(app.store, {
        file,
        retries: 2,
        timeoutMs: 120_000,
        database: null,
        authSecret: { source: 'file', name: SECRET_FILE },
        afterElement: async (n) => {
          if (wrote || n !== 50) return;
          wrote = true;
          await app.store.driver.executeQuery(
            "CREATE (:Entity:Technology {id: $id, name: 'Written mid-backup', version: 1})",
            { id },
            { database: app.store.database },
          );
          // The app keeps answering while the backup's read transaction is open.
          expect((await app.get('/api/nodes/country:uk')).status).toBe(200);
        },
      });
      expect(result.attempts).toBe(2);
      expect(
        linesOf(file)
          .slice(1)
          .some((l) => (l as BackupLine).t === 'n' && (l as NodeLine).p.id === id),
      ).toBe(true);
    } finally {
      await app.store.driver.executeQuery(
        'MATCH (n:Entity {id: $id}) DETACH DELETE n',
        { id },
        { database: app.store.database },
      );
    }
  }, 120_000);

  it('writes during every attempt: no file, InconsistentSnapshotError', async () => {
    const file = join(work, 'never.ndjson.gz');
    const ids: string[] = [];
    try {
      const err = await writeBackup(app.store, {
        file,
        retries: 1,
        timeoutMs: 120_000,
        database: null,
        authSecret: { source: 'file', name: SECRET_FILE },
        afterElement: async (n) => {
          if (n !== 10) return;
          ids.push(`technology:zz-backup-busy-${suffix()}`);
          await app.store.driver.executeQuery(
            "CREATE (:Entity:Technology {id: $id, name: 'Busy', version: 1})",
            { id: ids.at(-1) },
            { database: app.store.database },
          );
        },
      }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(InconsistentSnapshotError);
      expect(ids).toHaveLength(2);
      expect(existsSync(file)).toBe(false);
      expect(existsSync(`${file}.partial`)).toBe(false);
    } finally {
      await app.store.driver.executeQuery(
        'MATCH (n:Entity) WHERE n.id IN $ids DETACH DELETE n',
        { ids },
        { database: app.store.database },
      );
    }
  }, 120_000);
});
