// Database side of npm run backup / npm run restore: a streamed snapshot read, and batched restore writes.
import neo4j from 'neo4j-driver';
import type { GraphStore } from './neo4j-store.js';
import { loadQueries, type QueryName } from './queries.js';
import { encodeProps, type EncodedValue } from './backup-values.js';

export interface SnapshotCounts {
  nodes: number;
  relationships: number;
}

/** Receives the snapshot in order: the counts, every node, then every relationship. Awaited: it paces the read. */
export interface SnapshotReader {
  begin(counts: SnapshotCounts): Promise<void>;
  node(key: string, labels: string[], props: Record<string, EncodedValue>): Promise<void> | void;
  relationship(
    type: string,
    start: string,
    end: string,
    props: Record<string, EncodedValue>,
  ): Promise<void> | void;
}

export interface SnapshotOptions {
  /** Labels whose nodes are left out. */
  excluded: readonly string[];
  /** Time limit of the one read transaction (the server's default would stop a large backup). */
  timeoutMs: number;
}

/** One index of the database, as SHOW INDEXES gives it. */
export interface IndexInfo {
  name: string;
  type: string;
  entityType: string;
  labelsOrTypes: string[] | null;
  properties: string[] | null;
  owningConstraint: string | null;
}

let texts: Record<QueryName, string> | undefined;
const query = (name: QueryName): string => (texts ??= loadQueries())[name];
const num = (v: unknown): number => (neo4j.isInt(v) ? (v as { toNumber(): number }).toNumber() : Number(v));

/** Neo4j's version and edition. */
export async function serverInfo(store: GraphStore): Promise<{ version: string; edition: string }> {
  const rec = (await store.read('server-version')).records[0]!;
  return { version: String(rec.get('version')), edition: String(rec.get('edition')) };
}

/** Every index (constraint-backing ones included), by name. */
export async function listIndexes(store: GraphStore): Promise<IndexInfo[]> {
  const res = await store.read('backup-schema');
  return res.records.map((r) => r.toObject() as unknown as IndexInfo);
}

/** The last transaction the database has closed, as a bookmark: equal before and after means nothing was written. */
async function lastClosedTransaction(store: GraphStore): Promise<string[]> {
  const session = store.driver.session({ database: store.database, defaultAccessMode: neo4j.session.READ });
  try {
    await session.executeRead((tx) => tx.run('RETURN 1'));
    return session.lastBookmarks();
  } finally {
    await session.close();
  }
}

/**
 * Reads the whole database (but the excluded labels) in ONE read transaction, streamed with the driver's
 * backpressure, so memory stays flat whatever the graph's size. Neo4j isolates transactions at read-committed
 * level, not as snapshots: a write that commits while the read runs may be half seen. So the database's last
 * closed transaction is taken before the read begins (the read's session starts from it, which also holds on a
 * cluster) and compared with the one the read transaction's commit reports: equal means no write committed in
 * between, so what was read is one consistent state. `consistent: false` asks the caller to try again.
 */
export async function readSnapshot(
  store: GraphStore,
  reader: SnapshotReader,
  opts: SnapshotOptions,
): Promise<{ consistent: boolean }> {
  const before = await lastClosedTransaction(store);
  const session = store.driver.session({
    database: store.database,
    defaultAccessMode: neo4j.session.READ,
    bookmarks: before,
  });
  const params = { excluded: [...opts.excluded] };
  const tx = session.beginTransaction({ timeout: opts.timeoutMs });
  try {
    const counts = (await tx.run(query('backup-counts'), params)).records[0]!;
    await reader.begin({ nodes: num(counts.get('nodes')), relationships: num(counts.get('relationships')) });
    for await (const r of tx.run(query('backup-nodes'), params))
      await reader.node(r.get('k') as string, r.get('labels') as string[], encodeProps(r.get('props')));
    for await (const r of tx.run(query('backup-relationships'), params))
      await reader.relationship(
        r.get('type') as string,
        r.get('s') as string,
        r.get('e') as string,
        encodeProps(r.get('props')),
      );
    await tx.commit();
    const after = session.lastBookmarks();
    return { consistent: after.length === before.length && after.every((b, i) => b === before[i]) };
  } catch (err) {
    if (tx.isOpen()) await tx.rollback().catch(() => {});
    throw err;
  } finally {
    await session.close();
  }
}

/** Every node and relationship of the database, accounts and sessions included. */
export async function countEverything(store: GraphStore): Promise<SnapshotCounts> {
  const rec = (await store.read('backup-count-all')).records[0]!;
  return { nodes: num(rec.get('nodes')), relationships: num(rec.get('relationships')) };
}

/** Deletes everything, a batch per transaction (relationships first, so a hub never fills one transaction). */
export async function deleteEverything(
  store: GraphStore,
  batch: number,
  onDeleted: (n: number) => void,
): Promise<void> {
  for (const name of ['backup-wipe-relationships', 'backup-wipe-nodes'] as const) {
    for (;;) {
      const res = await store.write(name, { batch: neo4j.int(batch) });
      const deleted = num(res.records[0]!.get('deleted'));
      if (deleted === 0) break;
      onDeleted(deleted);
    }
  }
}

/** Creates the temporary key index restored relationships find their ends by, and waits until it is online. */
export async function prepareRestoreKeys(store: GraphStore, waitSeconds: number): Promise<void> {
  await store.write('restore-key-index');
  await store.write('restore-await-indexes', { seconds: neo4j.int(waitSeconds) });
}

/** Waits until every index is online (the app's, populated after a load). */
export async function awaitIndexes(store: GraphStore, waitSeconds: number): Promise<void> {
  await store.write('restore-await-indexes', { seconds: neo4j.int(waitSeconds) });
}

/** Writes one batch of decoded nodes; returns how many were created. */
export async function restoreNodes(
  store: GraphStore,
  rows: { k: string; labels: string[]; props: Record<string, unknown> }[],
): Promise<number> {
  return num((await store.write('restore-nodes', { rows })).records[0]!.get('created'));
}

/** Writes one batch of decoded relationships; returns how many were created (fewer: an end was not found). */
export async function restoreRelationships(
  store: GraphStore,
  rows: { type: string; s: string; e: string; props: Record<string, unknown> }[],
): Promise<number> {
  return num((await store.write('restore-relationships', { rows })).records[0]!.get('created'));
}

/** Drops the key index, then takes the temporary label and key off every restored node, a batch at a time. */
export async function finishRestore(
  store: GraphStore,
  batch: number,
  onFinished: (n: number) => void,
): Promise<void> {
  await store.write('restore-key-index-drop');
  for (;;) {
    const n = num(
      (await store.write('restore-finish', { batch: neo4j.int(batch) })).records[0]!.get('finished'),
    );
    if (n === 0) return;
    onFinished(n);
  }
}

/** Drops the key index if a failed restore left it. */
export async function dropRestoreKeys(store: GraphStore): Promise<void> {
  await store.write('restore-key-index-drop');
}
