// Section headings that name a body of cooperative practice ("Regional Initiatives Against Piracy"): in reports
// and explainers the section is about that practice, and curators record it as an Agreement.
import type { CandidateSet } from './candidates.js';
import type { Doc } from './doc.js';
import type { TokenMention } from './mentions.js';
import type { ProposalSink } from './proposals.js';
import { sentencesOfLine } from './structure.js';
import { isWord } from './tokens.js';

/** How many tokens (words and hyphens) may stand before the head: "Cross - Border Information - Sharing Arrangements". */
const MAX_BEFORE_HEAD = 6;
const MAX_HEADING_WORDS = 12;

/** A heading's Agreement candidate and the heading's line. */
export interface HeadingTopic {
  key: string;
  line: number;
}

/** Adds an Agreement candidate for each section heading whose subject is a plural mechanism head. */
export function headingTopics(doc: Doc, set: CandidateSet): HeadingTopic[] {
  const out: HeadingTopic[] = [];
  const heads = new Set(doc.rules.agreements.headingTopicHeads);
  const first = doc.lines.find((l) => l.end > l.start);
  for (const line of doc.lines) {
    if (line.kind !== 'heading' || line === first) continue;
    const si = sentencesOfLine(doc, line.index)[0];
    if (si === undefined) continue;
    const s = doc.sentences[si]!;
    const tk = doc.tokens.slice(s.tokenStart, s.tokenEnd);
    if (tk.some((t) => t.text === ':') || tk.filter(isWord).length > MAX_HEADING_WORDS) continue;
    let i = 0;
    if (isWord(tk[0]) && /ing$/u.test(tk[0]!.norm) && tk[1]?.cap) i = 1;
    let head = -1;
    for (let j = i; j < tk.length && j - i <= MAX_BEFORE_HEAD; j++) {
      const t = tk[j]!;
      if (isWord(t) && heads.has(t.norm)) {
        head = j;
        break;
      }
      // Only capitalised words and hyphens before the head: "Role of Bilateral Agreements" is about a role.
      if (!(isWord(t) && t.cap) && t.text !== '-') break;
    }
    if (head < 0 || (head === tk.length - 1 && head === i)) continue;
    let last = tk.length - 1;
    while (last > head && !isWord(tk[last])) last--;
    const start = tk[i]!.start;
    const end = tk[last]!.end;
    const key = set.add({
      label: 'Agreement',
      name: doc.text.slice(start, end),
      start,
      end,
      rule: 'heading:mechanism-topic',
      score: 0.5,
      properties: { kind: 'initiative' },
    });
    if (!key) continue;
    set.countMention(key);
    out.push({ key, line: line.index });
  }
  return out;
}

/** The bodies a heading's section names take part in its practice, and the threats it names are what the practice
 * addresses: weak suggestions (the section says so only by standing under the heading), one per sentence. */
export function applyHeadingTopics(
  doc: Doc,
  topics: readonly HeadingTopic[],
  mentions: readonly TokenMention[],
  set: CandidateSet,
  sink: ProposalSink,
): void {
  for (const topic of topics) {
    const key = set.resolve(topic.key);
    const inSection = new Set(
      doc.lines.filter((l) => l.heading === topic.line).flatMap((l) => sentencesOfLine(doc, l.index)),
    );
    for (const m of mentions) {
      if (!inSection.has(m.sentence) || m.via === 'anaphor' || m.via === 'demonym' || m.topic) continue;
      const type =
        m.label === 'Organization' ? 'PARTY_TO' : m.label === 'ThreatType' ? 'ADDRESSES' : undefined;
      if (!type) continue;
      const agreement = { ref: { candidateKey: key }, label: 'Agreement' as const };
      const other = { ref: m.ref, label: m.label };
      sink.add({
        type,
        from: type === 'PARTY_TO' ? other : agreement,
        to: type === 'PARTY_TO' ? agreement : other,
        sentences: [m.sentence],
        rule: 'heading:section-topic',
        score: 0.45,
      });
    }
  }
}
