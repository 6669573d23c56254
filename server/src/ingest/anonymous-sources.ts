// Unnamed sources who ask not to be named ("a senior security analyst who wished to remain anonymous"): a Person
// the curator may want to cite, named "Anonymous" and the description the text gives.
import type { CandidateSet } from './candidates.js';
import type { Doc } from './doc.js';

/** How far after the description the anonymity cue may stand, in characters. */
const CUE_WINDOW = 80;

/** Adds a Person candidate for each unnamed source the rules' anonymity cues mark, counted as mentioned. */
export function anonymousSources(doc: Doc, set: CandidateSet): void {
  const t = doc.rules.titles;
  const nouns = [...new Set([...t.sourceNouns, ...t.heads])].join('|');
  const description = new RegExp(
    `(?<![\\p{L}])(?:an?|one)\\s+((?:\\p{Ll}[\\p{Ll}-]*\\s+){0,3}(?:${nouns}))(?![\\p{L}-])`,
    'gu',
  );
  const cue = new RegExp(`(?:${t.anonymityCues.join('|')})`, 'iu');
  for (const s of doc.sentences) {
    const text = doc.text.slice(s.start, s.end);
    for (const m of text.matchAll(description)) {
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + CUE_WINDOW);
      // The cue must belong to this description, not to a later clause ("…, and a diplomat said" is another).
      if (!cue.test(after.split(/[.;:]|\s(?:said|told|added)\s/u)[0] ?? '')) continue;
      const phrase = m[1]!;
      const start = s.start + m.index + m[0].length - phrase.length;
      const key = set.add({
        label: 'Person',
        name: `Anonymous ${phrase}`,
        start,
        end: start + phrase.length,
        rule: 'text:anonymous-source',
        score: 0.55,
        aliases: [phrase],
      });
      if (key) set.countMention(key);
    }
  }
}
