// How strongly a path is attested: the weakest claim on it (its relationships and the nodes between its ends),
// and whether any of them is disputed. Paths are listed strongest first, then shortest.
import type { Graph, PathStrength } from '../../../contract/index.js';
import { CONFIDENCE_LEVELS, isConfidence, type Confidence } from '../../../model/index.js';

/** A claim's confidence: absent counts as confirmed (stated without hedging); a value outside the model as the weakest. */
function claimLevel(properties: Record<string, unknown>): Confidence {
  const c = properties.confidence;
  if (c === undefined || c === null) return 'confirmed';
  return isConfidence(c) ? c : CONFIDENCE_LEVELS[CONFIDENCE_LEVELS.length - 1]!;
}

/** The strength of `path` between `from` and `to` (the ends are what was asked for, not claims on the way). */
export function pathStrength(path: Graph, from: string, to: string): PathStrength {
  const claims = [
    ...path.edges.map((e) => e.properties),
    ...path.nodes.filter((n) => n.id !== from && n.id !== to).map((n) => n.properties),
  ];
  let weakest = 0;
  for (const c of claims) weakest = Math.max(weakest, CONFIDENCE_LEVELS.indexOf(claimLevel(c)));
  return {
    weakest: CONFIDENCE_LEVELS[weakest]!,
    disputed: claims.some((c) => c.disputed === true),
  };
}

/** Orders strengths: undisputed before disputed, then confirmed before reported before speculative. */
export function compareStrength(a: PathStrength, b: PathStrength): number {
  return (
    Number(a.disputed) - Number(b.disputed) ||
    CONFIDENCE_LEVELS.indexOf(a.weakest) - CONFIDENCE_LEVELS.indexOf(b.weakest)
  );
}

/**
 * The strengths stronger than `s`, strongest first, each as the filter the shortest-path query takes: the confidence
 * levels allowed on the way and whether a disputed claim may be.
 */
export function strongerFilters(s: PathStrength): { levels: Confidence[]; disputed: boolean }[] {
  const all = [false, true].flatMap((disputed) =>
    CONFIDENCE_LEVELS.map((weakest, i) => ({
      strength: { weakest, disputed },
      filter: { levels: CONFIDENCE_LEVELS.slice(0, i + 1), disputed },
    })),
  );
  return all.filter((x) => compareStrength(x.strength, s) < 0).map((x) => x.filter);
}

/** Paths with their strength, strongest first, then fewest hops; ties keep the order they came in. */
export function rankPaths<P extends Graph>(
  paths: P[],
  from: string,
  to: string,
): (P & { strength: PathStrength })[] {
  return paths
    .map((p, i) => ({ p: { ...p, strength: pathStrength(p, from, to) }, i }))
    .sort(
      (x, y) =>
        compareStrength(x.p.strength, y.p.strength) || x.p.edges.length - y.p.edges.length || x.i - y.i,
    )
    .map((x) => x.p);
}
