// The format-independent briefing: summary, findings as merged cited sentences, numbered notes, lettered sources, tables.
import type { Graph, GraphEdge, GraphNode } from '../../../../contract/index.js';
import { FootnoteBook, type Footnote, type SourceEntry } from './footnote-book.js';
import { nodeTables, type NodeTable } from './node-tables.js';
import type { SourceDoc } from './passages.js';
import { buildStatements, type StatementGroup } from './statements.js';
import { summarise } from './summary.js';

export type { Footnote, SourceEntry } from './footnote-book.js';
export type { NodeTable, TableRow } from './node-tables.js';
export type { Passage, SourceDoc } from './passages.js';
export type { Conflict, Statement, StatementGroup, StatementObject } from './statements.js';

/** What produced the briefing; the renderers print all three. */
export interface BriefingMeta {
  title: string;
  generatedAt: Date;
  /** The selection or query that produced the subgraph, in words (printed in the colophon, not the prose). */
  scope: string;
}

export interface BriefingModel {
  meta: BriefingMeta;
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** One paragraph: who cooperates with whom on what. */
  summary: string;
  groups: StatementGroup[];
  tables: NodeTable[];
  notes: Footnote[];
  sources: SourceEntry[];
}

/**
 * Builds the briefing for `graph`, quoting `sources` (their texts widen each quote to its sentence, table row or
 * list item). Edges whose ends are not in the graph are left out.
 */
export function buildBriefing(
  graph: Graph,
  meta: BriefingMeta,
  sources: readonly SourceDoc[] = [],
): BriefingModel {
  const nodes = [...graph.nodes].sort((a, b) => a.id.localeCompare(b.id));
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const edges = graph.edges.filter((e) => byId.has(e.source) && byId.has(e.target));
  const book = new FootnoteBook(new Map(sources.map((s) => [s.id, s])));
  const groups = buildStatements(edges, byId, book);
  return {
    meta,
    nodes,
    edges,
    summary: summarise(nodes, edges, book.sources.length),
    groups,
    tables: nodeTables(nodes),
    notes: book.notes,
    sources: book.sources,
  };
}

/** "2026-11-23 13:20 UTC" */
export function formatTime(d: Date): string {
  return `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** A curator note without its own "curator-asserted:" prefix (the renderers say it once). */
export function curatorNote(note: string | null): string {
  return (note ?? '').replace(/^\s*curator-asserted\s*:\s*/i, '');
}

/** A source's date in words for the Sources list ("12 March 2025"), or "undated" when the source gives none. */
export function sourceDate(date: string | null): string {
  if (!date) return 'undated';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!m) return date;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return Number.isNaN(d.getTime())
    ? date
    : d.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}
