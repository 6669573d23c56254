// The briefing's findings: relationships as sentences, claims that share a verb merged ("France and the United
// Kingdom are party to the A and the B"), each object with its own notes; disputed claims alone, with the other side.
import type { GraphEdge, GraphNode } from '../../../../contract/index.js';
import type { FootnoteBook } from './footnote-book.js';
import { KINDS, NODE_KINDS, type DisplayKind } from '../../../../model/index.js';
import {
  claimParts,
  claimText,
  confidenceWords,
  joinWords,
  nodeKind,
  nounPhrase,
  TYPE_HEADINGS,
} from './phrases.js';

/** One object of a statement: its phrase, the relationships that name it, and their notes. */
export interface StatementObject {
  nodeId: string;
  phrase: string;
  edgeIds: string[];
  notes: number[];
}

/** The other side of a dispute, with its own notes. */
export interface Conflict {
  edgeId: string;
  claim: string;
  notes: number[];
}

/** One sentence of the findings: subjects, verb (in number), objects; with the source's hedging and any dispute. */
export interface Statement {
  type: string;
  edgeIds: string[];
  subjects: { nodeId: string; phrase: string }[];
  verb: string;
  objects: StatementObject[];
  /** The objects counted by kind: "13 agreements", "2 forums and 3 agreements". */
  objectsNoun: string;
  /** The source's hedging in words, or null when confirmed. */
  confidence: string | null;
  /** Every note of the statement's relationships, sorted. */
  notes: number[];
  dispute: { note: string; conflicts: Conflict[] } | null;
}

export interface StatementGroup {
  type: string;
  heading: string;
  statements: Statement[];
}

interface Claim {
  edge: GraphEdge;
  source: GraphNode;
  target: GraphNode;
  verb: string;
  verbMany: string;
  object: string;
  confidence: string | null;
}

const byName = (a: GraphNode, b: GraphNode): number =>
  a.name.localeCompare(b.name, 'en') || a.id.localeCompare(b.id);

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

/** "13 agreements", "2 forums and 3 agreements" (kinds in model order). */
function countByKind(nodes: GraphNode[]): string {
  const counts = new Map<DisplayKind, number>();
  for (const n of nodes) counts.set(nodeKind(n), (counts.get(nodeKind(n)) ?? 0) + 1);
  const order: DisplayKind[] = [...NODE_KINDS, 'Other'];
  return joinWords(
    [...counts.entries()]
      .sort((a, b) => order.indexOf(a[0]) - order.indexOf(b[0]))
      .map(([k, n]) => {
        const word =
          k === 'Other'
            ? n === 1
              ? 'other node'
              : 'other nodes'
            : n === 1
              ? KINDS[k].name
              : KINDS[k].plural;
        return `${n} ${word.toLowerCase()}`;
      }),
  );
}

/** Pairs of claims that say the same thing both ways (A cooperates with B, B with A): one sentence, "each other". */
function mutualPairs(claims: Claim[]): { pairs: Claim[][]; rest: Claim[] } {
  const used = new Set<Claim>();
  const pairs: Claim[][] = [];
  const plain = (c: Claim): boolean => c.object === nounPhrase(c.target);
  for (const c of claims) {
    if (used.has(c) || !plain(c)) continue;
    const back = claims.find(
      (d) =>
        d !== c &&
        !used.has(d) &&
        plain(d) &&
        d.source.id === c.target.id &&
        d.target.id === c.source.id &&
        d.verb === c.verb &&
        d.confidence === c.confidence,
    );
    if (!back) continue;
    used.add(c).add(back);
    pairs.push([c, back]);
  }
  return { pairs, rest: claims.filter((c) => !used.has(c)) };
}

/** Merges claims: first subjects that say the same of one object, then objects said of the same subjects. */
function merge(claims: Claim[]): Claim[][] {
  const byObject = new Map<string, Claim[]>();
  for (const c of claims) {
    const key = [c.verb, c.object, c.target.id, c.confidence ?? ''].join('\u0000');
    byObject.set(key, [...(byObject.get(key) ?? []), c]);
  }
  const bySubjects = new Map<string, Claim[][]>();
  for (const group of byObject.values()) {
    const subjects = [...new Set(group.map((c) => c.source.id))].sort().join(',');
    const key = [group[0]!.verb, group[0]!.confidence ?? '', subjects].join('\u0000');
    bySubjects.set(key, [...(bySubjects.get(key) ?? []), group]);
  }
  return [...bySubjects.values()].map((objects) => objects.flat());
}

function statementOf(
  claims: Claim[],
  book: FootnoteBook,
  all: GraphEdge[],
  text: (e: GraphEdge) => string,
): Statement {
  const subjects = [...new Map(claims.map((c) => [c.source.id, c.source])).values()].sort(byName);
  const targets = [...new Map(claims.map((c) => [c.target.id, c])).values()].sort((a, b) =>
    byName(a.target, b.target),
  );
  const mutual =
    claims.length === 2 &&
    claims[0]!.source.id === claims[1]!.target.id &&
    claims[0]!.target.id === claims[1]!.source.id;
  const objects = (mutual ? [targets[0]!] : targets).map((t): StatementObject => {
    if (mutual) {
      return {
        nodeId: t.target.id,
        phrase: 'each other',
        edgeIds: claims.map((c) => c.edge.id),
        notes: [...new Set(claims.flatMap((c) => book.cite(c.edge.evidence)))].sort((a, b) => a - b),
      };
    }
    const edges = claims.filter((c) => c.target.id === t.target.id).map((c) => c.edge);
    return {
      nodeId: t.target.id,
      phrase: t.object,
      edgeIds: edges.map((e) => e.id),
      notes: [...new Set(edges.flatMap((e) => book.cite(e.evidence)))].sort((a, b) => a - b),
    };
  });
  const first = claims[0]!;
  let dispute: Statement['dispute'] = null;
  if (first.edge.properties.disputed === true) {
    const note = first.edge.properties.disputeNote;
    dispute = {
      note: typeof note === 'string' && note.trim() ? note.trim() : 'The sources conflict on this claim.',
      conflicts: all
        .filter((other) => conflicting(first.edge, other))
        .sort((a, b) => a.id.localeCompare(b.id))
        .map((other) => ({ edgeId: other.id, claim: text(other), notes: book.cite(other.evidence) })),
    };
  }
  return {
    type: first.edge.type,
    edgeIds: claims.map((c) => c.edge.id),
    subjects: subjects.map((s) => ({ nodeId: s.id, phrase: nounPhrase(s) })),
    verb: subjects.length > 1 ? first.verbMany : first.verb,
    objects,
    objectsNoun: countByKind(targets.map((t) => t.target)),
    confidence: first.confidence,
    notes: [...new Set(objects.flatMap((o) => o.notes))].sort((a, b) => a - b),
    dispute,
  };
}

/** The findings, one group per relationship type (in the briefing's order); notes are numbered as they are read. */
export function buildStatements(
  edges: GraphEdge[],
  byId: Map<string, GraphNode>,
  book: FootnoteBook,
): StatementGroup[] {
  const text = (e: GraphEdge): string => claimText(e, byId.get(e.source)!, byId.get(e.target)!);
  const typeOrder = new Map(TYPE_HEADINGS.map(([t], i) => [t, i]));
  const types = [...new Set(edges.map((e) => e.type))].sort(
    (a, b) => (typeOrder.get(a) ?? 99) - (typeOrder.get(b) ?? 99) || a.localeCompare(b),
  );
  return types.map((type) => {
    const claims = edges
      .filter((e) => e.type === type)
      .sort((a, b) => a.id.localeCompare(b.id))
      .map((edge): Claim => {
        const source = byId.get(edge.source)!;
        const target = byId.get(edge.target)!;
        return {
          edge,
          source,
          target,
          ...claimParts(edge, source, target),
          confidence: confidenceWords(edge.properties.confidence),
        };
      });
    // Disputed claims stand alone, each with the other side; the rest merge where they say the same thing.
    const { pairs, rest } = mutualPairs(claims.filter((c) => c.edge.properties.disputed !== true));
    const groups = [
      ...pairs,
      ...merge(rest),
      ...claims.filter((c) => c.edge.properties.disputed === true).map((c) => [c]),
    ];
    const sortKey = (g: Claim[]): string =>
      `${String(1e6 - g.length).padStart(7, '0')}\u0000${[...g.map((c) => c.source.name)].sort().join(',')}\u0000${g[0]!.object}`;
    groups.sort((a, b) => sortKey(a).localeCompare(sortKey(b), 'en'));
    const heading = TYPE_HEADINGS.find(([t]) => t === type)?.[1] ?? type.toLowerCase().replace(/_/g, ' ');
    return { type, heading, statements: groups.map((g) => statementOf(g, book, edges, text)) };
  });
}
