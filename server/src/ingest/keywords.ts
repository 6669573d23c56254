// Word lists from the rules, compiled for quick questions: is this a title word, an organisation head, a forum head?
import type { Rules } from './rules.js';
import { foldChars, makeWordNormaliser } from './normalise.js';

export interface Keywords {
  titleHeads: Set<string>;
  titleModifiers: Set<string>;
  honorifics: Set<string>;
  portfolio: Set<string>;
  orgHeads: Set<string>;
  orgLeading: Set<string>;
  orgSingle: Set<string>;
  notOrg: Set<string>;
  /** Forum head phrase (one or two words) → kind. */
  forumHeads: Map<string, string>;
  forumShared: Set<string>;
  /** Agreement head phrase → kind. */
  agreementHeads: Map<string, string>;
  agreementStrong: Set<string>;
  labelLeads: string[][];
  creationCue: RegExp;
  initiativeWords: Set<string>;
  attributeWords: Set<string>;
}

/** Compiles the keyword lists, each phrase normalised the way token words are (hyphens split words). */
export function compileKeywords(rules: Rules): Keywords {
  const nw = makeWordNormaliser(rules.spelling);
  const phrase = (s: string) =>
    foldChars(s)
      .split(/[\s-]+/)
      .filter(Boolean)
      .map(nw)
      .join(' ');
  const lower = (xs: readonly string[]) => new Set(xs.map(phrase));
  return {
    titleHeads: lower(rules.titles.heads),
    titleModifiers: lower(rules.titles.modifiers),
    honorifics: lower(rules.titles.honorifics),
    portfolio: lower(rules.titles.portfolioWords),
    orgHeads: lower(rules.organisations.heads),
    orgLeading: lower(rules.organisations.leadingHeads),
    orgSingle: new Set(rules.organisations.knownSingleWords),
    notOrg: lower(rules.organisations.notOrganisationWords),
    forumHeads: new Map(Object.entries(rules.forums.heads).map(([k, v]) => [phrase(k), v])),
    forumShared: lower(rules.forums.sharedWithOrganisations),
    agreementHeads: new Map(Object.entries(rules.agreements.heads).map(([k, v]) => [phrase(k), v])),
    agreementStrong: lower(rules.agreements.strongHeads),
    labelLeads: rules.agreements.labelLeadVerbs.map((s) => phrase(s).split(' ')),
    creationCue: new RegExp(`\\b(?:${rules.agreements.creationCues.join('|')})\\b`, 'iu'),
    initiativeWords: lower(rules.lists.initiativeWords),
    attributeWords: lower(rules.lists.attributeWords),
  };
}

/** The head phrase (last one or two words) of `words` found in `heads`, longest first. */
export function headOf(
  words: readonly string[],
  heads: ReadonlyMap<string, string> | ReadonlySet<string>,
): string | undefined {
  const n = words.length;
  for (const len of [3, 2, 1]) {
    if (n < len) continue;
    const phrase = words.slice(n - len).join(' ');
    if (heads.has(phrase)) return phrase;
  }
  return undefined;
}
