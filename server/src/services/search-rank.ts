// Orders search hits as a reader expects: the exact name or alias first, then names that begin with or hold the
// words typed, then names holding them all, then other text; Lucene's score only breaks ties within a tier.
import type { GraphNode } from '../../../contract/index.js';
import type { SearchPlan } from './search-query.js';
import { indexWords } from './search-words.js';

/** How well a hit matches, best first. */
export const MATCH_TIERS = [
  'exact', // its name or an alias is the text typed, word for word
  'starts', // its name or an alias begins with the words typed (the last one may be unfinished)
  'phrase', // its name or an alias holds the words typed, in order, side by side
  'names', // its names hold every word typed, in any order
  'text', // its names and description hold every word typed
  'some', // it holds some of the words, or a word within one typo
] as const;
export type MatchTier = (typeof MATCH_TIERS)[number];

type Hit = GraphNode & { score: number };

/** The other spellings of a typed word (every typed word is in the plan's list). */
const variantsOf = (plan: SearchPlan, word: string): readonly string[] => plan.variants.get(word) ?? [];

/** True when `word` (typed) matches `indexed`: the same, a prefix of it, or another spelling of it. */
function wordMatches(plan: SearchPlan, word: string, indexed: string): boolean {
  return indexed.startsWith(word) || variantsOf(plan, word).includes(indexed);
}

/** Whether the typed words occur in `seq` at `at`, the last typed word as a prefix. */
function runsAt(plan: SearchPlan, seq: string[], at: number): boolean {
  const typed = plan.words;
  if (at + typed.length > seq.length) return false;
  return typed.every((w, i) =>
    i === typed.length - 1
      ? wordMatches(plan, w, seq[at + i]!)
      : seq[at + i] === w || variantsOf(plan, w).includes(seq[at + i]!),
  );
}

/** The tier of a node for the search `plan`, and how many required words its names hold. */
export function matchTier(plan: SearchPlan, node: GraphNode): { tier: MatchTier; inNames: number } {
  const aliases = Array.isArray(node.properties.aliases) ? (node.properties.aliases as unknown[]) : [];
  const names = [node.name, ...aliases.filter((a): a is string => typeof a === 'string')].map(indexWords);
  const typed = plan.words;
  const nameWords = names.flat();
  const inNames = plan.required.filter((w) => nameWords.some((x) => wordMatches(plan, w, x))).length;
  if (names.some((seq) => seq.length === typed.length && seq.every((w, i) => w === typed[i])))
    return { tier: 'exact', inNames };
  if (names.some((seq) => runsAt(plan, seq, 0))) return { tier: 'starts', inNames };
  if (names.some((seq) => seq.some((_, at) => runsAt(plan, seq, at)))) return { tier: 'phrase', inNames };
  if (inNames === plan.required.length) return { tier: 'names', inNames };
  const description = node.properties.description;
  const allWords = typeof description === 'string' ? [...nameWords, ...indexWords(description)] : nameWords;
  if (plan.required.every((w) => allWords.some((x) => wordMatches(plan, w, x))))
    return { tier: 'text', inNames };
  return { tier: 'some', inNames };
}

/** Hits of every stage, each node once (its first hit), best first. */
export function rankHits(plan: SearchPlan, hits: Hit[]): Hit[] {
  const seen = new Set<string>();
  const ranked: { hit: Hit; rank: number; inNames: number }[] = [];
  for (const hit of hits) {
    if (seen.has(hit.id)) continue;
    seen.add(hit.id);
    const { tier, inNames } = matchTier(plan, hit);
    ranked.push({ hit, rank: MATCH_TIERS.indexOf(tier), inNames });
  }
  ranked.sort(
    (x, y) =>
      x.rank - y.rank ||
      y.inNames - x.inNames ||
      y.hit.score - x.hit.score ||
      x.hit.name.length - y.hit.name.length ||
      x.hit.name.localeCompare(y.hit.name),
  );
  return ranked.map((x) => x.hit);
}
