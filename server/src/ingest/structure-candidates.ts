// Candidates that the article's structure names: items of a list of initiatives, cells of an initiative or
// technology column, and the object of a verb that creates an agreement ("signed a maritime security agreement").
import type { CandidateSet } from './candidates.js';
import { wordsOf, type Doc } from './doc.js';
import type { Covered } from './names.js';
import { headOf } from './keywords.js';
import { singular } from './normalise.js';
import { isWord } from './tokens.js';
import {
  itemLabel,
  labelText,
  listKind,
  sentencesOfLine,
  stripLabelLead,
  tableColumns,
  tokenRange,
} from './structure.js';

/** True when [s, e) is entirely one name already found (lexicon, vocabulary or a capitalised name). */
function alreadyNamed(covered: Covered, named: Covered, s: number, e: number): boolean {
  for (const c of [covered[s], named[s]]) if (c && c[0] <= s && c[1] >= e) return true;
  return false;
}

function hasNoun(doc: Doc, s: number, e: number): boolean {
  for (let i = s; i < e; i++) if (doc.tags[i]!.has('Noun') || doc.tags[i]!.has('Gerund')) return true;
  return false;
}

/** An initiative named by a label: the stripped label as name, the full label as alias. */
function addInitiative(
  doc: Doc,
  covered: Covered,
  candidates: CandidateSet,
  s: number,
  e: number,
  rule: string,
  suffix?: string,
): void {
  const full = labelText(doc, s, e);
  const ns = stripLabelLead(doc, s, e);
  // "Implementing advanced surveillance systems" names a technology, not an initiative.
  const tail = covered[e - 1];
  if (tail && tail[1] >= e && (tail[2] === 'Technology' || tail[2] === 'ThreatType') && tail[0] <= ns + 1)
    return;
  let name = labelText(doc, ns, e);
  if (!name || !hasNoun(doc, ns, e) || wordsOf(doc, ns, e).length < 2) return;
  const words = wordsOf(doc, ns, e);
  if (suffix && !words.some((w) => doc.kw.agreementStrong.has(w))) name = `${name} ${suffix}`;
  const forumHead = headOf(words, doc.kw.forumHeads);
  if (forumHead && !doc.kw.forumShared.has(forumHead)) {
    const props = { kind: doc.kw.forumHeads.get(forumHead)! };
    const [start, end] = [doc.tokens[ns]!.start, doc.tokens[e - 1]!.end];
    candidates.add({
      label: 'Forum',
      name,
      start,
      end,
      rule,
      score: 0.5,
      aliases: full !== name ? [full] : [],
      properties: props,
    });
    return;
  }
  const kind =
    [...words]
      .reverse()
      .map((w) => doc.kw.agreementHeads.get(w))
      .find(Boolean) ?? 'initiative';
  candidates.add({
    label: 'Agreement',
    name,
    start: doc.tokens[ns]!.start,
    end: doc.tokens[e - 1]!.end,
    rule,
    score: 0.55,
    aliases: full !== name ? [full] : [],
    properties: { kind },
  });
}

/** Adds the candidates the lists and tables of the article name. */
export function structureCandidates(
  doc: Doc,
  covered: Covered,
  named: Covered,
  candidates: CandidateSet,
): void {
  for (const line of doc.lines) {
    if (line.kind === 'bullet' && listKind(doc, line) === 'initiative') {
      const first = sentencesOfLine(doc, line.index)[0];
      if (first === undefined) continue;
      const label = itemLabel(doc, first);
      if (!label || alreadyNamed(covered, named, label[0], label[1])) continue;
      addInitiative(doc, covered, candidates, label[0], label[1], 'list:initiative-item');
    }
    if (line.kind === 'table-row' && line.header !== undefined) {
      const columns = tableColumns(doc, doc.lines[line.header]!);
      line.cells.forEach((cell, c) => {
        const col = columns[c];
        if (!col) return;
        const [s, e] = tokenRange(doc, cell.start, cell.end);
        if (s >= e || alreadyNamed(covered, named, s, e)) return;
        if (col.role === 'initiative') {
          const suffix = col.words.find((w) => w === 'initiative' || w === 'programme' || w === 'program');
          addInitiative(
            doc,
            covered,
            candidates,
            s,
            e,
            'table:initiative-cell',
            suffix === 'program' ? 'programme' : suffix,
          );
        } else if (
          col.role === 'owner' &&
          wordsOf(doc, s, e).some((w) => doc.kw.agreementStrong.has(singular(w)))
        ) {
          addInitiative(doc, covered, candidates, s, e, 'table:owner-initiative');
        } else if (col.role === 'technology' && wordsOf(doc, s, e).length <= 5) {
          const name = labelText(doc, s, e);
          if (name)
            candidates.add({
              label: 'Technology',
              name,
              start: cell.start,
              end: cell.end,
              rule: 'table:technology-cell',
              score: 0.6,
            });
        }
      });
    }
  }
  creationObjects(doc, named, candidates);
}

// Heads that name an activity rather than a thing when they follow a creation verb ("establishing cooperation").
const GERUND_HEADS = new Set([
  'sharing',
  'training',
  'cooperation',
  'collaboration',
  'development',
  'building',
  'engagement',
]);

/** "signed a maritime security agreement", "establishing a framework for joint operations". */
function creationObjects(doc: Doc, named: Covered, candidates: CandidateSet): void {
  const tk = doc.tokens;
  const dets = ['a', 'an', 'the', 'new', 'its', 'their'];
  const cue = new RegExp(`${doc.kw.creationCue.source}|\\ba new\\b`, 'giu');
  for (const sentence of doc.sentences) {
    if (sentence.block === 'heading' || sentence.block.startsWith('table')) continue;
    const text = doc.text.slice(sentence.start, sentence.end);
    for (const m of text.matchAll(cue)) {
      const [, after] = tokenRange(doc, sentence.start + m.index, sentence.start + m.index + m[0].length);
      let i = after;
      if (!/new$/i.test(m[0]) && !dets.includes(tk[i]?.norm ?? '')) continue;
      while (dets.includes(tk[i]?.norm ?? '')) i++;
      const s = i;
      let headEnd = -1;
      let forumKind: string | undefined;
      for (let n = 0; i < sentence.tokenEnd && n < 6; n++) {
        const t = tk[i]!;
        if (t.kind === 'punct' && t.text === '-' && !t.spaceBefore) {
          i++;
          continue;
        }
        if (!isWord(t) || named[i] || t.cap) break;
        const tags = doc.tags[i]!;
        if (!(tags.has('Noun') || tags.has('Adjective'))) break;
        i++;
        const two = i - 2 >= s ? `${tk[i - 2]!.norm} ${t.norm}` : '';
        const forum =
          doc.kw.forumHeads.get(two) ??
          (doc.kw.forumShared.has(t.norm) ? undefined : doc.kw.forumHeads.get(t.norm));
        if (forum) {
          headEnd = i;
          forumKind = forum;
        } else if (
          (doc.kw.agreementHeads.has(t.norm) && !GERUND_HEADS.has(t.norm)) ||
          doc.kw.agreementHeads.has(two)
        ) {
          headEnd = i;
          forumKind = undefined;
        }
      }
      if (headEnd < 0 || wordsOf(doc, s, headEnd).length < 2) continue;
      let e = headEnd;
      // A forum's topic names it when it has no other name ("a working group on firearms trafficking").
      if (forumKind) {
        let j = e;
        if (
          ['focused', 'dedicated', 'devoted'].includes(tk[j]?.norm ?? '') &&
          ['on', 'to'].includes(tk[j + 1]?.norm ?? '')
        )
          j += 2;
        else if (tk[j]?.norm === 'on') j += 1;
        else j = -1;
        let last = -1;
        for (let n = 0; j > 0 && j < sentence.tokenEnd && n < 8; n++, j++) {
          const w = tk[j]!;
          if (w.kind === 'punct' && w.text === '-' && !w.spaceBefore) continue;
          if (!isWord(w) || w.cap) break;
          if (w.norm === 'and') continue;
          if (!(doc.tags[j]!.has('Noun') || doc.tags[j]!.has('Adjective') || doc.tags[j]!.has('Gerund')))
            break;
          last = j + 1;
        }
        if (last > e) e = last;
        else if (wordsOf(doc, s, headEnd).length - (forumHeadWords(doc, headEnd) ?? 1) < 1) continue;
      }
      // An agreement's complement is part of its name ("framework for joint operations").
      if (!forumKind && ['for', 'on', 'of', 'against'].includes(tk[e]?.norm ?? '')) {
        let j = e + 1;
        let last = e;
        for (let n = 0; j < sentence.tokenEnd && n < 6; n++, j++) {
          const w = tk[j]!;
          if (w.kind === 'punct' && w.text === '-' && !w.spaceBefore) continue;
          if (!isWord(w) || w.cap) break;
          if (w.norm === 'and') continue;
          if (!(doc.tags[j]!.has('Noun') || doc.tags[j]!.has('Adjective'))) break;
          last = j + 1;
        }
        if (last > e) e = last;
      }
      const name = labelText(doc, s, e);
      const kind = forumKind ?? doc.kw.agreementHeads.get(tk[headEnd - 1]!.norm) ?? 'framework';
      candidates.add({
        label: forumKind ? 'Forum' : 'Agreement',
        name,
        start: tk[s]!.start,
        end: tk[e - 1]!.end,
        rule: 'text:creation-object',
        score: 0.5,
        properties: { kind },
      });
    }
  }
}

/** How many words the forum head ending at token `end` has ("working group": 2). */
function forumHeadWords(doc: Doc, end: number): number | undefined {
  const two = `${doc.tokens[end - 2]?.norm} ${doc.tokens[end - 1]?.norm}`;
  return doc.kw.forumHeads.has(two) ? 2 : doc.kw.forumHeads.has(doc.tokens[end - 1]!.norm) ? 1 : undefined;
}
