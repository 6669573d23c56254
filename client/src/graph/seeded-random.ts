// The same scene laid out the same way on every load: fcose starts from random numbers (its spectral draft samples
// nodes with Math.random), so a scene reopened, a page reloaded or a workspace restored came out in a different
// picture each time, and an analyst's mental map of it (where the United Kingdom sits, which group is on the left)
// was lost. A layout now runs with Math.random replaced by a generator seeded from the scene itself (its nodes and
// edges, in order), so the same scene gives the same picture; a different scene gives another draw. The analytics'
// Louvain communities draw from the same generator (scene-metrics.ts).
// Pure: tests/client/seeded-random.test.ts.

/** A 32-bit FNV-1a hash of the strings, in order (each followed by a separator). */
export function seedOf(parts: Iterable<string>): number {
  let h = 0x811c9dc5;
  for (const part of parts) {
    for (let i = 0; i < part.length; i++) {
      h ^= part.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    h ^= 0x1f;
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: a small, fast generator of numbers in [0, 1), the same sequence for the same seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Runs `run` (synchronous: a layout's `run()` computes its positions before it returns, even when it then
 * animates to them) with Math.random drawing from `seed`, and puts Math.random back afterwards, also on a throw.
 */
export function withSeededRandom<T>(seed: number, run: () => T): T {
  const original = Math.random;
  Math.random = seededRandom(seed);
  try {
    return run();
  } finally {
    Math.random = original;
  }
}

/** The seed of a scene: its node ids, then each edge's ends, in the order given. */
export function sceneSeed(nodeIds: Iterable<string>, edgeEnds: Iterable<readonly [string, string]>): number {
  function* parts(): Generator<string> {
    yield* nodeIds;
    yield '\u0000edges';
    for (const [s, t] of edgeEnds) yield `${s}\u0000${t}`;
  }
  return seedOf(parts());
}

/** The seed of a scene's `draw`-th layout asked for: draw 0 is the scene's own seed. */
export const drawSeed = (scene: number, draw: number): number =>
  draw === 0 ? scene : (scene ^ Math.imul(draw, 0x9e3779b1)) >>> 0;
