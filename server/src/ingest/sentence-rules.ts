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
function coordinated(doc: Doc, a: number, b: number, coord: Set<string>): boolean {
  for (let i = a; i < b; i++) {
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

function wordGap(doc: Doc, a: number, b: number): number {
  let n = 0;
  for (let i = a; i < b; i++) if (isWord(doc.tokens[i])) n++;
  return n;
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
  const ordered = ms
    .filter((m) => (left ? m.te <= cue[0] : m.ts >= cue[1]))
    .sort((a, b) => (left ? b.te - a.te : a.ts - b.ts));
  const nearest = ordered.find(ok);
  if (!nearest) return [];
  const gap = left ? wordGap(doc, nearest.te, cue[0]) : wordGap(doc, cue[1], nearest.ts);
  if (gap > maxGap) return [];
  const out = [nearest];
  let last = nearest;
  for (const m of ordered.slice(ordered.indexOf(nearest) + 1)) {
    if (out.length >= max) break;
    const between = left ? [m.te, last.ts] : [last.te, m.ts];
    if (m.ts === last.ts && m.te === last.te) {
      if (ok(m)) out.push(m); // a pair anaphor stands for two actors at one place
      continue;
    }
    if (!coordinated(doc, between[0]!, between[1]!, coord)) break;
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
): void {
  const s = doc.sentences[sentence]!;
  if (s.block !== 'paragraph' && s.block !== 'bullet') return;
  const text = doc.text.slice(s.start, s.end);
  const usable = ms.filter((m) => !m.topic || m.label === 'ThreatType');
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
      const froms = side(doc, notInCue, p.from, cue, okFrom, maxGap, rules.coordinators);
      if (!froms.length) continue;
      const tos = side(
        doc,
        notInCue.filter((m) => !froms.includes(m)),
        p.to,
        cue,
        okTo,
        maxGap,
        rules.coordinators,
      );
      for (const f of froms)
        for (const t of tos)
          sink.add({
            type: p.type,
            from: endOf(f),
            to: endOf(t),
            sentences: [sentence],
            rule: `pattern:${p.id}`,
            score: p.score,
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
