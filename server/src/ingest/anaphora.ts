// Resolves phrases that refer back to something named ("the conference", "this gathering", "the pact",
// "both nations") to forums, agreements and pairs of actors, as extra mentions for the relation rules.
import type { CandidateSet } from './candidates.js';
import type { Doc } from './doc.js';
import type { TokenMention } from './mentions.js';
import { isWord } from './tokens.js';
import type { CandidateLabel, EndRef } from './types.js';

const refKey = (r: EndRef) => ('nodeId' in r ? r.nodeId : r.candidateKey);

interface Seen {
  ref: EndRef;
  label: CandidateLabel;
  words: string[];
  kind?: string;
  sentence: number;
}

/** Anaphor mentions of the article (not overlapping named mentions). */
export function anaphorMentions(
  doc: Doc,
  mentions: readonly TokenMention[],
  set: CandidateSet,
): TokenMention[] {
  const rules = doc.rules.anaphora;
  const phrase = (s: string) =>
    s
      .toLowerCase()
      .split(/[\s-]+/)
      .map(doc.normaliseWord);
  const forumNouns = rules.forumNouns.map(phrase);
  const generic = new Set(rules.genericForumNouns.map((s) => phrase(s).join(' ')));
  const agreementNouns = new Set(rules.agreementNouns.map((s) => phrase(s).join(' ')));
  const pairs = rules.pairPhrases.map(phrase).sort((a, b) => b.length - a.length);
  const determiners = new Set(rules.determiners);
  const eventKinds = new Set(rules.eventKinds);
  const blocking = new Set(rules.blockingModifiers);
  const info = (m: TokenMention): Seen => {
    const c = 'candidateKey' in m.ref ? set.get(m.ref.candidateKey) : undefined;
    return {
      ref: m.ref,
      label: m.label,
      words: phrase(c?.name ?? m.text),
      kind: c?.properties.kind,
      sentence: m.sentence,
    };
  };
  const counts = new Map<string, { seen: Seen; n: number }>();
  for (const m of mentions)
    if (m.label === 'Forum') {
      const k = refKey(m.ref);
      const e = counts.get(k) ?? { seen: info(m), n: 0 };
      e.n++;
      counts.set(k, e);
    }
  const events = [...counts.values()].filter((e) => !e.seen.kind || eventKinds.has(e.seen.kind));
  const main = events.sort((a, b) => b.n - a.n)[0]?.seen;
  const covered = new Set<number>();
  for (const m of mentions) for (let i = m.ts; i < m.te; i++) covered.add(i);
  const bySentence = new Map<number, TokenMention[]>();
  for (const m of mentions) bySentence.set(m.sentence, [...(bySentence.get(m.sentence) ?? []), m]);

  const out: TokenMention[] = [];
  const history: Seen[] = [];
  const tk = doc.tokens;
  for (const s of doc.sentences) {
    const here = bySentence.get(s.index) ?? [];
    for (let i = s.tokenStart; i < s.tokenEnd; i++) {
      if (covered.has(i) || !isWord(tk[i])) continue;
      const before = [...history, ...here.filter((m) => m.ts < i).map(info)];
      // "both nations": the last two distinct actors named shortly before.
      const pair = pairs.find((p) => p.every((w, k) => tk[i + k]?.norm === w && !covered.has(i + k)));
      if (pair) {
        const actors: Seen[] = [];
        for (let k = before.length - 1; k >= 0 && actors.length < 2; k--) {
          const a = before[k]!;
          if (s.index - a.sentence > rules.pairWindow) break;
          if (
            (a.label === 'Country' || a.label === 'Organization') &&
            !actors.some((x) => refKey(x.ref) === refKey(a.ref))
          )
            actors.push(a);
        }
        if (actors.length === 2) {
          const end = i + pair.length;
          for (const a of actors) out.push(anaphor(doc, i, end, a, s.index));
          i = end - 1;
          continue;
        }
      }
      if (!determiners.has(tk[i]!.norm)) continue;
      // Determiner, up to three lower-case modifiers, then the noun.
      let j = i + 1;
      for (let n = 0; n < 4 && j < s.tokenEnd; n++) {
        const noun2 = tk[j + 1] ? `${tk[j]!.norm} ${tk[j + 1]!.norm}` : '';
        const one = tk[j]!.norm;
        const nounLen = forumNouns.some((f) => f.join(' ') === noun2)
          ? 2
          : generic.has(one) || agreementNouns.has(one) || forumNouns.some((f) => f.join(' ') === one)
            ? 1
            : 0;
        if (nounLen && !covered.has(j)) {
          const noun = nounLen === 2 ? noun2 : one;
          const target = agreementNouns.has(noun)
            ? lastAgreement(before, noun, s.index)
            : forumFor(before, noun, generic, eventKinds, main);
          if (target) out.push(anaphor(doc, i, j + nounLen, target, s.index));
          i = j + nounLen - 1;
          break;
        }
        if (!isWord(tk[j]) && tk[j]!.text !== '-') break;
        if (isWord(tk[j]) && tk[j]!.cap) break;
        if (blocking.has(tk[j]!.norm)) break;
        j++;
      }
    }
    history.push(...here.map(info));
  }
  return out;
}

function lastAgreement(before: Seen[], noun: string, sentence: number): Seen | undefined {
  for (let k = before.length - 1; k >= 0; k--) {
    const a = before[k]!;
    if (a.label !== 'Agreement') continue;
    if (a.words.includes(noun) || sentence - a.sentence <= 3) return a;
  }
  return undefined;
}

function forumFor(
  before: Seen[],
  noun: string,
  generic: Set<string>,
  eventKinds: Set<string>,
  main: Seen | undefined,
): Seen | undefined {
  const words = noun.split(' ');
  for (let k = before.length - 1; k >= 0; k--) {
    const f = before[k]!;
    if (f.label === 'Forum' && words.every((w) => f.words.includes(w))) return f;
  }
  if (!generic.has(noun)) return undefined;
  for (let k = before.length - 1; k >= 0; k--) {
    const f = before[k]!;
    if (f.label === 'Forum' && (!f.kind || eventKinds.has(f.kind))) return f;
  }
  return main;
}

function anaphor(doc: Doc, s: number, e: number, target: Seen, sentence: number): TokenMention {
  const start = doc.tokens[s]!.start;
  const end = doc.tokens[e - 1]!.end;
  return {
    start,
    end,
    text: doc.text.slice(start, end),
    label: target.label,
    ref: target.ref,
    sentence,
    via: 'anaphor',
    ts: s,
    te: e,
  };
}
