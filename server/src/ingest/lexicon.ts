// The phrase indexes extraction matches with: the graph's own names and aliases (vocabulary), and the built-in
// lexicon of countries, threat types, technologies and a few supranational bodies (each linked to a graph node
// when the graph already has it).
import { buildGazetteer } from './gazetteer.js';
import { primaryLabelOf } from './model.js';
import { makeWordNormaliser, nameKey, nameWords } from './normalise.js';
import { caseRuleFor, PhraseIndex } from './phrase-index.js';
import type { Rules } from './rules.js';
import type { CandidateLabel, MentionVia, Vocabulary } from './types.js';

/** What a matched phrase stands for. */
export type LexValue =
  | { kind: 'node'; nodeId: string; label: CandidateLabel }
  | {
      kind: 'builtin';
      key: string;
      label: CandidateLabel;
      name: string;
      aliases: readonly string[];
      via: MentionVia;
      /** A word for the fight against a threat ("counter-terrorism"), not the threat itself. */
      topic?: boolean;
      parent?: string;
    }
  | { kind: 'candidate'; key: string; label: CandidateLabel };

/** The graph's vocabulary, indexed once and reusable across extractions. */
export interface VocabularyIndex {
  index: PhraseIndex<LexValue>;
  /** Node id by name key, per label (to link built-in entries to graph nodes). */
  byKey: Map<string, { nodeId: string; label: CandidateLabel }>;
  vocabulary: Vocabulary;
}

const PROPER: ReadonlySet<CandidateLabel> = new Set(['Country', 'Person', 'Organization', 'Forum']);

export function slug(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Indexes the graph's nodes by name and aliases. */
export function buildVocabularyIndex(vocabulary: Vocabulary, rules: Rules): VocabularyIndex {
  const norm = makeWordNormaliser(rules.spelling);
  const index = new PhraseIndex<LexValue>();
  const byKey = new Map<string, { nodeId: string; label: CandidateLabel }>();
  for (const node of vocabulary.nodes) {
    const primary = primaryLabelOf(node.labels);
    if (!primary || primary === 'Source') continue;
    const label = primary as CandidateLabel;
    for (const surface of [node.name, ...(node.aliases ?? [])]) {
      const words = nameWords(surface, norm);
      if (!words.length) continue;
      index.add(words, {
        value: { kind: 'node', nodeId: node.id, label },
        caseRule: caseRuleFor(surface, PROPER.has(label)),
      });
      byKey.set(`${label}:${nameKey(surface, norm)}`, { nodeId: node.id, label });
    }
  }
  return { index, byKey, vocabulary };
}

/** The built-in lexicon: countries (with capitals, demonyms, combining forms), threat types, technologies. */
export function buildBuiltinIndex(rules: Rules): PhraseIndex<LexValue> {
  const norm = makeWordNormaliser(rules.spelling);
  const index = new PhraseIndex<LexValue>();
  for (const c of buildGazetteer(rules.places)) {
    const key = `country:${c.code.toLowerCase()}`;
    for (const f of c.forms) {
      const via: MentionVia = f.via === 'combining' ? 'demonym' : f.via;
      index.add(nameWords(f.surface, norm), {
        value: { kind: 'builtin', key, label: 'Country', name: c.name, aliases: c.aliases, via },
        caseRule: f.via === 'combining' ? 'any' : caseRuleFor(f.surface, true),
        needsHyphenAfter: f.via === 'combining',
      });
    }
  }
  for (const o of rules.places.nonCountryOrganisations.names) {
    const value: LexValue = {
      kind: 'builtin',
      key: `org:${slug(o.name)}`,
      label: 'Organization',
      name: o.name,
      aliases: o.aliases,
      via: 'lexicon',
    };
    for (const s of [o.name, ...o.aliases])
      index.add(nameWords(s, norm), { value, caseRule: caseRuleFor(s, true) });
  }
  for (const t of rules.threats.threats) {
    const key = `threat:${slug(t.name)}`;
    const base = {
      kind: 'builtin',
      key,
      label: 'ThreatType',
      name: t.name,
      aliases: t.aliases,
      via: 'lexicon',
      parent: t.parent,
    } as const;
    for (const s of [t.name, ...t.forms])
      index.add(nameWords(s, norm), { value: base, caseRule: caseRuleFor(s, false) });
    for (const s of t.topicForms)
      index.add(nameWords(s, norm), { value: { ...base, topic: true }, caseRule: caseRuleFor(s, false) });
  }
  for (const t of rules.technologies.technologies) {
    const value: LexValue = {
      kind: 'builtin',
      key: `tech:${slug(t.name)}`,
      label: 'Technology',
      name: t.name,
      aliases: t.aliases,
      via: 'lexicon',
    };
    for (const s of [t.name, ...t.aliases, ...t.forms])
      index.add(nameWords(s, norm), { value, caseRule: caseRuleFor(s, false) });
  }
  return index;
}
