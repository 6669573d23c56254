// The synthetic graph, computed rather than stored: every node and each node's outgoing relationships are a pure
// function of (seed, index), so any batch can be (re)built on its own, which makes the generator resumable.
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { labelsOf, type NodeKind, type NodeLabel, type RelationshipType } from '../../model/index.js';

/** One kind of generated node: the model's kind (its labels come from the model) and the id prefix. */
interface Kind {
  key: string;
  kind: NodeKind;
  /**
   * Synthetic ids keep their own prefixes (`technology:g-…` where the model's curation prefix is `tech`), so
   * graphs generated before the model module still resume and compare against the same ids.
   */
  prefix: string;
}

const KINDS = {
  threat: { key: 'threat', kind: 'ThreatType', prefix: 'threat' },
  country: { key: 'country', kind: 'Country', prefix: 'country' },
  source: { key: 'source', kind: 'Source', prefix: 'source' },
  technology: { key: 'technology', kind: 'Technology', prefix: 'technology' },
  forum: { key: 'forum', kind: 'Forum', prefix: 'forum' },
  agreement: { key: 'agreement', kind: 'Agreement', prefix: 'agreement' },
  organization: { key: 'organization', kind: 'Organization', prefix: 'org' },
  person: { key: 'person', kind: 'Person', prefix: 'person' },
} as const satisfies Record<string, Kind>;
type KindKey = keyof typeof KINDS;

/** Where each kind's indexes start and how many there are, for a graph of `nodes` nodes. */
export interface Layout {
  nodes: number;
  ranges: Record<KindKey, { start: number; count: number }>;
}

export function layoutFor(nodes: number): Layout {
  const counts: Record<KindKey, number> = {
    threat: Math.max(20, Math.round(nodes * 0.001)),
    country: Math.min(250, Math.max(20, Math.round(nodes * 0.002))),
    source: Math.max(5, Math.round(nodes * 0.0005)),
    technology: Math.max(10, Math.round(nodes * 0.002)),
    forum: Math.round(nodes * 0.12),
    agreement: Math.round(nodes * 0.08),
    organization: Math.round(nodes * 0.2),
    person: 0,
  };
  counts.person = nodes - Object.values(counts).reduce((a, b) => a + b, 0);
  if (counts.person < 10) throw new Error(`a graph of ${nodes} nodes is too small: use at least 1000`);
  let start = 0;
  const ranges = {} as Layout['ranges'];
  for (const k of Object.keys(KINDS) as KindKey[]) {
    ranges[k] = { start, count: counts[k] };
    start += counts[k];
  }
  return { nodes, ranges };
}

/** A seeded generator for one index and purpose: the same (seed, index, salt) always gives the same numbers. */
function rngFor(seed: number, index: number, salt: number): () => number {
  const g = xoroshiro128plus((seed * 0x9e3779b1 + index * 0x85ebca77 + salt * 0xc2b2ae3d) | 0);
  return () => uniformFloat64(g);
}

/** The kind of node `i`. */
function kindOf(layout: Layout, i: number): KindKey {
  for (const k of Object.keys(KINDS) as KindKey[]) {
    const r = layout.ranges[k];
    if (i < r.start + r.count) return k;
  }
  throw new Error(`node index ${i} is past the graph (${layout.nodes})`);
}

const pad = (n: number): string => String(n).padStart(7, '0');
export const nodeId = (layout: Layout, i: number): string => `${KINDS[kindOf(layout, i)].prefix}:g-${pad(i)}`;

const SYLLABLES = [
  'ka',
  'lo',
  'mi',
  'ra',
  'ten',
  'vo',
  'sa',
  'dur',
  'el',
  'ne',
  'tor',
  'bri',
  'an',
  'is',
  'gal',
  'mon',
  'pe',
  'ru',
  'sel',
  'ta',
];
function word(rand: () => number, parts: number): string {
  let w = '';
  for (let p = 0; p < parts; p++) w += SYLLABLES[Math.floor(rand() * SYLLABLES.length)];
  return w.charAt(0).toUpperCase() + w.slice(1);
}
const NAME_SHAPES: Record<KindKey, (r: () => number) => string> = {
  threat: (r) => `${word(r, 2)} threat`,
  country: (r) => `Republic of ${word(r, 3)}`,
  source: (r) => `Report on ${word(r, 2)} cooperation`,
  technology: (r) => `${word(r, 2)} system`,
  forum: (r) =>
    `${word(r, 2)} ${['Ministerial', 'Summit', 'Conference', 'Working Group'][Math.floor(r() * 4)]}`,
  agreement: (r) =>
    `${word(r, 2)} ${['Framework', 'Initiative', 'Accord', 'Programme'][Math.floor(r() * 4)]}`,
  organization: (r) =>
    `${word(r, 2)} ${['Agency', 'Ministry', 'Office', 'Directorate'][Math.floor(r() * 4)]}`,
  person: (r) => `${word(r, 2)} ${word(r, 3)}`,
};

/** Sentences per generated source; evidence quotes one of them, so every quote is verbatim in its source. */
const SENTENCES = 40;
function sentence(sourceIndex: number, k: number): string {
  return `Finding ${k + 1} of report ${sourceIndex}: partners agreed to share information on case ${(sourceIndex * 7919 + k * 104729) % 100000}.`;
}
/** The full text of generated source `s` (a kind-relative index). */
export function sourceText(s: number): string {
  return Array.from({ length: SENTENCES }, (_, k) => sentence(s, k)).join(' ');
}

/** Stored evidence for a sampled element: a verbatim sentence of a generated source with its offsets; [] otherwise. */
function evidenceFor(
  layout: Layout,
  rand: () => number,
  sampleRate: number,
): { evidence: string; sourceIds: string[] } {
  if (rand() >= sampleRate) return { evidence: '[]', sourceIds: [] };
  const s = Math.floor(rand() * layout.ranges.source.count);
  const k = Math.floor(rand() * SENTENCES);
  const text = sourceText(s);
  const quote = sentence(s, k);
  const start = text.indexOf(quote);
  const sourceId = nodeId(layout, layout.ranges.source.start + s);
  const title = NAME_SHAPES.source(rngFor(0, layout.ranges.source.start + s, 1));
  return {
    evidence: JSON.stringify([{ sourceId, sourceTitle: title, quote, start, end: start + quote.length }]),
    sourceIds: [sourceId],
  };
}

export interface NodeRow {
  id: string;
  labels: NodeLabel[];
  props: Record<string, unknown>;
}
export interface RelRow {
  id: string;
  type: RelationshipType;
  from: string;
  to: string;
  props: Record<string, unknown>;
}

/** Node `i` of the graph. The name comes from a seed-independent stream so it is stable across seeds. */
export function nodeAt(layout: Layout, seed: number, i: number): NodeRow {
  const kind = kindOf(layout, i);
  const rand = rngFor(seed, i, 7);
  const name = NAME_SHAPES[kind](rngFor(0, i, 1));
  const props: Record<string, unknown> = { name, synthetic: true, version: 1, confidence: 'confirmed' };
  if (kind === 'source') {
    const s = i - layout.ranges.source.start;
    Object.assign(props, { title: name, text: sourceText(s), evidence: '[]', sourceIds: [] });
  } else {
    Object.assign(props, evidenceFor(layout, rand, 0.1));
  }
  return { id: nodeId(layout, i), labels: [...labelsOf(KINDS[kind].kind)], props };
}

/** A power-law pick among `count` targets from `start`: low indexes are hubs (P(index < x·count) = x^(1/3)). */
function hubPick(rand: () => number, start: number, count: number): number {
  return start + Math.min(count - 1, Math.floor(count * rand() ** 3));
}
/** How many links an actor makes: heavy-tailed (Pareto, alpha 2), at least 1, mean about 2, capped. */
function linkCount(rand: () => number, cap = 200): number {
  return Math.min(cap, Math.floor(1 / Math.sqrt(1 - rand())));
}

/** The outgoing relationships of node `i` (deduplicated by id). About five per node across the graph. */
export function relationshipsOf(layout: Layout, seed: number, i: number): RelRow[] {
  const kind = kindOf(layout, i);
  const rand = rngFor(seed, i, 13);
  const r = layout.ranges;
  const from = nodeId(layout, i);
  const out = new Map<string, RelRow>();
  const add = (type: RelationshipType, toIndex: number, props: Record<string, unknown> = {}): void => {
    const to = nodeId(layout, toIndex);
    if (to === from) return;
    const id = `${from}|${type}|${to}`;
    if (!out.has(id))
      out.set(id, { id, type, from, to, props: { ...props, version: 1, ...evidenceFor(layout, rand, 0.1) } });
  };
  const pick = (k: KindKey): number => hubPick(rand, r[k].start, r[k].count);
  const any = (k: KindKey): number => r[k].start + Math.floor(rand() * r[k].count);
  switch (kind) {
    case 'forum':
      for (let n = 1 + Math.floor(rand() * 3); n > 0; n--) add('ADDRESSES', pick('threat'));
      add('HELD_IN', pick('country'));
      break;
    case 'agreement':
      for (let n = 1 + Math.floor(rand() * 2); n > 0; n--) add('ADDRESSES', pick('threat'));
      add('ESTABLISHED_BY', pick('forum'));
      break;
    case 'threat':
      if (i > r.threat.start + 5) add('SUBTYPE_OF', r.threat.start + Math.floor(rand() * 5));
      break;
    case 'country':
    case 'organization':
    case 'person': {
      for (let n = linkCount(rand) + 1; n > 0; n--)
        add('PARTICIPATED_IN', pick('forum'), { role: rand() < 0.1 ? 'host' : 'attendee' });
      for (let n = linkCount(rand) - 1; n > 0; n--) add('PARTY_TO', pick('agreement'));
      add('FOCUSES_ON', pick('threat'));
      if (rand() < 0.4) add('COOPERATES_WITH', rand() < 0.3 ? pick('country') : pick('organization'));
      if (kind === 'person')
        add('HOLDS_OFFICE', rand() < 0.7 ? any('organization') : pick('country'), { title: 'Minister' });
      if (kind === 'organization') add('PART_OF', pick('country'));
      if (rand() < 0.05) add('USES_TECHNOLOGY', pick('technology'));
      break;
    }
    default:
      break;
  }
  return [...out.values()];
}
