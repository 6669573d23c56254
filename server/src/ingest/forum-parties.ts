// What a forum's sentence says it produced ("The discussions led to a strategic agreement", "the ministers adopted
// the Tirana Declaration") binds the countries that took part in it: they are parties to it.
import type { Doc } from './doc.js';
import type { TokenMention } from './mentions.js';
import { refKey, type ProposalSink } from './proposals.js';

/** Sentence rules whose ESTABLISHED_BY says the forum produced the agreement (not a list or table layout). */
const PRODUCED = /^pattern:(?:forum-led-to|agreed-at|agreement-at-forum)$/;
const NOT_PARTIES = new Set(['observer', 'convener']);

/** PARTY_TO from each country that took part in a forum, to each agreement a sentence says the forum produced. */
export function applyForumParties(doc: Doc, mentions: readonly TokenMention[], sink: ProposalSink): void {
  const countries = new Set(mentions.filter((m) => m.label === 'Country').map((m) => refKey(m.ref)));
  const all = sink.all();
  const participants = new Map<string, Set<string>>();
  const refs = new Map<string, (typeof all)[number]['from']>();
  for (const r of all) {
    if (r.type !== 'PARTICIPATED_IN' || !countries.has(refKey(r.from))) continue;
    if (NOT_PARTIES.has(r.properties.role ?? '')) continue;
    const k = refKey(r.to);
    participants.set(k, (participants.get(k) ?? new Set()).add(refKey(r.from)));
    refs.set(refKey(r.from), r.from);
  }
  for (const r of all) {
    if (r.type !== 'ESTABLISHED_BY' || !PRODUCED.test(r.rule)) continue;
    const sentence = doc.sentences.findIndex((s) => s.start === r.start);
    for (const c of participants.get(refKey(r.to)) ?? [])
      sink.add({
        type: 'PARTY_TO',
        from: { ref: refs.get(c)!, label: 'Country' },
        to: { ref: r.from, label: 'Agreement' },
        sentences: [sentence],
        rule: 'derived:forum-parties',
        score: 0.5,
      });
  }
}
