// Confidence from the source's own hedging: cue words in the sentence, and in the heading or list
// introduction that governs it ("Recommendations for ..."), per rules/hedging.json.
import type { Doc } from './doc.js';
import type { Confidence } from './types.js';

const RANK: Record<Confidence, number> = { confirmed: 0, reported: 1, speculative: 2 };

/** The less certain of two levels. */
export function weaker(a: Confidence, b: Confidence): Confidence {
  return RANK[a] >= RANK[b] ? a : b;
}

/** The more certain of two levels (a fact stated once as fact is confirmed, however often it is hedged elsewhere). */
export function stronger(a: Confidence, b: Confidence): Confidence {
  return RANK[a] <= RANK[b] ? a : b;
}

export interface Hedger {
  /** The level of one sentence, taking its heading's section cues into account. */
  sentence(index: number): Confidence;
}

const compile = (cues: readonly string[]) =>
  cues.length ? new RegExp(`\\b(?:${cues.join('|')})\\b`, 'iu') : undefined;

/** A hedger for the article, caching each sentence's level. */
export function makeHedger(doc: Doc): Hedger {
  const h = doc.rules.hedging;
  const spec = compile(h.speculative);
  const rep = compile(h.reported);
  const sectionSpec = compile(h.sectionCues.speculative);
  const sectionRep = compile(h.sectionCues.reported);
  const cache = new Map<number, Confidence>();
  const levelOf = (text: string): Confidence =>
    spec?.test(text) ? 'speculative' : rep?.test(text) ? 'reported' : 'confirmed';
  return {
    sentence(index) {
      const hit = cache.get(index);
      if (hit) return hit;
      const s = doc.sentences[index]!;
      let level = levelOf(doc.text.slice(s.start, s.end));
      const line = doc.lines[s.line]!;
      const governing = [line.heading, line.intro].filter((x): x is number => x !== undefined);
      for (const g of governing) {
        const gl = doc.lines[g]!;
        const text = doc.text.slice(gl.start, gl.end);
        if (sectionSpec?.test(text)) level = weaker(level, 'speculative');
        else if (sectionRep?.test(text)) level = weaker(level, 'reported');
        if (g === line.intro)
          level = weaker(level, levelOf(text.slice(Math.max(0, text.lastIndexOf('.', text.length - 2) + 1))));
      }
      cache.set(index, level);
      return level;
    },
  };
}
