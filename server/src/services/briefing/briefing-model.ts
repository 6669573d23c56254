// The format-independent briefing: node tables, one cited statement per relationship, numbered sources.
import {
  displayName,
  ENTITY_KINDS,
  FAMILIES,
  KINDS,
  SOURCE_KIND,
  type DisplayKind,
  type Family,
} from '../../../../model/index.js';
import type { Evidence, Graph, GraphEdge, GraphNode } from '../../../../contract/index.js';
import { claimText, confidenceWords, nodeKind, TYPE_HEADINGS } from './phrases.js';

/** What produced the briefing; the renderers print all three. */
export interface BriefingMeta {
  title: string;
  generatedAt: Date;
  /** The selection or query that produced the subgraph, in words. */
  scope: string;
}

/** One numbered source entry: a verbatim quote from a titled source, or a curator's note. */
export interface Citation {
  n: number;
  sourceId: string | null;
  sourceTitle: string | null;
  quote: string | null;
  note: string | null;
}

export interface TableRow {
  id: string;
  name: string;
  kind: string;
  description: string;
}
export interface NodeTable {
  key: string;
  heading: string;
  rows: TableRow[];
}

/** The other side of a dispute, with its own citations. */
export interface Conflict {
  edgeId: string;
  claim: string;
  citations: number[];
}

/** One relationship as a sentence. */
export interface Statement {
  edge: GraphEdge;
  /** The claim, without the final period (e.g. "The United Kingdom hosted the Five Country Ministerial"). */
  claim: string;
  /** The source's hedging in words, or null when confirmed. */
  confidence: string | null;
  citations: number[];
  /** Present for `disputed: true`: the note and the conflicting relationships found in the same graph. */
  dispute: { note: string; conflicts: Conflict[] } | null;
}

export interface StatementGroup {
  type: string;
  heading: string;
  statements: Statement[];
}

export interface BriefingModel {
  meta: BriefingMeta;
  nodes: GraphNode[];
  tables: NodeTable[];
  groups: StatementGroup[];
  sources: Citation[];
  edgeCount: number;
}

const table = (plural: string, kinds: DisplayKind[]) => ({
  key: plural.toLowerCase().replace(/\s+/g, '-'),
  heading: plural,
  kinds,
});
/** Node tables: one per family (Actors), one per other kind, in model order; sources and nodes of no kind last. */
const TABLES: { key: string; heading: string; kinds: DisplayKind[] }[] = [
  ...(Object.keys(FAMILIES) as Family[]).map((f) =>
    table(
      FAMILIES[f].plural,
      ENTITY_KINDS.filter((k) => KINDS[k].family === f),
    ),
  ),
  ...ENTITY_KINDS.filter((k) => KINDS[k].family === null).map((k) => table(KINDS[k].plural, [k])),
  { key: 'other', heading: 'Other nodes', kinds: [SOURCE_KIND, 'Other'] },
];

const byName = (a: GraphNode, b: GraphNode): number =>
  a.name.localeCompare(b.name, 'en') || a.id.localeCompare(b.id);

/** The kind column: the sub-kind alone for kinds that have one (a forum's "summit"), else the kind's name. */
function kindText(node: GraphNode): string {
  const kind = nodeKind(node);
  const sub = node.properties.kind;
  const hasSubKind = kind !== 'Other' && 'kind' in (KINDS[kind].properties ?? {});
  if (typeof sub === 'string' && sub.trim()) return hasSubKind ? sub : `${displayName(kind)}, ${sub}`;
  return kind === 'Other' ? node.labels.join(', ') : displayName(kind);
}

function tables(nodes: GraphNode[]): NodeTable[] {
  return TABLES.map(({ key, heading, kinds }) => ({
    key,
    heading,
    rows: nodes
      .filter((n) => kinds.includes(nodeKind(n)))
      .sort(byName)
      .map((n) => ({
        id: n.id,
        name: n.name,
        kind: kindText(n),
        description: typeof n.properties.description === 'string' ? n.properties.description : '',
      })),
  })).filter((t) => t.rows.length > 0 || ['actors', 'forums', 'agreements', 'threats'].includes(t.key));
}

/** Citation numbers in order of first use; the same (source, quote) or the same curator note keeps its number. */
class CitationBook {
  readonly list: Citation[] = [];
  private readonly index = new Map<string, number>();

  cite(evidence: Evidence[] | undefined): number[] {
    const out: number[] = [];
    for (const e of evidence ?? []) {
      const quote = e.quote ?? null;
      const note = e.note ?? null;
      if (quote === null && note === null) continue;
      const key =
        quote !== null
          ? `q\u0000${e.sourceId ?? ''}\u0000${quote}`
          : `n\u0000${e.sourceId ?? ''}\u0000${note}`;
      let n = this.index.get(key);
      if (n === undefined) {
        n = this.list.length + 1;
        this.index.set(key, n);
        this.list.push({ n, sourceId: e.sourceId ?? null, sourceTitle: e.sourceTitle ?? null, quote, note });
      }
      if (!out.includes(n)) out.push(n);
    }
    return out.sort((a, b) => a - b);
  }
}

/**
 * Disputed relationships conflict when they share the type and one end (two people holding the same
 * office, two people said to hold the same talks); HOLDS_OFFICE with titles must also name the same title.
 */
function conflicting(a: GraphEdge, b: GraphEdge): boolean {
  if (a.id === b.id || a.type !== b.type || b.properties.disputed !== true) return false;
  if (a.source !== b.source && a.target !== b.target) return false;
  const ta = a.properties.title;
  const tb = b.properties.title;
  return !(typeof ta === 'string' && typeof tb === 'string' && ta !== tb);
}

/** Builds the briefing for `graph`. Edges whose ends are not in the graph are left out. */
export function buildBriefing(graph: Graph, meta: BriefingMeta): BriefingModel {
  const nodes = [...graph.nodes].sort((a, b) => a.id.localeCompare(b.id));
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const edges = graph.edges.filter((e) => byId.has(e.source) && byId.has(e.target));
  const claim = new Map(edges.map((e) => [e.id, claimText(e, byId.get(e.source)!, byId.get(e.target)!)]));

  const typeOrder = new Map(TYPE_HEADINGS.map(([t], i) => [t, i]));
  const types = [...new Set(edges.map((e) => e.type))].sort(
    (a, b) => (typeOrder.get(a) ?? 99) - (typeOrder.get(b) ?? 99) || a.localeCompare(b),
  );

  const book = new CitationBook();
  const groups: StatementGroup[] = types.map((type) => {
    const ofType = edges
      .filter((e) => e.type === type)
      .sort((a, b) => claim.get(a.id)!.localeCompare(claim.get(b.id)!, 'en') || a.id.localeCompare(b.id));
    const statements = ofType.map((edge): Statement => {
      const citations = book.cite(edge.evidence);
      let dispute: Statement['dispute'] = null;
      if (edge.properties.disputed === true) {
        const note =
          typeof edge.properties.disputeNote === 'string' && edge.properties.disputeNote.trim()
            ? edge.properties.disputeNote.trim()
            : 'The sources conflict on this claim.';
        const conflicts = edges
          .filter((other) => conflicting(edge, other))
          .sort((a, b) => a.id.localeCompare(b.id))
          .map((other) => ({
            edgeId: other.id,
            claim: claim.get(other.id)!,
            citations: book.cite(other.evidence),
          }));
        dispute = { note, conflicts };
      }
      return {
        edge,
        claim: claim.get(edge.id)!,
        confidence: confidenceWords(edge.properties.confidence),
        citations,
        dispute,
      };
    });
    const heading = TYPE_HEADINGS.find(([t]) => t === type)?.[1] ?? type.toLowerCase().replace(/_/g, ' ');
    return { type, heading, statements };
  });

  return { meta, nodes, tables: tables(nodes), groups, sources: book.list, edgeCount: edges.length };
}

/** "2026-11-23 13:20 UTC" */
export function formatTime(d: Date): string {
  return `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** A curator note without its own "curator-asserted:" prefix (the renderers say it once). */
export function curatorNote(note: string | null): string {
  return (note ?? '').replace(/^\s*curator-asserted\s*:\s*/i, '');
}
