// Relationship rules read off one sentence: cue patterns with an end on each side (rules/relations.json
// `patterns`), and weaker co-occurrence rules (`cooccurrence`).
import type { Doc } from './doc.js';
import type { TokenMention } from './mentions.js';
import { endpointAllowed, PRIMARY_LABELS, type RelationshipType } from './model.js';
import type { End, ProposalSink } from './proposals.js';
import type { Rules } from './rules.js';
import { isWord } from './tokens.js';
import type { CandidateLabel } from './types.js';
import { tokenRange } from './structure.js';
import { titleStart } from './office-rules.js';

type Pattern = Rules['relations']['patterns'][number] & { re: RegExp; require?: RegExp };
type Cooc = Rules['relations']['cooccurrence'][number] & { re: RegExp };

export interface SentenceRules {
  patterns: Pattern[];
  cooccurrence: Cooc[];
  coordinators: Set<string>;
}

/** Compiles the relation rules' regular expressions once. */
export function compileSentenceRules(rules: Rules): SentenceRules {
  return {
    patterns: rules.relations.patterns.map((p) => ({
      ...p,
      re: new RegExp(`(?<![\\p{L}-])(?:${p.cue})(?![\\p{L}-])`, 'giu'),
      require: p.requireCue ? new RegExp(p.requireCue, 'iu') : undefined,
    })),
    cooccurrence: rules.relations.cooccurrence.map((c) => ({ ...c, re: new RegExp(c.cue, 'iu') })),
    coordinators: new Set(rules.relations.coordinators.map((c) => c.toLowerCase())),
  };
}

function fits(
  type: RelationshipType,
  end: 'from' | 'to',
  label: CandidateLabel,
  narrow?: readonly string[],
): boolean {
  if (narrow && !narrow.includes(label)) return false;
  return endpointAllowed(type, end, PRIMARY_LABELS[label]);
}

const endOf = (m: TokenMention): End => ({ ref: m.ref, label: m.label, anaphor: m.via === 'anaphor' });

/** Words between token a (exclusive end) and b (start) are only coordinators ("Canada, Australia, and"). */
function coordinated(
  doc: Doc,
  a: number,
  b: number,
  coord: Set<string>,
  transparent: ReadonlySet<number>,
): boolean {
  for (let i = a; i < b; i++) {
    if (transparent.has(i)) continue;
    const t = doc.tokens[i]!;
    const w = t.kind === 'word' || t.kind === 'acronym' ? t.norm : t.text;
    if (!coord.has(w.toLowerCase())) {
      const two = isWord(doc.tokens[i + 1]) ? `${w} ${doc.tokens[i + 1]!.norm}` : '';
      if (coord.has(two)) {
        i++;
        continue;
      }
      return false;
    }
  }
  return true;
}

const NONE: ReadonlySet<number> = new Set();
const OPEN_ASIDE = new Set([',', '(', '—', '–']);
const CLOSE_ASIDE: Record<string, string> = { ',': ',', '(': ')', '—': '—', '–': '–' };

/** Words between tokens a and b, an aside closed within them (", launched in 2023," or "(ENISA)") not counted:
 * it does not separate a subject from its verb. */
function wordGap(doc: Doc, a: number, b: number): number {
  let n = 0;
  let asideOpen = '';
  let asideWords = 0;
  for (let i = a; i < b; i++) {
    const t = doc.tokens[i]!;
    if (t.kind === 'punct' && asideOpen && t.text === CLOSE_ASIDE[asideOpen]) {
      asideOpen = '';
      asideWords = 0;
      continue;
    }
    if (t.kind === 'punct' && !asideOpen && OPEN_ASIDE.has(t.text)) {
      asideOpen = t.text;
      continue;
    }
    if (!isWord(t)) continue;
    if (asideOpen) asideWords++;
    else n++;
  }
  return n + asideWords;
}

const RELATIVE = new Set(['which', 'who', 'whose', 'whom', 'where']);

/** Token ranges of relative clauses closed before token `end` in its sentence (", which supports the Yaoundé
 * process,"): what they name is not the subject of the verb after them. */
function relativeClauses(doc: Doc, end: number): [number, number][] {
  const si = doc.sentenceOf[end - 1] ?? -1;
  if (si < 0) return [];
  const out: [number, number][] = [];
  let open = -1;
  for (let i = doc.sentences[si]!.tokenStart; i < end; i++) {
    const t = doc.tokens[i]!;
    if (t.text !== ',') continue;
    if (open >= 0) {
      out.push([open, i]);
      open = -1;
    } else if (RELATIVE.has(doc.tokens[i + 1]?.norm ?? '')) open = i;
  }
  return out;
}

/** What a list in the sentence reads past: possessors inside an item ("ENISA and Japan's NISC") and the title
 * before a person's name ("X and Tanzania's Home Affairs Minister Hamad Masauni") belong to the item. */
interface ListContext {
  transparent: ReadonlySet<number>;
  possessors: ReadonlySet<TokenMention>;
}

function listContext(doc: Doc, sentence: number, ms: readonly TokenMention[]): ListContext {
  const transparent = new Set<number>();
  const possessors = new Set<TokenMention>();
  const starts = new Set(ms.map((m) => m.ts));
  for (const m of ms)
    if (doc.tokens[m.te]?.kind === 'poss' && starts.has(m.te + 1)) {
      possessors.add(m);
      for (let i = m.ts; i <= m.te; i++) transparent.add(i);
    }
  const limit = doc.sentences[sentence]!.tokenStart;
  for (const p of ms) {
    if (p.label !== 'Person') continue;
    const ts = titleStart(doc, p.ts, limit, ms);
    if (ts === undefined) continue;
    for (let i = ts; i < p.ts; i++) transparent.add(i);
    for (const o of ms) if (o !== p && o.ts >= ts && o.te <= p.ts) possessors.add(o);
  }
  return { transparent, possessors };
}

/** The mentions on one side of a cue that fit, nearest first, extended over a coordinated list. */
function side(
  doc: Doc,
  ms: readonly TokenMention[],
  where: 'left' | 'right' | 'sentence',
  cue: [number, number],
  ok: (m: TokenMention) => boolean,
  maxGap: number,
  coord: Set<string>,
  lists: ListContext,
  max = 12,
): TokenMention[] {
  if (where === 'sentence') {
    const dist = (m: TokenMention) => (m.te <= cue[0] ? cue[0] - m.te : m.ts - cue[1]);
    const all = ms
      .filter((m) => ok(m) && (m.te <= cue[0] || m.ts >= cue[1]))
      .sort((a, b) => dist(a) - dist(b));
    return all.slice(0, 1);
  }
  const left = where === 'left';
  const aside = left ? relativeClauses(doc, cue[0]) : [];
  const ordered = ms
    .filter((m) => (left ? m.te <= cue[0] : m.ts >= cue[1]))
    .filter((m) => !aside.some(([a, b]) => m.ts >= a && m.te <= b))
    .sort((a, b) => (left ? b.te - a.te : a.ts - b.ts));
  const nearest = ordered.find(ok);
  if (!nearest) return [];
  const gap = left ? wordGap(doc, nearest.te, cue[0]) : wordGap(doc, cue[1], nearest.ts);
  if (gap > maxGap) return [];
  const out = [nearest];
  let last = nearest;
  const { transparent, possessors } = lists;
  for (const m of ordered.slice(ordered.indexOf(nearest) + 1)) {
    if (out.length >= max) break;
    if (possessors.has(m)) continue;
    const between = left ? [m.te, last.ts] : [last.te, m.ts];
    if (m.ts === last.ts && m.te === last.te) {
      if (ok(m)) out.push(m); // a pair anaphor stands for two actors at one place
      continue;
    }
    if (!coordinated(doc, between[0]!, between[1]!, coord, transparent)) break;
    if (ok(m)) {
      out.push(m);
      last = m;
    }
  }
  return out;
}

/** Runs every pattern and co-occurrence rule over one sentence's mentions. */
export function applySentenceRules(
  doc: Doc,
  sentence: number,
  ms: readonly TokenMention[],
  rules: SentenceRules,
  sink: ProposalSink,
  /** The article's one event, for patterns that may speak of it without naming it (`orMainEvent`). */
  mainEvent?: TokenMention,
): void {
  const s = doc.sentences[sentence]!;
  if (s.block !== 'paragraph' && s.block !== 'bullet') return;
  const text = doc.text.slice(s.start, s.end);
  const usable = ms.filter((m) => !m.topic || m.label === 'ThreatType');
  const lists = listContext(doc, sentence, usable);
  for (const p of rules.patterns) {
    if (p.require && !p.require.test(text)) continue;
    p.re.lastIndex = 0;
    for (const cm of text.matchAll(p.re)) {
      const cue = tokenRange(doc, s.start + cm.index, s.start + cm.index + cm[0].length);
      const maxGap = p.maxGap ?? 6;
      const okFrom = (m: TokenMention) =>
        fits(p.type, 'from', m.label, p.fromLabels) && !(m.via === 'demonym' && p.type !== 'PART_OF');
      const okTo = (m: TokenMention) => fits(p.type, 'to', m.label, p.toLabels) && m.via !== 'demonym';
      const notInCue = usable.filter((m) => m.te <= cue[0] || m.ts >= cue[1]);
      if (p.from === p.to && p.from !== 'sentence') {
        const ends = side(
          doc,
          notInCue,
          p.from,
          cue,
          (m) => okFrom(m) && okTo(m),
          maxGap,
          rules.coordinators,
          lists,
          2,
        );
        if (ends.length === 2)
          sink.add({
            type: p.type,
            from: endOf(ends[0]!),
            to: endOf(ends[1]!),
            sentences: [sentence],
            rule: `pattern:${p.id}`,
            score: p.score,
            properties: p.properties,
          });
        continue;
      }
      const froms = side(doc, notInCue, p.from, cue, okFrom, maxGap, rules.coordinators, lists);
      if (!froms.length) continue;
      // A mention listed with the subjects ("Officials from the Sahel Alliance and ECOWAS took part") is one of them.
      const listedWith = (m: TokenMention) =>
        froms.some((f) =>
          f.te <= m.ts
            ? coordinated(doc, f.te, m.ts, rules.coordinators, NONE)
            : m.te <= f.ts && coordinated(doc, m.te, f.ts, rules.coordinators, NONE),
        );
      let tos = side(
        doc,
        notInCue.filter((m) => !froms.includes(m) && !(p.to === 'sentence' && listedWith(m))),
        p.to,
        cue,
        okTo,
        maxGap,
        rules.coordinators,
        lists,
      );
      let rule = `pattern:${p.id}`;
      if (
        !tos.length &&
        p.orMainEvent &&
        mainEvent &&
        okTo(mainEvent) &&
        !usable.some((m) => m.label === 'Forum')
      ) {
        tos = [{ ...mainEvent, via: 'anaphor' }];
        rule += '+main-event';
      }
      const score = p.score;
      for (const f of froms)
        for (const t of tos)
          sink.add({
            type: p.type,
            from: endOf(f),
            to: endOf(t),
            sentences: [sentence],
            rule,
            score,
            properties: p.properties,
          });
    }
  }
  for (const c of rules.cooccurrence) {
    if (!c.re.test(text)) continue;
    for (const a of usable)
      for (const b of usable) {
        if (a === b || !c.fromLabels.includes(a.label) || !c.toLabels.includes(b.label)) continue;
        if (a.via === 'demonym' || b.via === 'demonym') continue;
        if (c.requireSubject && a.ts > b.ts) continue;
        sink.add({
          type: c.type,
          from: endOf(a),
          to: endOf(b),
          sentences: [sentence],
          rule: `cooccurrence:${c.id}`,
          score: c.score,
        });
      }
  }
}
