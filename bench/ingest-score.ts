// Scores an extraction against a hand-made graph: nodes matched one-to-one by name or alias (normalised as the
// engine compares names), relationships by type and both matched ends, quotes checked verbatim, curator effort.
import { nameKey } from '../server/src/ingest/normalise.js';
import type { ExtractionResult, NodeSuggestion, RelationshipSuggestion } from '../server/src/ingest/types.js';

export interface GoldNode {
  id: string;
  label: string;
  name: string;
  aliases: string[];
  /** Quotes a curator typed for it. */
  quotes: number;
}
export interface GoldRel {
  type: string;
  from: string;
  to: string;
  quotes: number;
}
export interface Gold {
  nodes: GoldNode[];
  relationships: GoldRel[];
}

export interface PR {
  tp: number;
  suggested: number;
  gold: number;
  precision: number;
  recall: number;
}

export interface ArticleScore {
  article: string;
  words: number;
  nodes: PR & {
    lenientRecall: number;
    /** Share of gold nodes whose name or an alias is written in the article at all (a diagnosis, not a ceiling:
     * extraction may also find a node by a synonym). */
    nameInText: number;
    labelAgreement: number;
    byLabel: Record<string, { recall: number; gold: number; found: number }>;
  };
  relationships: PR & {
    byType: Record<string, { tp: number; suggested: number; gold: number }>;
    byRule: Record<string, { tp: number; suggested: number }>;
    /** Gold relationships whose two ends were both found as nodes: what relationship rules could reach. */
    bothEndsFound: number;
  };
  quotes: { total: number; verbatim: number; share: number };
  effort: {
    byHand: number;
    withSuggestions: number;
    accepts: number;
    rejects: number;
    edits: number;
    links: number;
    typedForMisses: number;
  };
  missedNodes: string[];
  extraNodes: string[];
  missedRelationships: string[];
  extraRelationships: string[];
}

const pr = (tp: number, suggested: number, gold: number, goldTp = tp): PR => ({
  tp,
  suggested,
  gold,
  precision: suggested ? tp / suggested : 0,
  recall: gold ? goldTp / gold : 0,
});

/** Maximum one-to-one matching (augmenting paths) of candidates to gold nodes they may name. */
function assign(edges: number[][], goldCount: number): Int32Array {
  const goldOf = new Int32Array(edges.length).fill(-1);
  const candOf = new Int32Array(goldCount).fill(-1);
  const tryAssign = (c: number, seen: Uint8Array): boolean => {
    for (const g of edges[c]!) {
      if (seen[g]) continue;
      seen[g] = 1;
      if (candOf[g]! < 0 || tryAssign(candOf[g]!, seen)) {
        candOf[g] = c;
        goldOf[c] = g;
        return true;
      }
    }
    return false;
  };
  for (let c = 0; c < edges.length; c++) tryAssign(c, new Uint8Array(goldCount));
  return goldOf;
}

function contentWords(s: string, nw: (w: string) => string): Set<string> {
  const stop = new Set(['the', 'of', 'and', 'for', 'in', 'on', 'a', 'an', 'to', 'between', 'at']);
  return new Set(foldWords(s, nw).filter((w) => !stop.has(w)));
}
function foldWords(s: string, nw: (w: string) => string): string[] {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map(nw);
}

/** Near-miss: most content words shared (reported beside the strict figure, never instead of it). */
function lenientMatch(a: string[], b: string[], nw: (w: string) => string): boolean {
  for (const x of a)
    for (const y of b) {
      const A = contentWords(x, nw);
      const B = contentWords(y, nw);
      const shared = [...A].filter((w) => B.has(w)).length;
      if (shared >= 2 && shared >= 0.6 * Math.max(A.size, B.size)) return true;
      if (A.size === 1 && B.size === 1 && shared === 1) return true;
    }
  return false;
}

/** Scores one article's extraction against its gold graph. */
export function scoreArticle(
  article: string,
  text: string,
  result: ExtractionResult,
  gold: Gold,
  nw: (w: string) => string,
): ArticleScore {
  const nodes = result.suggestions.filter((s): s is NodeSuggestion => s.kind === 'node');
  const rels = result.suggestions.filter((s): s is RelationshipSuggestion => s.kind === 'relationship');
  const keysOf = (names: string[]) => new Set(names.map((n) => nameKey(n, nw)).filter(Boolean));
  const goldKeys = gold.nodes.map((g) => keysOf([g.name, ...g.aliases]));
  const edges = nodes.map((c) => {
    const ck = keysOf([c.name, ...c.aliases]);
    return goldKeys.flatMap((gk, gi) => ([...ck].some((k) => gk.has(k)) ? [gi] : []));
  });
  const goldOf = assign(edges, gold.nodes.length);
  const matchedGold = new Set<number>();
  const goldIdOfCandidate = new Map<string, string>();
  let sameLabel = 0;
  nodes.forEach((c, i) => {
    const g = goldOf[i]!;
    if (g < 0) return;
    matchedGold.add(g);
    goldIdOfCandidate.set(c.candidateKey, gold.nodes[g]!.id);
    if (gold.nodes[g]!.label === c.label) sameLabel++;
  });
  const nodeTp = matchedGold.size;
  const textKey = foldWords(text, nw).join('');
  const inText = gold.nodes.filter((g) =>
    [g.name, ...g.aliases].some((n) => {
      const k = foldWords(n, nw).join('');
      return k.length > 0 && textKey.includes(k);
    }),
  ).length;
  const lenientFound = gold.nodes.filter((g) =>
    nodes.some((c) => lenientMatch([c.name, ...c.aliases], [g.name, ...g.aliases], nw)),
  ).length;
  const byLabel: ArticleScore['nodes']['byLabel'] = {};
  gold.nodes.forEach((g, gi) => {
    const b = (byLabel[g.label] ??= { recall: 0, gold: 0, found: 0 });
    b.gold++;
    if (matchedGold.has(gi)) b.found++;
  });
  for (const b of Object.values(byLabel)) b.recall = b.found / b.gold;

  const goldRelKeys = new Map<string, GoldRel>();
  for (const r of gold.relationships) {
    goldRelKeys.set(`${r.from}|${r.type}|${r.to}`, r);
    if (r.type === 'COOPERATES_WITH') goldRelKeys.set(`${r.to}|${r.type}|${r.from}`, r);
  }
  const endId = (e: RelationshipSuggestion['from']) =>
    'nodeId' in e ? e.nodeId : goldIdOfCandidate.get(e.candidateKey);
  const foundRels = new Set<GoldRel>();
  const extraRelationships: string[] = [];
  const byType: ArticleScore['relationships']['byType'] = {};
  const byRule: ArticleScore['relationships']['byRule'] = {};
  let relTp = 0;
  for (const r of rels) {
    const f = endId(r.from);
    const t = endId(r.to);
    const g = f && t ? goldRelKeys.get(`${f}|${r.type}|${t}`) : undefined;
    const bt = (byType[r.type] ??= { tp: 0, suggested: 0, gold: 0 });
    const br = (byRule[r.rule] ??= { tp: 0, suggested: 0 });
    bt.suggested++;
    br.suggested++;
    if (g && !foundRels.has(g)) {
      foundRels.add(g);
      relTp++;
      bt.tp++;
      br.tp++;
    } else extraRelationships.push(`${r.type} ${f ?? refName(r.from)} -> ${t ?? refName(r.to)} [${r.rule}]`);
  }
  for (const r of gold.relationships) (byType[r.type] ??= { tp: 0, suggested: 0, gold: 0 }).gold++;
  const matchedIds = new Set([...goldIdOfCandidate.values()]);
  const reachable = gold.relationships.filter((r) => matchedIds.has(r.from) && matchedIds.has(r.to)).length;
  const missedRelationships = gold.relationships
    .filter((r) => !foundRels.has(r))
    .map((r) => `${r.type} ${r.from} -> ${r.to}`);

  let total = 0;
  let verbatim = 0;
  for (const s of result.suggestions) {
    const items = s.kind === 'relationship' ? [s, ...s.evidence] : [s];
    for (const q of items) {
      total++;
      if (q.quote.length > 0 && text.slice(q.start, q.end) === q.quote) verbatim++;
    }
  }

  // Curator effort: typing each node, relationship and quote by hand, against one click per suggestion
  // (accept or reject), an edit where the label is wrong, and typing what extraction missed.
  const goldQuotes =
    gold.nodes.reduce((a, g) => a + g.quotes, 0) + gold.relationships.reduce((a, r) => a + r.quotes, 0);
  const byHand = gold.nodes.length + gold.relationships.length + goldQuotes;
  const missedNodeEffort = gold.nodes.reduce((a, g, gi) => a + (matchedGold.has(gi) ? 0 : 1 + g.quotes), 0);
  const missedRelEffort = gold.relationships.reduce((a, r) => a + (foundRels.has(r) ? 0 : 1 + r.quotes), 0);
  const accepts = nodeTp + relTp;
  const rejects = nodes.length - nodeTp + rels.length - relTp;
  const edits = nodeTp - sameLabel;
  const typedForMisses = missedNodeEffort + missedRelEffort;
  return {
    article,
    words: text.split(/\s+/).filter(Boolean).length,
    nodes: {
      ...pr(nodeTp, nodes.length, gold.nodes.length),
      lenientRecall: gold.nodes.length ? lenientFound / gold.nodes.length : 0,
      nameInText: gold.nodes.length ? inText / gold.nodes.length : 0,
      labelAgreement: nodeTp ? sameLabel / nodeTp : 0,
      byLabel,
    },
    relationships: {
      ...pr(relTp, rels.length, gold.relationships.length),
      byType,
      byRule,
      bothEndsFound: reachable,
    },
    quotes: { total, verbatim, share: total ? verbatim / total : 1 },
    effort: {
      byHand,
      withSuggestions: accepts + rejects + edits + typedForMisses,
      accepts,
      rejects,
      edits,
      links: 0,
      typedForMisses,
    },
    missedNodes: gold.nodes.filter((_, gi) => !matchedGold.has(gi)).map((g) => `${g.label} ${g.name}`),
    extraNodes: nodes.filter((_, i) => goldOf[i]! < 0).map((c) => `${c.label} ${c.name} [${c.rule}]`),
    missedRelationships,
    extraRelationships,
  };
}

function refName(e: RelationshipSuggestion['from']): string {
  return 'nodeId' in e ? e.nodeId : e.candidateKey;
}

/** Sums articles into one micro-averaged score. */
export function overall(scores: readonly ArticleScore[]): {
  nodes: PR;
  relationships: PR;
  quotes: { total: number; verbatim: number; share: number };
} {
  const sum = (f: (s: ArticleScore) => number) => scores.reduce((a, s) => a + f(s), 0);
  const qt = sum((s) => s.quotes.total);
  const qv = sum((s) => s.quotes.verbatim);
  return {
    nodes: pr(
      sum((s) => s.nodes.tp),
      sum((s) => s.nodes.suggested),
      sum((s) => s.nodes.gold),
    ),
    relationships: pr(
      sum((s) => s.relationships.tp),
      sum((s) => s.relationships.suggested),
      sum((s) => s.relationships.gold),
    ),
    quotes: { total: qt, verbatim: qv, share: qt ? qv / qt : 1 },
  };
}
