// The backup file: gzip'd NDJSON, a header line, every node, every relationship, and an end line with the counts.
import { z } from 'zod';
import { isNodeLabel, isRelationshipType } from '../../schema.js';

/** The header's `format`: a file without it is not one of our backups. */
export const BACKUP_FORMAT = 'secgraph-backup';
/** The version this code writes and reads; a change to the lines' meaning bumps it. */
export const BACKUP_VERSION = 1;

/**
 * Labels the app stores besides the model's: `Entity` (every live business node), `Deleted` (soft-deleted),
 * `Change` (the audit log), `User`, `Session`, `Workspace`, `GeneratorRun` (npm run generate's marker), and ingest's
 * `Suggestion` and `Extraction` (a source's suggestions under review and its extraction record).
 */
export const STORE_LABELS = [
  'Entity',
  'Deleted',
  'Change',
  'User',
  'Session',
  'Workspace',
  'GeneratorRun',
  'Suggestion',
  'Extraction',
] as const;

/**
 * Labels a backup leaves out. Sessions are live login credentials (a token's hash and its CSRF token) that expire
 * within hours: restoring them would revive logins on another database, so after a restore users log in again.
 */
export const EXCLUDED_LABELS = ['Session'] as const;

/** A label a backup may hold: the model's or the store's, never one spliced in from elsewhere. */
export const isBackupLabel = (label: string): boolean =>
  isNodeLabel(label) || (STORE_LABELS as readonly string[]).includes(label);

const count = z.number().int().min(0);

/** The first line. `counts` are read in the snapshot's own transaction; the end line repeats what was written. */
export const headerSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.number().int(),
  createdAt: z.string().datetime({ offset: true }),
  neo4j: z.object({ version: z.string(), edition: z.string() }),
  database: z.string().nullable(),
  counts: z.object({ nodes: count, relationships: count }),
  excludedLabels: z.array(z.string()),
  authSecret: z.object({
    /** Where the running app takes its pepper from: the file's path, or the variable's name. Never its value. */
    source: z.enum(['file', 'environment']),
    name: z.string(),
    included: z.literal(false),
    note: z.string(),
  }),
  schema: z.array(
    z.object({
      name: z.string(),
      type: z.string(),
      entityType: z.string(),
      labelsOrTypes: z.array(z.string()).nullable(),
      properties: z.array(z.string()).nullable(),
      owningConstraint: z.string().nullable(),
    }),
  ),
  consistency: z.string(),
});
export type BackupHeader = z.infer<typeof headerSchema>;

/** A node line: its backup key (the element id it had), labels and encoded properties. */
export interface NodeLine {
  t: 'n';
  k: string;
  l: string[];
  p: Record<string, unknown>;
}
/** A relationship line: type, the keys of its start and end nodes, encoded properties. */
export interface RelationshipLine {
  t: 'r';
  y: string;
  s: string;
  e: string;
  p: Record<string, unknown>;
}
/** The last line: what was written, by label and by type. */
export interface EndLine {
  t: 'end';
  nodes: number;
  relationships: number;
  labels: Record<string, number>;
  types: Record<string, number>;
}
export type BackupLine = NodeLine | RelationshipLine | EndLine;

/** A backup file that cannot be restored: says which line and why. Nothing has been written when it is thrown. */
export class BackupFileError extends Error {
  readonly code = 'BACKUP_INVALID';
  constructor(message: string) {
    super(message);
    this.name = 'BackupFileError';
  }
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Parses and checks the header line, naming what is wrong (a wrong version says which this code reads). */
export function parseHeader(line: string | undefined, file: string): BackupHeader {
  let raw: unknown;
  try {
    raw = JSON.parse(line ?? '');
  } catch {
    throw new BackupFileError(`${file}: line 1 is not JSON; this is not a backup written by npm run backup.`);
  }
  if (!isObject(raw) || raw.format !== BACKUP_FORMAT)
    throw new BackupFileError(
      `${file}: line 1 is not a ${BACKUP_FORMAT} header; this is not a backup written by npm run backup.`,
    );
  if (raw.version !== BACKUP_VERSION)
    throw new BackupFileError(
      `${file}: backup format version ${JSON.stringify(raw.version)}, but this code reads version ${BACKUP_VERSION} only.`,
    );
  const parsed = headerSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new BackupFileError(`${file}: header field \`${issue.path.join('.')}\`: ${issue.message}.`);
  }
  return parsed.data;
}

const strings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

/** Parses one data line and checks its shape, labels and type (values are checked when decoded). */
export function parseLine(line: string, at: string): BackupLine {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    throw new BackupFileError(`${at}: not JSON (the file is damaged or cut short).`);
  }
  if (!isObject(raw)) throw new BackupFileError(`${at}: expected a JSON object.`);
  if (raw.t === 'n') {
    if (typeof raw.k !== 'string' || !strings(raw.l) || !isObject(raw.p))
      throw new BackupFileError(`${at}: a node needs k (text), l (labels) and p (properties).`);
    const bad = raw.l.find((l) => !isBackupLabel(l) || (EXCLUDED_LABELS as readonly string[]).includes(l));
    if (bad !== undefined) throw new BackupFileError(`${at}: label "${bad}" is not one the app stores.`);
    return raw as unknown as NodeLine;
  }
  if (raw.t === 'r') {
    if (
      typeof raw.y !== 'string' ||
      typeof raw.s !== 'string' ||
      typeof raw.e !== 'string' ||
      !isObject(raw.p)
    )
      throw new BackupFileError(
        `${at}: a relationship needs y (type), s and e (node keys) and p (properties).`,
      );
    if (!isRelationshipType(raw.y))
      throw new BackupFileError(`${at}: relationship type "${raw.y}" is not in the model.`);
    return raw as unknown as RelationshipLine;
  }
  if (raw.t === 'end') {
    if (
      !Number.isInteger(raw.nodes) ||
      !Number.isInteger(raw.relationships) ||
      !isObject(raw.labels) ||
      !isObject(raw.types)
    )
      throw new BackupFileError(`${at}: the end line needs nodes, relationships, labels and types.`);
    return raw as unknown as EndLine;
  }
  throw new BackupFileError(
    `${at}: unknown line kind ${JSON.stringify(raw.t)} (expected "n", "r" or "end").`,
  );
}
