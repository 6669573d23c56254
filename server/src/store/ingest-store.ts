// Ingest persistence: suggestions and extraction records (:Suggestion, :Extraction: internal nodes without
// relationships, kept out of every graph read, the console and exports), sources by text, and the reads extraction
// and review need (the graph's names and claims, node names, shared neighbours, contradicting claims).
import neo4j from 'neo4j-driver';
import { plain } from './mapping.js';
import type { GraphStore, Params, Tx } from './neo4j-store.js';

/** A suggestion as stored: JSON text for the structured fields, one property each for the rest. */
export interface SuggestionRow {
  id: string;
  sourceId: string;
  seq: number;
  kind: 'node' | 'relationship';
  label: string | null;
  type: string | null;
  candidateKey: string | null;
  name: string | null;
  aliases: string[];
  /** JSON of Record<string, string>. */
  properties: string;
  /** JSON of the engine's EndRef ({nodeId} | {candidateKey}); null for node suggestions. */
  fromRef: string | null;
  toRef: string | null;
  quote: string;
  start: number;
  end: number;
  /** JSON of [{quote, start, end}]. */
  evidence: string;
  confidence: string;
  score: number;
  rule: string;
  disputed: boolean;
  disputeNote: string | null;
  state: 'pending' | 'accepted' | 'rejected' | 'linked';
  decidedBy?: string | null;
  decidedAt?: string | null;
  automatic?: boolean | null;
  resultId?: string | null;
  changeIds?: string[] | null;
  note?: string | null;
}

/** A source's extraction record as stored (mentions as JSON text, read only with the record itself). */
export interface ExtractionRow {
  sourceId: string;
  state: 'none' | 'running' | 'done' | 'failed';
  phase?: string | null;
  done?: number | null;
  total?: number | null;
  startedAt?: string | null;
  finishedAt?: string | null;
  updatedAt?: string | null;
  suggestions?: number | null;
  ms?: number | null;
  error?: string | null;
  /** Who started the run. */
  by?: string | null;
  mentions?: string | null;
}

/** A source as listed (id, title, publisher, date, url, length of its text). */
export interface SourceSummaryRow {
  id: string;
  title: string;
  publisher: string | null;
  date: string | null;
  url: string | null;
  length: number;
}

/** What a decision writes on its suggestion. */
export interface Decision {
  state: 'accepted' | 'rejected' | 'linked';
  by: string;
  automatic: boolean;
  resultId: string | null;
  changeIds: string[];
  note: string | null;
}

const INT_KEYS = ['seq', 'start', 'end'] as const;

function toDriverRow(row: SuggestionRow): Params {
  const out: Params = { ...row };
  for (const k of INT_KEYS) out[k] = neo4j.int(row[k]);
  return out;
}

const suggestion = (v: unknown): SuggestionRow => plain(v) as SuggestionRow;

/** Suggestion writes and locked reads inside a caller's transaction. */
export interface IngestTx {
  createSuggestions(rows: SuggestionRow[]): Promise<void>;
  lockSuggestion(id: string): Promise<SuggestionRow | null>;
  /** The node suggestion proposing `candidateKey` in this source, locked. */
  lockCandidate(sourceId: string, candidateKey: string): Promise<SuggestionRow | null>;
  decide(id: string, d: Decision): Promise<void>;
  lockExtraction(sourceId: string): Promise<ExtractionRow>;
  putExtraction(sourceId: string, props: Partial<ExtractionRow>): Promise<void>;
  /** The source already holding this text (by SHA-256, or by the text for sources stored before hashes). */
  sourceByText(text: string, sha256: string): Promise<SourceSummaryRow | null>;
  /** Live relationships of `type` touching `ids`. */
  claimsTouching(
    type: string,
    ids: string[],
  ): Promise<{ id: string; from: string; to: string; title: string | null }[]>;
}

export function ingestTx(tx: Tx): IngestTx {
  return {
    async createSuggestions(rows) {
      if (rows.length) await tx.run('suggestion-create', { rows: rows.map(toDriverRow) });
    },
    async lockSuggestion(id) {
      const rec = (await tx.run('suggestion-lock', { id })).records[0];
      return rec ? suggestion(rec.get('s')) : null;
    },
    async lockCandidate(sourceId, candidateKey) {
      const rec = (await tx.run('suggestion-candidate', { sourceId, candidateKey })).records[0];
      return rec ? suggestion(rec.get('s')) : null;
    },
    async decide(id, d) {
      await tx.run('suggestion-decide', { id, ...d });
    },
    async lockExtraction(sourceId) {
      return plain((await tx.run('extraction-lock', { sourceId })).records[0]!.get('e')) as ExtractionRow;
    },
    async putExtraction(sourceId, props) {
      await tx.run('extraction-put', extractionParams(sourceId, props));
    },
    async sourceByText(text, sha256) {
      const rec = (await tx.run('source-by-text', { text, sha256, length: neo4j.int(text.length) }))
        .records[0];
      return rec ? (plain(rec.get('s')) as SourceSummaryRow) : null;
    },
    async claimsTouching(type, ids) {
      const res = await tx.run('dispute-claims', { type, ids });
      return res.records.map(
        (r) => plain(r.toObject()) as { id: string; from: string; to: string; title: string | null },
      );
    },
  };
}

/** Integers as Neo4j integers; the dates apart (the query turns them into datetimes; '' clears one). */
function extractionParams(sourceId: string, props: Partial<ExtractionRow>): Params {
  const { startedAt, finishedAt, updatedAt: _u, ...rest } = props;
  const out: Params = { ...rest };
  for (const k of ['done', 'total', 'suggestions', 'ms'] as const) {
    const v = props[k];
    if (typeof v === 'number') out[k] = neo4j.int(Math.round(v));
  }
  return { sourceId, props: out, startedAt: startedAt ?? null, finishedAt: finishedAt ?? null };
}

/** Updates an extraction record in a transaction of its own (progress, outcome). */
export async function putExtraction(
  store: GraphStore,
  sourceId: string,
  props: Partial<ExtractionRow>,
): Promise<void> {
  await store.transaction('write', (tx) => ingestTx(tx).putExtraction(sourceId, props));
}

export async function extractionBySource(
  store: GraphStore,
  sourceId: string,
): Promise<{ row: ExtractionRow; now: string } | null> {
  const rec = (await store.read('extraction-by-source', { sourceId })).records[0];
  return rec ? { row: plain(rec.get('e')) as ExtractionRow, now: rec.get('now') as string } : null;
}

export async function suggestionsOf(store: GraphStore, sourceId: string): Promise<SuggestionRow[]> {
  return (await store.read('suggestion-list', { sourceId })).records.map((r) => suggestion(r.get('s')));
}

/** The graph's state for the vocabulary cache: equal stamps mean the names and claims have not changed. */
export async function vocabularyStamp(store: GraphStore): Promise<string> {
  const rec = (await store.read('vocabulary-stamp')).records[0]!;
  return [plain(rec.get('nodes')), plain(rec.get('changes')), rec.get('lastChange') ?? ''].join(':');
}

/** Every live node but sources, with labels and aliases, and the claims of `claimTypes`. */
export async function vocabularyRows(
  store: GraphStore,
  claimTypes: readonly string[],
): Promise<{
  nodes: { id: string; labels: string[]; name: string; aliases: string[] }[];
  claims: { type: string; from: string; to: string; title: string | null }[];
}> {
  // One read transaction for both, so names and claims are of the same moment; no API time limit (large graphs).
  return store.transaction(
    'read',
    async (tx) => {
      const nodes = await tx.run('vocabulary-nodes');
      const claims = await tx.run('vocabulary-claims', { types: [...claimTypes] });
      return {
        nodes: nodes.records.map((r) => plain(r.toObject()) as never),
        claims: claims.records.map((r) => plain(r.toObject()) as never),
      };
    },
    { timeout: null, coldStart: 'vocabulary-nodes' },
  );
}

/** Names and labels of live nodes by id. */
export async function nodeNames(
  store: GraphStore,
  ids: string[],
): Promise<Map<string, { name: string; labels: string[] }>> {
  if (!ids.length) return new Map();
  const res = await store.read('ingest-node-names', { ids });
  return new Map(
    res.records.map((r) => [
      r.get('id') as string,
      { name: r.get('name') as string, labels: r.get('labels') as string[] },
    ]),
  );
}

/** For each of `ids`, which of `others` it is related to. */
export async function sharedNeighbours(
  store: GraphStore,
  ids: string[],
  others: string[],
): Promise<Map<string, string[]>> {
  if (!ids.length || !others.length) return new Map();
  const res = await store.read('shared-neighbours', { ids, others });
  return new Map(res.records.map((r) => [r.get('id') as string, r.get('shared') as string[]]));
}
