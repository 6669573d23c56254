// The extraction engine: text + the graph's vocabulary in, sentences, mentions, candidates and suggestions out.
// Pure and synchronous (no network, no database); `onProgress` reports each phase for large articles.
import { applyAcronyms } from './acronyms.js';
import { applyActingFor } from './acting-for.js';
import { applyAppositionRules } from './apposition-rules.js';
import { applyBilateral } from './bilateral.js';
import { applyForumParties } from './forum-parties.js';
import { applyInferences } from './inferences.js';
import { anaphorMentions } from './anaphora.js';
import { anonymousSources } from './anonymous-sources.js';
import { applyHeadingTopics, headingTopics } from './heading-topics.js';
import { CandidateSet } from './candidates.js';
import { findDates } from './dates.js';
import { markDisputes } from './disputes.js';
import { applyEventPlaces, eventCandidates } from './event-candidates.js';
import type { Doc } from './doc.js';
import { makeHedger } from './hedging.js';
import { compileKeywords } from './keywords.js';
import { readLayout } from './layout.js';
import { buildBuiltinIndex, buildVocabularyIndex, type LexValue, type VocabularyIndex } from './lexicon.js';
import { candidateIndex, coveredTokens, findMentions, type TokenMention } from './mentions.js';
import { mergeCandidates } from './merge.js';
import { findNames } from './names.js';
import { makeWordNormaliser } from './normalise.js';
import { applyHyphenPairs, applyNameRules, applyOfficeRules } from './office-rules.js';
import { matchAll, type PhraseIndex } from './phrase-index.js';
import { ProposalSink, refKey } from './proposals.js';
import { defaultRules, type Rules } from './rules.js';
import { applySentenceRules, compileSentenceRules } from './sentence-rules.js';
import { splitSentences } from './sentences.js';
import { structureCandidates } from './structure-candidates.js';
import { applyStructureRules } from './structure-rules.js';
import { needsTags, tagTokens } from './tagger.js';
import { tokenize } from './tokens.js';
import type {
  CandidateLabel,
  EndRef,
  ExtractionResult,
  ExtractOptions,
  Mention,
  NodeSuggestion,
  RelationshipSuggestion,
  Vocabulary,
} from './types.js';

const DEFAULT_MIN_SCORE = 0.35;

/** Everything built once per rule set (and per vocabulary): reuse it across extractions. */
export interface Engine {
  rules: Rules;
  builtin: PhraseIndex<LexValue>;
  vocab: VocabularyIndex;
}

let defaultBuiltin: PhraseIndex<LexValue> | undefined;

/** Prepares the rules, the built-in lexicon and the vocabulary index; the result can serve many extractions. */
export function prepareEngine(vocabulary: Vocabulary, rules: Rules = defaultRules()): Engine {
  const builtin =
    rules === defaultRules() ? (defaultBuiltin ??= buildBuiltinIndex(rules)) : buildBuiltinIndex(rules);
  return { rules, builtin, vocab: buildVocabularyIndex(vocabulary, rules) };
}

/** Extracts mentions, candidates and suggestions from `text`; `vocabulary` is the graph's nodes and claims (or a prepared engine). */
export function extract(
  text: string,
  vocabulary: Vocabulary | Engine,
  options: ExtractOptions = {},
): ExtractionResult {
  const engine = 'builtin' in vocabulary ? vocabulary : prepareEngine(vocabulary);
  const { rules, builtin, vocab } = engine;
  const progress = options.onProgress ?? (() => {});
  const minScore = options.minScore ?? DEFAULT_MIN_SCORE;
  const normaliseWord = makeWordNormaliser(rules.spelling);

  const tokens = tokenize(text, normaliseWord);
  const lines = readLayout(text);
  const sentences = splitSentences(text, lines, tokens, rules.abbreviations);
  const total = sentences.length;
  progress({ phase: 'sentences', done: total, total });
  const sentenceOf = new Int32Array(tokens.length).fill(-1);
  for (const s of sentences) for (let i = s.tokenStart; i < s.tokenEnd; i++) sentenceOf[i] = s.index;
  // The graph's people, bodies and countries that this text names, as compromise's lexicon (not the whole graph:
  // compromise compiles its lexicon on every call).
  const lexicon: Record<string, string> = {};
  const TAG: Partial<Record<string, string>> = {
    Person: 'Person',
    Country: 'Country',
    Organization: 'Organization',
  };
  for (const s of sentences)
    for (const m of matchAll([vocab.index], tokens, s.tokenStart, s.tokenEnd)) {
      const v = m.entry.value;
      const tag = TAG[v.label];
      if (tag)
        lexicon[text.slice(tokens[m.tokenStart]!.start, tokens[m.tokenEnd - 1]!.end).toLowerCase()] = tag;
    }
  const kw = compileKeywords(rules);
  const tags = tagTokens(
    text,
    tokens,
    lexicon,
    sentences.filter((s) => needsTags(text, tokens, s, kw)),
  );
  progress({ phase: 'tagging', done: total, total });
  const doc: Doc = { text, tokens, tags, lines, sentences, sentenceOf, rules, kw, normaliseWord };

  // Names the graph or the lexicon already know, then new names, list and table labels, merged.
  const set = new CandidateSet(text, normaliseWord);
  const { covered, places } = coveredTokens(doc, [vocab.index, builtin]);
  const named: (readonly [number, number] | undefined)[] = new Array(tokens.length);
  for (const s of sentences) {
    for (const n of findNames(doc, s.index, covered, set, places))
      for (let i = n.tokenStart; i < n.tokenEnd; i++) named[i] = [n.tokenStart, n.tokenEnd];
    if (s.index % 50 === 0) progress({ phase: 'candidates', done: s.index, total });
  }
  structureCandidates(doc, covered, named, set);
  eventCandidates(doc, places, named, set);
  anonymousSources(doc, set);
  const topics = headingTopics(doc, set);
  mergeCandidates(set);
  progress({ phase: 'candidates', done: total, total });

  // Every mention in one pass per sentence, acronyms defined in the text, then anaphors.
  let mentions = findMentions(doc, vocab, builtin, set);
  const links = applyAcronyms(doc, mentions, set);
  mentions = [...mentions, ...anaphorMentions(doc, mentions, set)].sort(
    (a, b) => a.start - b.start || b.end - a.end,
  );
  const canon = (r: EndRef): EndRef => {
    if (!('candidateKey' in r)) return r;
    const k = set.resolve(r.candidateKey);
    return links.get(k) ?? { candidateKey: k };
  };
  mentions = mentions.map((m) => ({ ...m, ref: canon(m.ref) }));
  progress({ phase: 'mentions', done: total, total });

  // Relationship rules: sentences, structure, titles, names.
  const hedger = makeHedger(doc);
  const sink = new ProposalSink(doc, hedger, set);
  const compiled = compileSentenceRules(rules);
  const bySentence = new Map<number, TokenMention[]>();
  for (const m of mentions) bySentence.set(m.sentence, [...(bySentence.get(m.sentence) ?? []), m]);
  const event = mainEvent(mentions, set, rules);
  for (const s of sentences) {
    const ms = bySentence.get(s.index);
    if (ms && s.block !== 'heading') applySentenceRules(doc, s.index, ms, compiled, sink, event);
    if (s.index % 50 === 0) progress({ phase: 'relationships', done: s.index, total });
  }
  applyStructureRules(doc, mentions, sink, event);
  applyOfficeRules(doc, mentions, sink);
  applyHyphenPairs(doc, mentions, sink);
  applyAppositionRules(doc, mentions, sink);
  applyActingFor(doc, mentions, sink);
  const sentenceAt = (offset: number) => {
    let lo = 0;
    let hi = sentences.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (sentences[mid]!.start <= offset) lo = mid;
      else hi = mid - 1;
    }
    const s = sentences[lo];
    return s && s.start <= offset && offset < s.end ? s.index : -1;
  };
  applyNameRules(
    doc,
    set,
    [vocab.index, candidateIndex(doc, set), builtin],
    (v) => resolveLex(v, vocab, set, normaliseWord),
    sentenceAt,
    sink,
  );

  applyEventPlaces(doc, set, builtin, (v) => resolveLex(v, vocab, set, normaliseWord), sentenceAt, sink);

  const dates = findDates(doc, mentions);
  for (const d of dates)
    if (d.attachedTo && 'candidateKey' in d.attachedTo) {
      const c = set.get(d.attachedTo.candidateKey);
      if (c && (c.label === 'Forum' || c.label === 'Agreement')) c.properties.date ??= d.iso;
    }

  applyForumParties(doc, mentions, sink);
  applyBilateral(doc, mentions, set, sink);
  applyHeadingTopics(doc, topics, mentions, set, sink);
  applyInferences(
    doc,
    mentions,
    sink,
    (r) =>
      'candidateKey' in r
        ? set.get(r.candidateKey)?.name
        : vocab.vocabulary.nodes.find((n) => n.id === r.nodeId)?.name,
    sentenceAt,
    (r) =>
      'candidateKey' in r
        ? set.get(r.candidateKey)?.label
        : (vocab.vocabulary.nodes.find((n) => n.id === r.nodeId)?.labels.find((l) => l !== 'Actor') as
            CandidateLabel | undefined),
  );
  const relationships = sink
    .all()
    .map((r) => ({ ...r, from: canon(r.from), to: canon(r.to) }))
    .filter((r) => r.score >= minScore && refKey(r.from) !== refKey(r.to));
  nameUnnamedOutcomes(relationships, set, vocab);
  const nameOf = (ref: string) =>
    set.get(ref)?.name ?? vocab.vocabulary.nodes.find((n) => n.id === ref)?.name ?? ref;
  markDisputes(relationships, vocab.vocabulary.claims ?? [], rules.disputes, nameOf);

  // A country named only by its capital or demonym stays when a relationship other than co-occurrence needs it.
  for (const r of relationships)
    for (const e of [r.from, r.to]) {
      const c = 'candidateKey' in e ? set.get(e.candidateKey) : undefined;
      if (
        c &&
        c.score < minScore &&
        /^lexicon:(capital|demonym)$/.test(c.rule) &&
        !r.rule.startsWith('cooccurrence')
      )
        c.score = 0.6;
    }
  const candidates = set.all().filter((c) => c.mentionCount > 0 && c.score >= minScore && !links.has(c.key));
  const nodeSuggestions: NodeSuggestion[] = candidates.map((c) => {
    const s = sentences[sentenceAt(c.first.start)] ?? { start: c.first.start, end: c.first.end };
    return {
      kind: 'node',
      candidateKey: c.key,
      label: c.label,
      name: c.name,
      aliases: c.aliases,
      properties: c.properties,
      quote: text.slice(s.start, s.end),
      start: s.start,
      end: s.end,
      confidence: 'sentence' in s ? 'confirmed' : hedger.sentence(sentenceAt(c.first.start)),
      score: c.score,
      rule: c.rule,
    };
  });
  const kept = new Set(candidates.map((c) => c.key));
  const rels: RelationshipSuggestion[] = relationships.filter((r) =>
    [r.from, r.to].every((e) => 'nodeId' in e || kept.has(e.candidateKey)),
  );
  progress({ phase: 'done', done: total, total });
  return {
    sentences: sentences.map(({ index, start, end, block, line }) => ({ index, start, end, block, line })),
    mentions: mentions.map(({ ts: _ts, te: _te, topic: _topic, ...m }): Mention => m),
    candidates,
    suggestions: [...nodeSuggestions, ...rels],
    dates,
  };
}

function resolveLex(
  v: LexValue,
  vocab: VocabularyIndex,
  set: CandidateSet,
  nw: (w: string) => string,
): EndRef | undefined {
  if (v.kind === 'node') return { nodeId: v.nodeId };
  if (v.kind === 'candidate') {
    // Named inside another name ("ASEAN Regional Forum"): that is a mention too.
    set.countMention(v.key);
    return { candidateKey: set.resolve(v.key) };
  }
  const hit = vocab.byKey.get(`${v.label}:${nw(v.name)}`);
  if (hit) return { nodeId: hit.nodeId };
  const c = set.get(v.key);
  if (c) return { candidateKey: c.key };
  const key = set.add({
    label: v.label,
    name: v.name,
    key: v.key,
    start: 0,
    end: 0,
    rule: `lexicon:${v.via}`,
    score: 0.5,
    aliases: v.aliases,
  });
  set.countMention(key);
  return { candidateKey: key };
}

/** The first forum mention of the article's one event (a forum of an event kind that the article does not create):
 * the only one it names, or the one it names most. */
function mainEvent(
  mentions: readonly TokenMention[],
  set: CandidateSet,
  rules: Rules,
): TokenMention | undefined {
  const events = new Map<string, TokenMention>();
  const counts = new Map<string, number>();
  for (const m of mentions) {
    if (m.label !== 'Forum' || m.via === 'anaphor') continue;
    const c = 'candidateKey' in m.ref ? set.get(m.ref.candidateKey) : undefined;
    const kind = c?.properties.kind;
    if (kind && !rules.anaphora.eventKinds.includes(kind)) continue;
    // Only a named forum: a working group the article sets up is an outcome of its event, and talks it only
    // describes ("recent discussions in Paris") are too loose to hang its lists on.
    if (c && !c.rule.startsWith('name:')) continue;
    if (!events.has(refKey(m.ref))) events.set(refKey(m.ref), m);
    counts.set(refKey(m.ref), (counts.get(refKey(m.ref)) ?? 0) + 1);
  }
  if (events.size <= 1) return [...events.values()][0];
  // Several events ("the Fourth Ministerial … Papua New Guinea will host the Fifth"): the one the article names
  // most, if one is named more than every other.
  const ranked = [...counts].sort((a, b) => b[1] - a[1]);
  return ranked[0]![1] > ranked[1]![1] ? events.get(ranked[0]![0]) : undefined;
}

/** An agreement the text only describes ("a strategic agreement") is named after the forum that produced it
 * ("Five Country Ministerial strategic agreement"), so that the graph can tell it from others; the description
 * stays an alias. */
function nameUnnamedOutcomes(
  relationships: readonly RelationshipSuggestion[],
  set: CandidateSet,
  vocab: VocabularyIndex,
): void {
  for (const r of relationships) {
    if (r.type !== 'ESTABLISHED_BY' || !('candidateKey' in r.from)) continue;
    const c = set.get(r.from.candidateKey);
    if (!c || c.rule !== 'text:creation-object' || c.label !== 'Agreement' || /^\p{Lu}/u.test(c.name))
      continue;
    const to = r.to;
    const forum =
      'candidateKey' in to
        ? set.get(to.candidateKey)?.name
        : vocab.vocabulary.nodes.find((n) => n.id === to.nodeId)?.name;
    if (forum) set.rename(c.key, `${forum} ${c.name}`);
  }
}
