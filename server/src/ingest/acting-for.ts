// An office holder acts for the body they hold office in: "Kenya's Interior Minister Kithure Kindiki signed
// the memorandum" also says Kenya is a party to it, an envoy attending a summit says their country attended, and a
// police director leading a working group says his service leads it.
import type { Doc } from './doc.js';
import type { TokenMention } from './mentions.js';
import { refKey, type ProposalSink } from './proposals.js';
import type { CandidateLabel, EndRef } from './types.js';

const ACTING: ReadonlySet<string> = new Set(['PARTY_TO', 'PARTICIPATED_IN', 'LEADS']);
const OFFICE_RULES = /^office:/;

/** Adds, for each party or participant who holds an office named in the same sentence, the same fact for the office's owner. */
export function applyActingFor(doc: Doc, mentions: readonly TokenMention[], sink: ProposalSink): void {
  const labelOf = new Map<string, CandidateLabel>();
  for (const m of mentions) labelOf.set(refKey(m.ref), m.label);
  const sentenceAt = (start: number) => doc.sentences.findIndex((s) => s.start === start);
  const all = sink.all();
  // Person → owner per sentence where the title says so.
  const owners = new Map<string, { owner: EndRef; sentence: number }[]>();
  for (const r of all) {
    if (r.type !== 'HOLDS_OFFICE' || !OFFICE_RULES.test(r.rule)) continue;
    for (const e of r.evidence) {
      const list = owners.get(refKey(r.from)) ?? [];
      list.push({ owner: r.to, sentence: sentenceAt(e.start) });
      owners.set(refKey(r.from), list);
    }
  }
  for (const r of all) {
    if (!ACTING.has(r.type) || r.rule.endsWith('+acting-for')) continue;
    const toLabel = labelOf.get(refKey(r.to));
    if (!toLabel) continue;
    for (const e of r.evidence) {
      const sentence = sentenceAt(e.start);
      for (const o of owners.get(refKey(r.from)) ?? []) {
        const ownerLabel = labelOf.get(refKey(o.owner));
        if (o.sentence !== sentence || !ownerLabel) continue;
        sink.add({
          type: r.type,
          from: { ref: o.owner, label: ownerLabel },
          to: { ref: r.to, label: toLabel },
          sentences: [sentence],
          rule: `${r.rule}+acting-for`,
          score: r.score - 0.05,
          properties: r.properties,
        });
      }
    }
  }
}
