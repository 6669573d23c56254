// Candidates that the article's structure names: items of a list of initiatives, cells of an initiative or
// technology column, and the object of a verb that creates an agreement ("signed a maritime security agreement").
import type { CandidateSet } from './candidates.js';
import { wordsOf, type Doc } from './doc.js';
import type { Covered } from './names.js';
import { headOf } from './keywords.js';
import { singular } from './normalise.js';
import type { SentenceSpan } from './sentences.js';
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
        if (s >= e) return;
        if (alreadyNamed(covered, named, s, e)) {
          // A cell of an initiative column that only compromise's tags called a person or a body is an initiative.
          if (col.role === 'initiative')
            candidates.relabelGuess(labelText(doc, s, e), 'Agreement', 'initiative');
          return;
        }
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

const DETERMINERS = ['a', 'an', 'the', 'new', 'its', 'their'];

/** "signed a maritime security agreement", "establishing a framework for joint operations". */
function creationObjects(doc: Doc, named: Covered, candidates: CandidateSet): void {
  const tk = doc.tokens;
  const cue = new RegExp(`${doc.kw.creationCue.source}|\\ba new\\b`, 'giu');
  for (const sentence of doc.sentences) {
    if (sentence.block === 'heading' || sentence.block.startsWith('table')) continue;
    const text = doc.text.slice(sentence.start, sentence.end);
    for (const m of text.matchAll(cue)) {
      const [, after] = tokenRange(doc, sentence.start + m.index, sentence.start + m.index + m[0].length);
      // After a verb the object has a determiner ("signed a pact"); after a noun it need not ("creation of joint teams").
      if (!/(?:new|of)$/i.test(m[0]) && !DETERMINERS.includes(tk[after]?.norm ?? '')) continue;
      // "the establishment of joint task forces, exchange programmes for … and …": each item of a list is created.
      let at: number | undefined = after;
      for (let item = 0; at !== undefined && item < 4; item++) {
        const end = createdObject(doc, sentence, at, named, candidates);
        at = end === undefined ? undefined : nextItem(doc, end, sentence.tokenEnd);
      }
    }
  }
}

/** The start of the next item of a list after token `end` (", and the …"), if a list goes on there. */
function nextItem(doc: Doc, end: number, limit: number): number | undefined {
  const tk = doc.tokens;
  let k = end;
  if (tk[k]?.text === ',') k++;
  if (['and', 'or'].includes(tk[k]?.norm ?? '')) k++;
  return k > end && k < limit && isWord(tk[k]) ? k : undefined;
}

/** Reads one created thing starting at token `i` and adds it as a candidate; returns the token after it. */
function createdObject(
  doc: Doc,
  sentence: SentenceSpan,
  i: number,
  named: Covered,
  candidates: CandidateSet,
): number | undefined {
  const tk = doc.tokens;
  const dets = DETERMINERS;
  // "a separate agreement on …", "another framework for …": the modifier says which, it is no part of the name.
  const blocking = new Set([
    ...doc.rules.anaphora.blockingModifiers,
    ...doc.rules.agreements.evaluativeModifiers,
  ]);
  while (dets.includes(tk[i]?.norm ?? '') || blocking.has(tk[i]?.norm ?? '')) i++;
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
    // A participle or verb form before a noun modifies it ("a streamlined communication platform", "exchange
    // programmes").
    const participle =
      (/(?:ed|ing)$/.test(t.norm) || tags.has('Infinitive') || tags.has('Imperative')) &&
      n === 0 &&
      (doc.tags[i + 1]?.has('Noun') ?? false) &&
      !tk[i + 1]?.cap;
    if (!(tags.has('Noun') || tags.has('Adjective') || participle)) break;
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
  if (headEnd < 0) return undefined;
  // A head of three words ("memorandum of understanding", "code of conduct").
  const three = [headEnd - 1, headEnd, headEnd + 1].map((k) => tk[k]?.norm ?? '').join(' ');
  const long = !forumKind && doc.kw.agreementHeads.has(three);
  if (long) headEnd += 2;
  const bare = wordsOf(doc, s, headEnd).length < (long ? 4 : 2);
  if (bare && (forumKind || !doc.kw.documentHeads.has(wordsOf(doc, s, headEnd).join(' ')))) return undefined;
  let e = headEnd;
  let topicName: string | undefined;
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
    const j0 = j;
    let last = -1;
    for (let n = 0; j > 0 && j < sentence.tokenEnd && n < 8; n++, j++) {
      const w = tk[j]!;
      if (w.kind === 'punct' && w.text === '-' && !w.spaceBefore) continue;
      if (!isWord(w) || w.cap) break;
      if (w.norm === 'and') continue;
      if (!(doc.tags[j]!.has('Noun') || doc.tags[j]!.has('Adjective') || doc.tags[j]!.has('Gerund'))) break;
      last = j + 1;
    }
    if (last > e) {
      // "a working group focused on X" is named "working group on X".
      if (j0 > headEnd + 1) topicName = `${labelText(doc, s, headEnd)} on ${labelText(doc, j0, last)}`;
      e = last;
    } else if (wordsOf(doc, s, headEnd).length - (forumHeadWords(doc, headEnd) ?? 1) < 1) return undefined;
  }
  // An agreement's complement is part of its name ("framework for joint operations", "agreement on the
  // extradition of suspects").
  if (!forumKind && ['for', 'on', 'of', 'against'].includes(tk[e]?.norm ?? '')) {
    let j = e + 1;
    if (tk[j]?.norm === 'the') j++;
    let last = e;
    for (let n = 0; j < sentence.tokenEnd && n < 7; n++, j++) {
      const w = tk[j]!;
      if (w.kind === 'punct' && w.text === '-' && !w.spaceBefore) continue;
      if (!isWord(w) || w.cap) break;
      if (w.norm === 'and') continue;
      if (w.norm === 'of' && last === j && doc.tags[j + 1]?.has('Noun') && !tk[j + 1]!.cap) continue;
      if (!(doc.tags[j]!.has('Noun') || doc.tags[j]!.has('Adjective'))) break;
      last = j + 1;
    }
    if (last > e) e = last;
  }
  // A bare head names nothing ("signed an agreement") unless its complement does ("an agreement on piracy").
  if (bare && e === headEnd) return undefined;
  const full = labelText(doc, s, e);
  const name = topicName ?? full;
  const kind = forumKind ?? doc.kw.agreementHeads.get(tk[headEnd - 1]!.norm) ?? 'framework';
  candidates.add({
    label: forumKind ? 'Forum' : 'Agreement',
    name,
    aliases: name !== full ? [full] : [],
    start: tk[s]!.start,
    end: tk[e - 1]!.end,
    rule: 'text:creation-object',
    score: 0.5,
    properties: { kind },
  });
  return e;
}

/** How many words the forum head ending at token `end` has ("working group": 2). */
function forumHeadWords(doc: Doc, end: number): number | undefined {
  const two = `${doc.tokens[end - 2]?.norm} ${doc.tokens[end - 1]?.norm}`;
  return doc.kw.forumHeads.has(two) ? 2 : doc.kw.forumHeads.has(doc.tokens[end - 1]!.norm) ? 1 : undefined;
}
