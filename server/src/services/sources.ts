// Use cases: add a source document (curators), list sources, read one with its full text for the source viewer.
import type {
  AuthUser,
  SourceCreateRequest,
  SourceListResponse,
  SourceResponse,
  SourceSummary,
  WriteResponse,
} from '../../../contract/index.js';
import { NotFoundError } from '../errors.js';
import {
  curationWrite,
  sourceRowById,
  sourceRows,
  type CurationTx,
  type SourceRow,
} from '../store/curation-store.js';
import type { GraphStore } from '../store/neo4j-store.js';
import { EMPTY_STATE } from './curation/raw-state.js';
import { newChangeId, q, recordChange } from './curation/record.js';

const summary = (r: SourceRow): SourceSummary => ({
  id: r.id,
  title: r.title,
  publisher: r.publisher ?? null,
  date: r.date ?? null,
  url: r.url ?? null,
  length: r.length,
});

const slug = (title: string): string =>
  title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '') || 'source';

/**
 * Stores a new Source as the seed does (name = title, full text, optional publisher, date and url, version 1)
 * under id `source:<slug of the title>` (with `-2`, `-3`... when taken) and records the change.
 */
export async function addSource(
  store: GraphStore,
  actor: AuthUser,
  req: SourceCreateRequest,
): Promise<WriteResponse<SourceSummary>> {
  return curationWrite(store, (tx) => addSourceIn(tx, actor, req));
}

/** addSource inside a caller's transaction; `sha256` (ingest) is stored with the text, which never changes. */
export async function addSourceIn(
  tx: CurationTx,
  actor: AuthUser,
  req: SourceCreateRequest & { sha256?: string },
): Promise<WriteResponse<SourceSummary>> {
  {
    const base = `source:${slug(req.title)}`;
    const candidates = [base, ...Array.from({ length: 30 }, (_x, i) => `${base}-${i + 2}`)];
    const taken = await tx.lockNodes(candidates);
    const id =
      candidates.find((c) => !taken.nodes.has(c)) ?? `${base}-${newChangeId().slice(-8).toLowerCase()}`;
    const title = req.title.trim();
    const node = await tx.createSource({
      id,
      name: title,
      title,
      text: req.text,
      ...(req.sha256 ? { sha256: req.sha256 } : {}),
      ...(req.publisher?.trim() ? { publisher: req.publisher.trim() } : {}),
      ...(req.date ? { date: req.date } : {}),
      ...(req.url ? { url: req.url } : {}),
    });
    // The history keeps the source without its text (it never changes, and GET /api/sources/:id gives it).
    const { text: _text, ...shown } = node.props;
    const change = await recordChange(tx, actor, {
      id: newChangeId(),
      operation: 'create-source',
      targetKind: 'source',
      targetId: id,
      summary: `added source ${q(title)}`,
      before: EMPTY_STATE,
      after: { nodes: [{ id, labels: node.labels, props: shown, ints: node.ints }], edges: [] },
    });
    return {
      result: {
        id,
        title,
        publisher: (node.props.publisher as string) ?? null,
        date: (node.props.date as string) ?? null,
        url: (node.props.url as string) ?? null,
        length: req.text.length,
      },
      change,
    };
  }
}

export async function allSources(store: GraphStore): Promise<SourceListResponse> {
  return { sources: (await sourceRows(store)).map(summary) };
}

export async function oneSource(store: GraphStore, id: string): Promise<SourceResponse> {
  const row = await sourceRowById(store, id);
  if (!row) throw new NotFoundError(`No source with id "${id}".`, 'id');
  return { source: { ...summary(row), text: row.text ?? '' } };
}
