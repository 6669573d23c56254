// Use case: resolve what to export (ids, a workspace or a read-only query), check it, then stream one format.
import type { ExportFormat } from '../../../../contract/index.js';
import { AppError, NotFoundError, ValidationError } from '../../errors.js';
import { runConsoleQuery } from '../../store/console-query.js';
import { exportSubgraph, type ExportGraph } from '../../store/export-store.js';
import type { GraphStore } from '../../store/neo4j-store.js';
import { findWorkspace } from '../../store/workspace-store.js';
import { EXPORT_FORMATS, type ExportFormatSpec, type ExportMeta } from './formats.js';

export interface ExportLimits {
  /** Most nodes one export may hold (413 above it). */
  maxNodes: number;
  /** Time limit of an export `query` (the console's runner). */
  queryTimeoutMs: number;
}

/** 50,000 nodes is past any briefing, and still a few tens of MB in the largest format. */
export const EXPORT_DEFAULTS: ExportLimits = { maxNodes: 50_000, queryTimeoutMs: 5000 };

/** Unknown ids named in an error message at most. */
const NAMED_AT_MOST = 20;

/** Exactly one source of the subgraph. */
export type ExportSource =
  | { kind: 'nodeIds'; nodeIds: string[] }
  | { kind: 'workspace'; workspace: string }
  | { kind: 'query'; query: string; params: Record<string, unknown> };

export interface ExportPlan {
  spec: ExportFormatSpec;
  graph: ExportGraph;
  meta: ExportMeta;
  /** File name of the download, dated. */
  filename: string;
}

/** 413 PAYLOAD_TOO_LARGE naming the limit. */
export class ExportTooLargeError extends AppError {
  /** `what` says what went past the limit, e.g. "The export holds 60,000 nodes". */
  constructor(what: string, limit: number, field: string) {
    super(
      'PAYLOAD_TOO_LARGE',
      413,
      `${what}, above the limit of ${limit.toLocaleString('en')} nodes per export (EXPORT_MAX_NODES); export a smaller selection.`,
      field,
    );
    this.name = 'ExportTooLargeError';
  }
}

const holds = (n: number): string => `The export holds ${n.toLocaleString('en')} nodes`;

/** The format's writer, or 400 when the format is announced but not built yet. */
export function formatSpec(format: ExportFormat): ExportFormatSpec {
  const spec = EXPORT_FORMATS[format];
  if (!spec)
    throw new ValidationError(
      `Invalid \`format\`: "${format}" is not available yet; choose graphml, json, csv or cypher.`,
      'format',
    );
  return spec;
}

function listIds(ids: string[]): string {
  const shown = ids
    .slice(0, NAMED_AT_MOST)
    .map((id) => `"${id.slice(0, 200)}"`)
    .join(', ');
  return ids.length > NAMED_AT_MOST ? `${shown} and ${ids.length - NAMED_AT_MOST} more` : shown;
}

/** Fetches the nodes with `ids` and the relationships among them; ids not in the graph are a 400 naming them. */
async function subgraphOf(
  store: GraphStore,
  ids: string[],
  limits: ExportLimits,
  field: string,
  what: string,
): Promise<ExportGraph> {
  if (ids.length > limits.maxNodes) throw new ExportTooLargeError(holds(ids.length), limits.maxNodes, field);
  const graph = await exportSubgraph(store, ids);
  const found = new Set(graph.nodes.map((n) => n.id));
  const unknown = ids.filter((id) => !found.has(id));
  if (unknown.length) {
    throw new ValidationError(
      `Invalid \`${field}\`: ${unknown.length} ${what} not in the graph: ${listIds(unknown)}; nothing was exported.`,
      field,
    );
  }
  return graph;
}

const day = (d: Date): string => d.toISOString().slice(0, 10);
const slug = (s: string): string =>
  s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40) || 'export';

/** Resolves the source to a checked subgraph; nothing is written until this succeeds. */
export async function planExport(
  store: GraphStore,
  format: ExportFormat,
  source: ExportSource,
  options: ExportMeta['options'],
  limits: ExportLimits = EXPORT_DEFAULTS,
): Promise<ExportPlan> {
  const spec = formatSpec(format);
  const generatedAt = new Date();
  let graph: ExportGraph;
  let described: string;
  let name: string;
  if (source.kind === 'nodeIds') {
    const ids = [...new Set(source.nodeIds)];
    graph = await subgraphOf(store, ids, limits, 'nodeIds', ids.length === 1 ? 'id is' : 'ids are');
    described = `${ids.length} selected node${ids.length === 1 ? '' : 's'}`;
    name = ids.length === 1 ? slug(ids[0]!) : 'selection';
  } else if (source.kind === 'workspace') {
    const ws = await findWorkspace(store, source.workspace);
    if (!ws)
      throw new NotFoundError(
        `No workspace with id "${source.workspace}"; it may have been deleted.`,
        'workspace',
      );
    const ids = [...new Set(ws.scene.nodes.map((n) => n.id))];
    graph = await subgraphOf(
      store,
      ids,
      limits,
      'workspace',
      `of its scene's node ids ${ids.length === 1 ? 'is' : 'are'}`,
    );
    described = `workspace "${ws.name}"`;
    name = `workspace-${slug(ws.name)}`;
  } else {
    // The console's own runner: planned first, writes refused with WRITE_REFUSED, run in a READ transaction.
    const res = await runConsoleQuery(store, source.query, source.params, {
      timeoutMs: limits.queryTimeoutMs,
      rowCap: limits.maxNodes,
    });
    if (res.truncated)
      throw new ExportTooLargeError(
        `The query returns more than ${limits.maxNodes.toLocaleString('en')} rows`,
        limits.maxNodes,
        'query',
      );
    const ids = res.graph.nodes.map((n) => n.id);
    if (ids.length > limits.maxNodes)
      throw new ExportTooLargeError(holds(ids.length), limits.maxNodes, 'query');
    graph = await exportSubgraph(store, ids);
    described = `query: ${source.query}`;
    name = 'query';
  }
  const ext =
    typeof spec.extension === 'function'
      ? spec.extension({ generatedAt, source: described, options })
      : spec.extension;
  return {
    spec,
    graph,
    meta: { generatedAt, source: described, options },
    filename: `secgraph-${name}-${day(generatedAt)}.${ext}`,
  };
}
