// Relationships read off an apposition that says whose a forum or agreement is: "the Regional Firearms Programme,
// an African Union initiative" (the African Union leads it), "the Nairobi Process, a Kenyan-led forum".
import type { Doc } from './doc.js';
import type { TokenMention } from './mentions.js';
import type { ProposalSink } from './proposals.js';
import { isWord } from './tokens.js';

const OWNER = new Set(['Country', 'Organization']);

/** LEADS from the owner an apposition names to the forum or agreement before it. */
export function applyAppositionRules(doc: Doc, mentions: readonly TokenMention[], sink: ProposalSink): void {
  const tk = doc.tokens;
  const byStart = new Map<number, TokenMention>();
  for (const m of mentions) if (m.via !== 'anaphor' || m.label !== 'Agreement') byStart.set(m.ts, m);
  for (const a of mentions) {
    if (a.label !== 'Agreement' && a.label !== 'Forum') continue;
    let i = a.te;
    if (tk[i]?.text !== ',') continue;
    i++;
    if (['a', 'an', 'the'].includes(tk[i]?.norm ?? '')) i++;
    const owner = byStart.get(i);
    if (!owner || !OWNER.has(owner.label) || owner.sentence !== a.sentence) continue;
    let j = owner.te;
    if (tk[j]?.kind === 'poss') j++;
    if (
      tk[j]?.text === '-' &&
      ['led', 'funded', 'backed', 'run', 'sponsored'].includes(tk[j + 1]?.norm ?? '')
    )
      j += 2;
    // Up to two modifiers, then the head noun that says what the first name is.
    let head = false;
    for (let n = 0; n < 3 && isWord(tk[j]) && !tk[j]!.cap; n++, j++) {
      const w = tk[j]!.norm;
      if (doc.kw.agreementHeads.has(w) || doc.kw.forumHeads.has(w)) {
        head = true;
        break;
      }
    }
    if (!head) continue;
    sink.add({
      type: 'LEADS',
      from: { ref: owner.ref, label: owner.label },
      to: { ref: a.ref, label: a.label },
      sentences: [a.sentence],
      rule: 'apposition:owner',
      score: 0.7,
    });
  }
}
