// Acronyms the article defines, "Office of Counter-Terrorism (UNOCT)" or "UNOCT (Office of ...)": the acronym
// becomes an alias of the long form, and a candidate made of the bare acronym is merged into it.
import type { CandidateSet } from './candidates.js';
import type { Doc } from './doc.js';
import type { TokenMention } from './mentions.js';
import type { EndRef } from './types.js';

/** True when `acr` can stand for `long`: same first letter, and its letters in order among the long form's. */
export function acronymFits(acr: string, long: string): boolean {
  const a = acr.replace(/[^\p{L}]/gu, '').toLowerCase();
  const l = long.replace(/[^\p{L}\s-]/gu, '').toLowerCase();
  if (!a || !l || a[0] !== l[0]) return false;
  // Most of its letters in order (older or foreign long forms drop some: ENISA, INTERPOL).
  let j = 0;
  for (const ch of l) if (ch === a[j]) j++;
  return j >= Math.ceil(a.length * 0.6) || a.length <= 3;
}

/** Applies every definition; returns links from bare-acronym candidates to graph nodes they turned out to name. */
export function applyAcronyms(
  doc: Doc,
  mentions: readonly TokenMention[],
  set: CandidateSet,
): Map<string, EndRef> {
  const links = new Map<string, EndRef>();
  const tk = doc.tokens;
  const endingAt = new Map<number, TokenMention>();
  const startingAt = new Map<number, TokenMention>();
  for (const m of mentions) {
    if (m.via === 'anaphor') continue;
    endingAt.set(m.te, m);
    startingAt.set(m.ts, m);
  }
  for (let i = 1; i + 2 < tk.length; i++) {
    if (tk[i]!.text !== '(' || tk[i + 2]!.text !== ')') continue;
    const inner = tk[i + 1]!;
    const long = endingAt.get(i);
    const innerMention = startingAt.get(i + 1);
    const longNames = long
      ? [long.text, ...('candidateKey' in long.ref ? set.phrases(long.ref.candidateKey) : [])]
      : [];
    if (inner.allCaps && long && longNames.some((n) => acronymFits(inner.text, n))) {
      define(long.ref, inner.text, set, links, innerMention);
      continue;
    }
    // "ACR (Long Name)"
    const before = endingAt.get(i);
    if (
      before &&
      before.text.length <= 8 &&
      before.text === before.text.toUpperCase() &&
      innerMention &&
      acronymFits(before.text, innerMention.text)
    )
      define(innerMention.ref, before.text, set, links, before);
  }
  return links;
}

function define(
  long: EndRef,
  acr: string,
  set: CandidateSet,
  links: Map<string, EndRef>,
  bare?: TokenMention,
): void {
  const bareKey = bare && 'candidateKey' in bare.ref ? set.resolve(bare.ref.candidateKey) : undefined;
  if ('candidateKey' in long) {
    const key = set.resolve(long.candidateKey);
    set.addAlias(key, acr);
    if (bareKey && bareKey !== key) set.merge(bareKey, key);
    const other = set.findByName('Organization', acr);
    if (other && other !== key) set.merge(other, key);
  } else if (bareKey) links.set(bareKey, long);
}
