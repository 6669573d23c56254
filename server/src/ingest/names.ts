// New names in the text: capitalised spans classified as people, organisations, forums and agreements by
// compromise's tags and the rules' title, organisation, forum and agreement words.
import { acronymFits } from './acronyms.js';
import type { CandidateSet } from './candidates.js';
import { isSentenceInitial, textOf, wordsOf, type Doc } from './doc.js';
import { headOf } from './keywords.js';
import { isWord } from './tokens.js';
import type { CandidateLabel } from './types.js';

const CONNECTORS = new Set([
  'of',
  'for',
  'on',
  'de',
  'du',
  'des',
  'la',
  'le',
  'van',
  'von',
  'al',
  'el',
  'bin',
  'der',
  'del',
  'di',
  'da',
]);
const PROPER_TAGS = [
  'ProperNoun',
  'Person',
  'Place',
  'Organization',
  'Country',
  'Acronym',
  'FirstName',
  'LastName',
];
const OPEN_QUOTES = new Set(['“', '"', '‘']);
const CLOSE_QUOTES = new Set(['”', '"', '’']);

/** Rule of a person named only by someone's title ("Trump's US security secretary"). */
export const UNNAMED_OFFICE_HOLDER = 'name:unnamed-office-holder';

/** A classified name: what it is and where. */
export interface NameSpan {
  tokenStart: number;
  tokenEnd: number;
  label: CandidateLabel;
  name: string;
  rule: string;
  score: number;
  kind?: string;
}

function hasTag(doc: Doc, i: number, tags: readonly string[]): boolean {
  const t = doc.tags[i];
  return !!t && tags.some((x) => t.has(x));
}

function isTitleWord(doc: Doc, i: number): boolean {
  const n = doc.tokens[i]!.norm;
  return doc.kw.titleHeads.has(n) || doc.kw.titleModifiers.has(n) || doc.kw.honorifics.has(n);
}

function isHyphen(doc: Doc, i: number): boolean {
  const t = doc.tokens[i];
  return !!t && t.kind === 'punct' && /^[-‐‑]$/.test(t.text) && !t.spaceBefore;
}

/** Capitalised word that may begin a name: mid-sentence, or sentence-initial and tagged as a proper name or title. */
function mayStart(doc: Doc, i: number): boolean {
  const t = doc.tokens[i]!;
  // "al-Shabaab", "el-Baradei": a lower-case article joined to a name.
  if (isWord(t) && (t.norm === 'al' || t.norm === 'el') && isHyphen(doc, i + 1) && doc.tokens[i + 2]?.cap)
    return true;
  if (!isWord(t) || !t.cap || /^\p{N}/u.test(t.text)) return false;
  if (!isSentenceInitial(doc, i)) return true;
  if (t.allCaps || hasTag(doc, i, PROPER_TAGS) || isTitleWord(doc, i) || doc.kw.orgSingle.has(t.text))
    return true;
  // An unknown first word right before a name ("Juhan Lepassaar said"): part of it.
  const next = doc.tokens[i + 1];
  return (
    hasTag(doc, i, ['Noun']) &&
    !hasTag(doc, i, ['Plural', 'Pronoun', 'Determiner', 'Adjective', 'Verb']) &&
    isWord(next) &&
    next.cap &&
    hasTag(doc, i + 1, ['ProperNoun', 'Person', 'LastName'])
  );
}

/** Maximal capitalised spans of a sentence, joined across of/for/the, hyphens and possessives. */
export function capitalisedSpans(doc: Doc, sentence: number, places: Covered = []): [number, number][] {
  const { tokenStart, tokenEnd } = doc.sentences[sentence]!;
  const tk = doc.tokens;
  const weekdays = new Set(doc.rules.dates.weekdays);
  const out: [number, number][] = [];
  let i = tokenStart;
  while (i < tokenEnd) {
    if (!mayStart(doc, i)) {
      i++;
      continue;
    }
    let e = i + 1;
    let sawConnector = false;
    for (;;) {
      const n = tk[e];
      if (e >= tokenEnd || !n || n.newlineBefore) break;
      if (isWord(n) && n.cap) {
        e++;
        continue;
      }
      if (n.kind === 'poss' && isWord(tk[e + 1]) && tk[e + 1]!.cap && e + 1 < tokenEnd) {
        e += 2;
        continue;
      }
      if (isHyphen(doc, e) && isWord(tk[e + 1]) && e + 1 < tokenEnd) {
        e += 2;
        continue;
      }
      if (isWord(n) && !n.cap && isHyphen(doc, e + 1) && isWord(tk[e + 2]) && tk[e + 2]!.cap) {
        e += 3;
        continue;
      }
      // "met in Niamey for the Conference on …": a place alone does not begin a name joined by a connector.
      const placeOnly = places[i] !== undefined && places[i]![0] === i && places[i]![1] >= e;
      // Nor does a day ("on Monday for the Summit"), and a name does not run on into one ("the Ministerial on Friday").
      const dayOnly = e === i + 1 && weekdays.has(tk[i]!.norm);
      if (isWord(n) && (CONNECTORS.has(n.norm) || n.text === '&') && !n.cap && !placeOnly && !dayOnly) {
        let k = e + 1;
        if (tk[k]?.norm === 'the' && !tk[k]!.cap) k++;
        if (k < tokenEnd && isWord(tk[k]) && tk[k]!.cap && !weekdays.has(tk[k]!.norm)) {
          sawConnector = true;
          e = k + 1;
          continue;
        }
        if (k + 2 < tokenEnd && isWord(tk[k]) && isHyphen(doc, k + 1) && tk[k + 2]!.cap) {
          sawConnector = true;
          e = k + 3;
          continue;
        }
      }
      if (
        isWord(n) &&
        n.norm === 'and' &&
        sawConnector &&
        isWord(tk[e + 1]) &&
        tk[e + 1]!.cap &&
        e + 1 < tokenEnd
      ) {
        e += 2;
        continue;
      }
      const defined = acronymExtension(doc, i, e, tokenEnd) ?? headAcrossAnd(doc, e, tokenEnd);
      if (defined) {
        e = defined;
        continue;
      }
      break;
    }
    out.push([i, e]);
    i = e;
  }
  return out;
}

/** "NATO Communications and Information Agency", "Immigration and Customs Enforcement Agency": across "and" to a
 * run of capitalised words that ends in an organisation or forum head, when the part before has no head of its own. */
function headAcrossAnd(doc: Doc, e: number, limit: number): number | undefined {
  const tk = doc.tokens;
  if (tk[e]?.norm !== 'and' || tk[e]!.cap) return undefined;
  const isHead = (w: string) => doc.kw.orgHeads.has(w) || doc.kw.forumHeads.has(w);
  if (isHead(tk[e - 1]!.norm)) return undefined;
  let j = e + 1;
  while (j < limit && j - e <= 4 && isWord(tk[j]) && tk[j]!.cap) j++;
  return j > e + 1 && isHead(tk[j - 1]!.norm) ? j : undefined;
}

/** The end of a longer name that a defined acronym spells out across "and" or "in" ("Regional Information and
 * Coordination Hub (RICH)", "Border Management Programme in Central Asia (BOMCA)"): the acronym's letters hold,
 * in order, the first letter of the span and most of its capitalised words' initials. */
function acronymExtension(doc: Doc, s: number, e: number, limit: number): number | undefined {
  const tk = doc.tokens;
  if (!['and', 'in'].includes(tk[e]?.norm ?? '') || tk[e]!.cap) return undefined;
  let j = e + 1;
  while (j < limit && isWord(tk[j]) && (tk[j]!.cap || CONNECTORS.has(tk[j]!.norm) || tk[j]!.norm === 'and'))
    j++;
  if (j === e + 1 || !tk[j - 1]!.cap) return undefined;
  if (tk[j]?.text !== '(' || !tk[j + 1]?.allCaps || tk[j + 2]?.text !== ')') return undefined;
  const acronym = tk[j + 1]!.text.replace(/[^\p{L}]/gu, '');
  const initials = tk
    .slice(s, j)
    .filter((t) => isWord(t) && t.cap)
    .map((t) => t.text[0]!);
  if (initials[0] !== acronym[0]) return undefined;
  let k = 0;
  let hits = 0;
  for (const ch of initials) {
    const at = acronym.indexOf(ch, k);
    if (at >= 0) {
      hits++;
      k = at + 1;
    }
  }
  return hits >= Math.ceil(initials.length * 0.75) ? j : undefined;
}

/** True when the name at `s` is an item of a list opened by an organisation noun ("armed groups such as …",
 * "agencies including …"), past the list's earlier items. */
function listedAsOrganisation(doc: Doc, s: number): boolean {
  const tk = doc.tokens;
  const start = doc.sentences[doc.sentenceOf[s]!]!.tokenStart;
  for (let i = s - 1, n = 0; i > start && n < 20; i--, n++) {
    const t = tk[i]!;
    const w = t.norm;
    if (w === 'as' && tk[i - 1]?.norm === 'such') return doc.kw.orgCategories.has(tk[i - 2]?.norm ?? '');
    if (w === 'including' || w === 'like' || w === 'namely')
      return doc.kw.orgCategories.has(tk[i - 1]?.norm ?? '');
    if (
      t.kind === 'punct'
        ? t.text === ',' || t.text === '-'
        : t.cap || ['and', 'or', 'the', 'al', 'el'].includes(w)
    )
      continue;
    return false;
  }
  return false;
}

/** Where one or two capitalised words at `s`, no known name, own a title that names no one after it ("Trump's
 * US security secretary"): the possessive and the end of the title. */
function possessorOfTitle(
  doc: Doc,
  s: number,
  e: number,
  covered: Covered,
): { owner: number; titleEnd: number } | undefined {
  const tk = doc.tokens;
  let p = s;
  while (p <= e && tk[p]?.kind !== 'poss') p++;
  if (p > e || p === s || wordsOf(doc, s, p).length > 2 || covered[s] || tk[s]!.allCaps) return undefined;
  if (hasTag(doc, s, ['Place', 'Country', 'Organization'])) return undefined;
  for (let i = p + 1, n = 0; i < tk.length && n < 4 && isWord(tk[i]); i++, n++) {
    if (titleHeadAt(doc, i))
      return !isWord(tk[i + 1]) || !tk[i + 1]!.cap ? { owner: p, titleEnd: i + 1 } : undefined;
    if (!(covered[i] || isTitleWord(doc, i) || tk[i]!.cap || doc.kw.portfolio.has(tk[i]!.norm)))
      return undefined;
  }
  return undefined;
}

/** A quoted title right after a forum or agreement name ("Conference on “Building …”"): the token after its closing quote. */
function quotedTitleEnd(doc: Doc, e: number, limit: number): number | undefined {
  const tk = doc.tokens;
  let k = e;
  if (isWord(tk[k]) && CONNECTORS.has(tk[k]!.norm)) k++;
  if (!(tk[k]?.kind === 'punct' && OPEN_QUOTES.has(tk[k]!.text))) return undefined;
  for (let j = k + 1; j < Math.min(limit, k + 30); j++) {
    const t = tk[j]!;
    if (t.kind === 'punct' && CLOSE_QUOTES.has(t.text)) return j + 1;
    if (t.kind === 'poss' || (t.kind === 'punct' && t.text !== '-' && t.text !== ',')) continue;
  }
  return undefined;
}

interface Kind {
  label: CandidateLabel;
  kind?: string;
  rule: string;
  score: number;
}

/** What a multi-word name is by its words, or undefined. */
export function kindOfName(doc: Doc, words: readonly string[], s: number, e: number): Kind | undefined {
  const kw = doc.kw;
  const forum = headOf(words, kw.forumHeads);
  const last = words[words.length - 1]!;
  const leading = kw.agreementLeading.get(words[0]!);
  if (leading && words.length >= 2)
    return { label: 'Agreement', kind: leading, rule: 'name:agreement-head', score: 0.75 };
  if (forum && !(kw.forumShared.has(forum) && words.length > 0 && !forum.includes(' ')))
    return { label: 'Forum', kind: kw.forumHeads.get(forum), rule: 'name:forum-head', score: 0.8 };
  // "Ministerial Conference on Migration and Security", "Working Group on Firearms": the head before its topic.
  for (let i = 0; i + 2 < words.length; i++)
    for (const len of [2, 1]) {
      const head = words.slice(i, i + len).join(' ');
      const next = words[i + len];
      if (
        next &&
        ['on', 'of', 'for', 'against'].includes(next) &&
        i + len + 1 < words.length &&
        kw.forumHeads.has(head) &&
        !kw.forumShared.has(head)
      )
        return { label: 'Forum', kind: kw.forumHeads.get(head), rule: 'name:forum-head', score: 0.8 };
    }
  // "Centre for Security Policy", "Office on Drugs and Crime": an organisation head followed by of/for/on.
  for (let i = 0; i + 2 < words.length; i++)
    if (kw.orgLeading.has(words[i]!) && ['of', 'for', 'on'].includes(words[i + 1]!))
      return { label: 'Organization', rule: 'name:organisation-lead', score: 0.75 };
  for (let n = 3; n >= 1; n--)
    for (let i = 0; i + n <= words.length; i++) {
      const p = words.slice(i, i + n).join(' ');
      if (
        kw.agreementStrong.has(p) &&
        !(i === 0 && words.length > n && words[n] === 'of' && kw.orgLeading.has(p))
      )
        return {
          label: 'Agreement',
          kind: kw.agreementHeads.get(p) ?? 'framework',
          rule: 'name:agreement-head',
          score: 0.75,
        };
    }
  if (kw.orgHeads.has(last) || (forum && kw.forumShared.has(forum)))
    return { label: 'Organization', rule: 'name:organisation-head', score: 0.75 };
  if (kw.orgLeading.has(words[0]!) && (words[1] === 'of' || words[1] === 'for' || words[1] === 'on'))
    return { label: 'Organization', rule: 'name:organisation-lead', score: 0.75 };
  let orgTags = 0;
  let personTags = 0;
  for (let i = s; i < e; i++) {
    if (hasTag(doc, i, ['Organization'])) orgTags++;
    if (hasTag(doc, i, ['Person', 'FirstName', 'LastName'])) personTags++;
  }
  const n = words.length;
  if (orgTags * 2 >= n && n >= 1)
    return { label: 'Organization', rule: 'name:compromise-organisation', score: 0.6 };
  if (
    n >= 2 &&
    n <= 3 &&
    (hasTag(doc, s, ['FirstName']) || personTags === n) &&
    !words.some((w) => kw.notOrg.has(w))
  )
    return { label: 'Person', rule: 'name:compromise-person', score: 0.7 };
  return undefined;
}

/** Token ranges already named by the vocabulary or the built-in lexicon (phase one). */
export type Covered = ReadonlyArray<readonly [number, number, string?] | undefined>;

function titleHeadAt(doc: Doc, i: number): boolean {
  const n = doc.tokens[i]?.norm;
  return !!n && (doc.kw.titleHeads.has(n) || doc.kw.honorifics.has(n));
}

/** Start of the person's name at the end of [s, e): up to three capitalised non-title words (hyphenated names count once). */
function trailingName(doc: Doc, s: number, e: number, covered: Covered): number {
  let ps = e;
  let words = 0;
  while (ps > s && words < 3) {
    const i = ps - 1;
    const t = doc.tokens[i]!;
    if (isHyphen(doc, i) && ps < e && i - 1 >= s && doc.tokens[i - 1]!.cap) {
      ps -= 2;
      continue;
    }
    // A surname that is also a title word ("Mary Major") follows a first name.
    const surname =
      i === e - 1 && isTitleWord(doc, i) && hasTag(doc, i - 1, ['FirstName']) && doc.tokens[i - 1]!.cap;
    if (!isWord(t) || !t.cap || (isTitleWord(doc, i) && !surname) || CONNECTORS.has(t.norm) || covered[i])
      break;
    if (doc.kw.orgHeads.has(t.norm) || doc.kw.forumHeads.has(t.norm) || doc.kw.agreementStrong.has(t.norm))
      break;
    ps--;
    words++;
  }
  return ps;
}

/** A title right before token `s` ("Dr.", "police director,") or in apposition after `e` (", the director of"). */
function titledAround(doc: Doc, s: number, e: number): boolean {
  const tk = doc.tokens;
  let j = s - 1;
  if (tk[j]?.text === '.') j--;
  if (j >= 0 && titleHeadAt(doc, j) && tk[j]!.end <= tk[s]!.start) return true;
  if (tk[s - 1]?.text === ',') {
    // "Director General of Police, Ilir Proda": a title head within the phrase before the comma.
    for (let j = s - 2, n = 0; j >= 0 && n < 6; j--, n++) {
      if (titleHeadAt(doc, j)) return true;
      const t = tk[j]!;
      if (!(isWord(t) && (t.cap || ['of', 'the', 'for'].includes(t.norm))) && t.kind !== 'poss') break;
    }
  }
  let k = e;
  if (tk[k]?.text !== ',') return false;
  k++;
  if (['the', 'a', 'an'].includes(tk[k]?.norm ?? '')) k++;
  for (let n = 0; n < 5 && k < tk.length; n++, k++) {
    if (titleHeadAt(doc, k)) return true;
    if (
      !isWord(tk[k]) ||
      !(doc.kw.titleModifiers.has(tk[k]!.norm) || isHyphen(doc, k + 1) || isHyphen(doc, k))
    ) {
      if (!isHyphen(doc, k)) return false;
    }
  }
  return false;
}

/** True when [s, e) reads as an office title ("Director General of Police", "Albania's Chief of the Naval Staff"). */
function isTitlePhrase(doc: Doc, s: number, e: number, covered: Covered): boolean {
  let i = s;
  // Past a possessor or a country before the title ("Albania's", "UK"), not past a threat ("Counter-Terrorism").
  while (i < e && ((covered[i] && covered[i]![2] !== 'ThreatType') || doc.tokens[i]!.kind === 'poss')) i++;
  if (i >= e || !isTitleWord(doc, i)) return false;
  for (let j = i; j < e && doc.tokens[j]!.norm !== 'of'; j++) if (titleHeadAt(doc, j)) return true;
  return false;
}

/** Finds the names of one sentence and adds them to `candidates`; returns what it classified. */
export function findNames(
  doc: Doc,
  sentence: number,
  covered: Covered,
  candidates: CandidateSet,
  places: Covered = [],
): NameSpan[] {
  const out: NameSpan[] = [];
  const heading = doc.sentences[sentence]!.block === 'heading';
  const limit = doc.sentences[sentence]!.tokenEnd;
  const push = (s: number, e: number, k: Kind, name = textOf(doc, s, e), alias?: string) => {
    const key = candidates.add({
      label: k.label,
      name,
      start: doc.tokens[s]!.start,
      end: doc.tokens[e - 1]!.end,
      rule: k.rule,
      score: k.score,
      aliases: alias ? [alias] : [],
      properties: k.kind ? { kind: k.kind } : {},
    });
    if (key)
      out.push({
        tokenStart: s,
        tokenEnd: e,
        label: k.label,
        name,
        rule: k.rule,
        score: k.score,
        kind: k.kind,
      });
  };
  for (const [s0, e0] of capitalisedSpans(doc, sentence, places)) {
    let s = s0;
    let e = e0;
    // "the Nairobi-based Regional Centre …", "an EU-funded Programme …": where it is or who pays is no part of the name.
    const tk0 = doc.tokens;
    if (
      isHyphen(doc, s + 1) &&
      ['based', 'led', 'backed', 'funded', 'sponsored', 'financed'].includes(tk0[s + 2]?.norm ?? '') &&
      s + 3 < e
    )
      s += 3;
    const whole = covered[s];
    if (whole && whole[0] === s && whole[1] === e) continue;
    // A person: a name after a title inside the span, or a name with a title just around it.
    const ps = trailingName(doc, s, e, covered);
    if (ps < e) {
      const nameTokens = wordsOf(doc, ps, e).length;
      const before = doc.tokens[ps - 1]?.text === '.' ? ps - 2 : ps - 1;
      // A title head or honorific right before the name, or a title earlier in the span and a known first name.
      const headBefore = ps > s && before >= s && titleHeadAt(doc, before);
      const headEarlier = [...Array(Math.max(0, ps - s)).keys()].some((d) => titleHeadAt(doc, s + d));
      const titledInside = headBefore || (headEarlier && hasTag(doc, ps, ['FirstName']));
      const titled = titledInside || (ps === s && titledAround(doc, s, e));
      // In a title-case heading, words after the name ("Noem Visits") are not part of it.
      while (
        heading &&
        e - ps > 1 &&
        hasTag(doc, e - 1, ['Verb', 'Plural', 'Adjective', 'Gerund']) &&
        !hasTag(doc, e - 1, ['Person'])
      )
        e--;
      const verbish = heading && [...Array(e - ps).keys()].some((d) => hasTag(doc, ps + d, ['Verb']));
      if (titled && !verbish && (nameTokens <= 2 || !heading)) {
        push(ps, e, {
          label: 'Person',
          rule: titledInside ? 'name:title-person' : 'name:apposition-person',
          score: 0.85,
        });
        if (titledInside) officeComplement(doc, s, ps, covered, push);
        continue;
      }
    }
    // "Trump's US security secretary", "Putin's envoy": whose office it is, a person.
    const office = possessorOfTitle(doc, s, e, covered);
    if (office) {
      push(s, office.owner, { label: 'Person', rule: 'name:possessor-of-title', score: 0.6 });
      // The office holder the title speaks of is someone too, named by the title until the text names them.
      // Its name is the title alone, so that the possessor stays a mention of its own.
      push(office.owner + 1, office.titleEnd, { label: 'Person', rule: UNNAMED_OFFICE_HOLDER, score: 0.45 });
      continue;
    }
    if (heading) continue;
    if (isTitlePhrase(doc, s, e, covered)) {
      officeComplement(doc, s, e, covered, push);
      continue;
    }
    // Drop a leading honorific or title word that did not introduce a person.
    while (
      s < e &&
      titleHeadAt(doc, s) &&
      !doc.kw.orgHeads.has(doc.tokens[s]!.norm) &&
      wordsOf(doc, s + 1, e).length > 1
    )
      s++;
    const qEnd = quotedTitleEnd(doc, e, limit);
    const words = wordsOf(doc, s, e);
    if (!words.length) continue;
    const after = headAfter(doc, e, limit);
    const allPlaces = [...Array(e - s).keys()].every((d) => !isWord(doc.tokens[s + d]) || places[s + d]);
    if (after && !covered[s] && !allPlaces) {
      push(
        s,
        e,
        after.kind,
        undefined,
        `${textOf(doc, s, e)} ${textOf(doc, after.end - after.words, after.end)}`,
      );
      continue;
    }
    if (words.length === 1) {
      if (!covered[s] && !places[s] && listedAsOrganisation(doc, s))
        push(s, e, { label: 'Organization', rule: 'name:category-list', score: 0.6 });
      else single(doc, s, e, covered, push);
      continue;
    }
    // A name the text defines an acronym for is a proper name even without a known head ("… Hub (WARICH)").
    const tk = doc.tokens;
    const definesAcronym = tk[e]?.text === '(' && tk[e + 1]?.allCaps && tk[e + 2]?.text === ')';
    const named =
      kindOfName(doc, words, s, e) ??
      (definesAcronym && words.length >= 2 && !allPlaces
        ? { label: 'Organization' as const, rule: 'name:defined-acronym', score: 0.6 }
        : undefined);
    const k =
      (!named || named.rule === 'name:compromise-person') && !allPlaces && listedAsOrganisation(doc, s)
        ? { label: 'Organization' as const, rule: 'name:category-list', score: 0.6 }
        : named;
    if (!k) continue;
    const owned = possessor(doc, s, e, covered, push);
    const acr = definedBefore(doc, s);
    if (acr) {
      // The name is not written as such ("… (ASEAN) Regional Forum"), so this sighting is its mention.
      push(s, e, k, `${acr.acronym} ${textOf(doc, s, e)}`, textOf(doc, acr.longStart, e));
      const key = candidates.findByName(k.label, `${acr.acronym} ${textOf(doc, s, e)}`);
      if (key) candidates.countMention(key);
      continue;
    }
    // "Japan's National Police Agency" is also known without its possessor.
    if (owned && wordsOf(doc, owned, e).length >= 2) push(s, e, k, undefined, textOf(doc, owned, e));
    else if (qEnd && (k.label === 'Forum' || k.label === 'Agreement'))
      push(s, e, k, undefined, textOf(doc, s, qEnd));
    else push(s, e, k);
  }
  return out;
}

/** "Secretary of Homeland Security": the organisation an office belongs to, unless it is a portfolio word. */
function officeComplement(
  doc: Doc,
  s: number,
  e: number,
  covered: Covered,
  push: (s: number, e: number, k: Kind) => void,
): void {
  let of = -1;
  for (let i = s; i < e; i++) if (doc.tokens[i]!.norm === 'of' || doc.tokens[i]!.norm === 'for') of = i;
  if (of < 0) return;
  let cs = of + 1;
  if (doc.tokens[cs]?.norm === 'the') cs++;
  let ce = e;
  while (ce > cs && !isWord(doc.tokens[ce - 1])) ce--;
  if (ce <= cs || covered[cs]) return;
  const words = wordsOf(doc, cs, ce);
  if (
    !words.length ||
    doc.kw.portfolio.has(words.join(' ')) ||
    doc.kw.portfolio.has(['the', ...words].join(' '))
  )
    return;
  if (words.length === 1 && !doc.tokens[cs]!.allCaps) return;
  push(cs, ce, { label: 'Organization', rule: 'name:office-complement', score: 0.6 });
}

/** A one-word name: an acronym, a known body, or a person or organisation by compromise's tags; mid-sentence only. */
function single(
  doc: Doc,
  s: number,
  e: number,
  covered: Covered,
  push: (s: number, e: number, k: Kind) => void,
): void {
  const t = doc.tokens[s]!;
  if (covered[s] || isTitleWord(doc, s)) return;
  if (doc.kw.orgSingle.has(t.text))
    return push(s, e, { label: 'Organization', rule: 'name:known-body', score: 0.8 });
  // "the Bundeskriminalamt (BKA)": a word the text gives an acronym for is a body's name.
  const tk = doc.tokens;
  if (
    !t.allCaps &&
    tk[e]?.text === '(' &&
    tk[e + 1]?.allCaps &&
    tk[e + 2]?.text === ')' &&
    acronymFits(tk[e + 1]!.text, t.text)
  )
    return push(s, e, { label: 'Organization', rule: 'name:defined-acronym', score: 0.6 });
  if (isSentenceInitial(doc, s)) return;
  const line = doc.lines[doc.sentences[doc.sentenceOf[s]!]!.line]!;
  const lineText = doc.text.slice(line.start, line.end);
  const shouting = (lineText.match(/\b\p{Lu}{3,}\b/gu)?.length ?? 0) >= 3;
  if (t.allCaps && t.text.replace(/[^\p{L}]/gu, '').length >= 2 && !shouting && !/^[IVXLC]+$/.test(t.text))
    return push(s, e, { label: 'Organization', rule: 'name:acronym', score: 0.5 });
  if (hasTag(doc, s, ['Organization']))
    return push(s, e, { label: 'Organization', rule: 'name:compromise-organisation', score: 0.5 });
  if (hasTag(doc, s, ['Person', 'LastName']) && !hasTag(doc, s, ['Place', 'Country']))
    return push(s, e, { label: 'Person', rule: 'name:compromise-person', score: 0.45 });
}

/** A lower-case head right after a name, past a closing quote: the "Five Eyes" alliance, the Schengen agreement. */
function headAfter(
  doc: Doc,
  e: number,
  limit: number,
): { kind: Kind; end: number; words: number } | undefined {
  let k = e;
  if (doc.tokens[k]?.kind === 'punct' && CLOSE_QUOTES.has(doc.tokens[k]!.text)) k++;
  const t = doc.tokens[k];
  if (!isWord(t) || t.cap || k >= limit) return undefined;
  const two = isWord(doc.tokens[k + 1]) ? `${t.norm} ${doc.tokens[k + 1]!.norm}` : '';
  const kw = doc.kw;
  if (two && kw.forumHeads.has(two))
    return {
      kind: { label: 'Forum', kind: kw.forumHeads.get(two), rule: 'name:head-after', score: 0.7 },
      end: k + 2,
      words: 2,
    };
  if (kw.forumHeads.has(t.norm) && !kw.forumShared.has(t.norm))
    return {
      kind: { label: 'Forum', kind: kw.forumHeads.get(t.norm), rule: 'name:head-after', score: 0.7 },
      end: k + 1,
      words: 1,
    };
  if (kw.agreementStrong.has(t.norm))
    return {
      kind: { label: 'Agreement', kind: kw.agreementHeads.get(t.norm), rule: 'name:head-after', score: 0.65 },
      end: k + 1,
      words: 1,
    };
  return undefined;
}

/** "Interpol's Counterterrorism Fusion Centre": the possessor is an organisation of its own. */
function possessor(
  doc: Doc,
  s: number,
  e: number,
  covered: Covered,
  push: (s: number, e: number, k: Kind) => void,
): number | undefined {
  let p = s;
  while (p < e && doc.tokens[p]!.kind !== 'poss') p++;
  if (p >= e || p === s) return undefined;
  const y = p + 1;
  if (covered[s] && covered[s]![1] >= p) return y;
  const words = wordsOf(doc, s, p);
  if (words.length === 1) {
    if (doc.kw.orgSingle.has(doc.tokens[s]!.text) || doc.tokens[s]!.allCaps)
      push(s, p, { label: 'Organization', rule: 'name:possessor', score: 0.7 });
    return y;
  }
  const k = kindOfName(doc, words, s, p);
  if (k?.label === 'Organization') push(s, p, { ...k, rule: 'name:possessor' });
  return y;
}

/** A name right after a defined acronym, "Association of Southeast Asian Nations (ASEAN) Regional Forum". */
function definedBefore(doc: Doc, s: number): { acronym: string; longStart: number } | undefined {
  const tk = doc.tokens;
  if (tk[s - 1]?.text !== ')' || !tk[s - 2]?.allCaps || tk[s - 3]?.text !== '(' || s < 4) return undefined;
  const si = doc.sentenceOf[s]!;
  const before = capitalisedSpans(doc, si).find(([, e]) => e === s - 3);
  return before ? { acronym: tk[s - 2]!.text, longStart: before[0] } : undefined;
}
