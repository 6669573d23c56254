// Use case: check a backup file through and through, then load it into an empty database in batches.
import type { GraphStore } from '../../store/neo4j-store.js';
import {
  awaitIndexes,
  countEverything,
  deleteEverything,
  dropRestoreKeys,
  finishRestore,
  listIndexes,
  prepareRestoreKeys,
  restoreNodes,
  restoreRelationships,
  type SnapshotCounts,
} from '../../store/backup-store.js';
import { BackupValueError, decodeProps } from '../../store/backup-values.js';
import { ensureSchema } from '../../store/schema-setup.js';
import { BackupFileError, parseHeader, parseLine, type BackupHeader, type EndLine } from './backup-format.js';
import { backupLines } from './backup-lines.js';

/** What a restore is doing, for a progress bar. */
export type RestorePhase = 'check' | 'wipe' | 'nodes' | 'relationships' | 'finish';

export interface RestoreOptions {
  /** Delete whatever the database holds first (after the file has been checked). */
  force: boolean;
  /** Elements per write transaction. */
  batch: number;
  /** Seconds to wait for an index to come online. */
  indexWaitSeconds: number;
  onPhase?(phase: RestorePhase, total: number): void;
  onProgress?(phase: RestorePhase, done: number): void;
  /** Before the wipe of --force: what will be deleted. */
  onWipe?(existing: SnapshotCounts): void;
}

export interface RestoreResult {
  header: BackupHeader;
  end: EndLine;
  /** What --force deleted first (zeros when the database was empty). */
  wiped: SnapshotCounts;
  /** Indexes the backup's database had that the app's schema does not recreate (made by hand there). */
  indexesNotRecreated: string[];
}

/** The database holds data and --force was not given: nothing was changed. */
export class RestoreRefusedError extends Error {
  readonly code = 'RESTORE_REFUSED';
  constructor(message: string) {
    super(message);
    this.name = 'RestoreRefusedError';
  }
}

/** Loading failed part way; the database was emptied again (`rolledBack`), or could not be (it says what to do). */
export class RestoreFailedError extends Error {
  readonly code = 'RESTORE_FAILED';
  constructor(
    message: string,
    readonly rolledBack: boolean,
  ) {
    super(message);
    this.name = 'RestoreFailedError';
  }
}

const plural = (n: number, what: string): string => `${n.toLocaleString('en')} ${what}${n === 1 ? '' : 's'}`;

/**
 * Reads the whole file once without touching any database: gzip integrity, the header (format and version), every
 * line's shape, labels, types and values, node keys unique, every relationship's ends among the nodes before it,
 * and the end line's counts equal to what was read. Keeps the node keys in memory (about 100 bytes a node).
 */
export async function checkBackup(
  file: string,
  hooks: { onHeader?(header: BackupHeader): void; onProgress?(done: number): void } = {},
): Promise<{ header: BackupHeader; end: EndLine }> {
  const onProgress = hooks.onProgress;
  let header: BackupHeader | undefined;
  let end: EndLine | undefined;
  const keys = new Set<string>();
  const seen: EndLine = { t: 'end', nodes: 0, relationships: 0, labels: {}, types: {} };
  for await (const { text, no } of backupLines(file)) {
    const at = `${file}: line ${no}`;
    if (no === 1) {
      header = parseHeader(text, file);
      hooks.onHeader?.(header);
      continue;
    }
    if (end) throw new BackupFileError(`${at}: data after the end line.`);
    const line = parseLine(text, at);
    try {
      if (line.t === 'n') {
        if (seen.relationships) throw new BackupFileError(`${at}: a node after the relationships.`);
        if (keys.has(line.k)) throw new BackupFileError(`${at}: node key "${line.k}" appears twice.`);
        keys.add(line.k);
        decodeProps(line.p, at);
        for (const l of line.l) seen.labels[l] = (seen.labels[l] ?? 0) + 1;
        seen.nodes++;
      } else if (line.t === 'r') {
        for (const k of [line.s, line.e])
          if (!keys.has(k))
            throw new BackupFileError(`${at}: the relationship's node "${k}" is not in the file.`);
        decodeProps(line.p, at);
        seen.types[line.y] = (seen.types[line.y] ?? 0) + 1;
        seen.relationships++;
      } else end = line;
    } catch (err) {
      if (err instanceof BackupValueError) throw new BackupFileError(err.message);
      throw err;
    }
    if ((seen.nodes + seen.relationships) % 10_000 === 0) onProgress?.(seen.nodes + seen.relationships);
  }
  if (!header) throw new BackupFileError(`${file}: empty.`);
  if (!end)
    throw new BackupFileError(
      `${file}: cut short (no end line after ${plural(seen.nodes + seen.relationships, 'element')}).`,
    );
  const same = (a: Record<string, number>, b: Record<string, number>): boolean =>
    Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([k, v]) => b[k] === v);
  if (
    end.nodes !== seen.nodes ||
    end.relationships !== seen.relationships ||
    !same(end.labels, seen.labels) ||
    !same(end.types, seen.types) ||
    header.counts.nodes !== seen.nodes ||
    header.counts.relationships !== seen.relationships
  )
    throw new BackupFileError(
      `${file}: holds ${plural(seen.nodes, 'node')} and ${plural(seen.relationships, 'relationship')}, but its header ` +
        `and end line say ${header.counts.nodes}/${end.nodes} and ${header.counts.relationships}/${end.relationships}.`,
    );
  onProgress?.(seen.nodes + seen.relationships);
  return { header, end };
}

/** Streams the checked file into the database, batch by batch; returns what was created. */
async function load(
  store: GraphStore,
  file: string,
  opts: RestoreOptions,
  end: EndLine,
): Promise<SnapshotCounts> {
  const created: SnapshotCounts = { nodes: 0, relationships: 0 };
  let nodes: { k: string; labels: string[]; props: Record<string, unknown> }[] = [];
  let rels: { type: string; s: string; e: string; props: Record<string, unknown> }[] = [];
  let done = 0;
  let phase: 'nodes' | 'relationships' = 'nodes';
  const flushNodes = async (): Promise<void> => {
    if (!nodes.length) return;
    const made = await restoreNodes(store, nodes);
    if (made !== nodes.length) throw new Error(`${nodes.length - made} nodes of a batch were not created`);
    done += made;
    created.nodes += made;
    nodes = [];
    opts.onProgress?.('nodes', done);
  };
  const flushRels = async (): Promise<void> => {
    if (!rels.length) return;
    const made = await restoreRelationships(store, rels);
    if (made !== rels.length)
      throw new Error(`${rels.length - made} relationships of a batch found no end node`);
    done += made;
    created.relationships += made;
    rels = [];
    opts.onProgress?.('relationships', done);
  };
  opts.onPhase?.('nodes', end.nodes);
  for await (const { text, no } of backupLines(file)) {
    if (no === 1) continue;
    const line = parseLine(text, `line ${no}`);
    if (line.t === 'n') {
      nodes.push({ k: line.k, labels: line.l, props: decodeProps(line.p, `line ${no}`) });
      if (nodes.length >= opts.batch) await flushNodes();
    } else if (line.t === 'r') {
      if (phase === 'nodes') {
        await flushNodes();
        phase = 'relationships';
        done = 0;
        opts.onPhase?.('relationships', end.relationships);
      }
      rels.push({ type: line.y, s: line.s, e: line.e, props: decodeProps(line.p, `line ${no}`) });
      if (rels.length >= opts.batch) await flushRels();
    }
  }
  await flushNodes();
  await flushRels();
  return created;
}

/**
 * Restores `file` into the database: checks the whole file first (a bad file changes nothing, even with --force),
 * refuses a database that holds anything unless `force` (then deletes it all first, and says so through onWipe),
 * creates the app's constraints and indexes as the seed loader does, loads nodes and relationships in batches,
 * and checks the counts. A failure while loading deletes what was loaded: the database is empty again, as it was
 * before the restore began (after the --force wipe).
 */
export async function restoreBackup(
  store: GraphStore,
  file: string,
  opts: RestoreOptions,
): Promise<RestoreResult> {
  const { header, end } = await checkBackup(file, {
    onHeader: (h) => opts.onPhase?.('check', h.counts.nodes + h.counts.relationships),
    onProgress: (n) => opts.onProgress?.('check', n),
  });
  const existing = await countEverything(store);
  if (existing.nodes > 0 && !opts.force)
    throw new RestoreRefusedError(
      `The database is not empty: it holds ${plural(existing.nodes, 'node')} and ${plural(existing.relationships, 'relationship')}. ` +
        'A restore loads into an empty database only; nothing was changed. Pass --force to delete everything in it first ' +
        '(the file has been checked; the deletion happens only after that).',
    );
  if (existing.nodes > 0) {
    opts.onWipe?.(existing);
    opts.onPhase?.('wipe', existing.nodes + existing.relationships);
    let deleted = 0;
    await deleteEverything(store, opts.batch, (n) => opts.onProgress?.('wipe', (deleted += n)));
  }
  try {
    await ensureSchema(store);
    await prepareRestoreKeys(store, opts.indexWaitSeconds);
    const created = await load(store, file, opts, end);
    opts.onPhase?.('finish', end.nodes);
    let finished = 0;
    await finishRestore(store, opts.batch, (n) => opts.onProgress?.('finish', (finished += n)));
    await awaitIndexes(store, opts.indexWaitSeconds);
    // Counted by what each batch created, not by recounting the database, which a login meanwhile could change.
    if (created.nodes !== end.nodes || created.relationships !== end.relationships || finished !== end.nodes)
      throw new Error(
        `${created.nodes} nodes and ${created.relationships} relationships were created, ${finished} finished`,
      );
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    try {
      await dropRestoreKeys(store);
      await deleteEverything(store, opts.batch, () => {});
    } catch {
      throw new RestoreFailedError(
        `The restore failed (${why}) and what it had loaded could not be deleted: the database holds a partial ` +
          'restore. Run the restore again with --force once the database is reachable.',
        false,
      );
    }
    throw new RestoreFailedError(
      `The restore failed (${why}); what it had loaded was deleted, so the database is empty again.`,
      true,
    );
  }
  const have = new Set((await listIndexes(store)).map((i) => i.name));
  return {
    header,
    end,
    wiped: existing.nodes > 0 ? existing : { nodes: 0, relationships: 0 },
    indexesNotRecreated: header.schema.map((i) => i.name).filter((n) => !have.has(n)),
  };
}
