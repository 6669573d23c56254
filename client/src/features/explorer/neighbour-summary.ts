// How much of a node's neighbourhood the canvas shows, in words: "n of N neighbours shown", naming the filter
// of its latest expansion, so a filtered expansion never reads as the whole neighbourhood.
import type { NeighboursResponse } from '../../../../contract';
import type { State } from '../../state/state';
import type { Expansion, ExpansionFilter } from './state';
import { isEmptyFilter } from './state';

/** Distinct neighbours of `id` that the canvas draws an edge to. */
export function canvasNeighbours(s: Pick<State, 'edges'>, id: string): number {
  const ids = new Set<string>();
  for (const e of s.edges.values()) {
    if (e.source === id) ids.add(e.target);
    if (e.target === id) ids.add(e.source);
  }
  ids.delete(id);
  return ids.size;
}

/** The filter in words: "COOPERATES_WITH (outgoing); Country; threat threat:x", or "" when there is none. */
export function filterName(f: ExpansionFilter): string {
  if (isEmptyFilter(f)) return '';
  const dir = f.direction === 'out' ? ' (outgoing)' : f.direction === 'in' ? ' (incoming)' : '';
  return [
    f.relTypes?.length ? `${f.relTypes.join(', ')}${dir}` : dir.trim(),
    f.labels?.length ? f.labels.join(', ') : '',
    f.threat ? `threat ${f.threat}` : '',
  ]
    .filter(Boolean)
    .join('; ');
}

/** "3 of 25 neighbours shown": `onCanvas` of every neighbour, whatever the filter (said so when unknown). */
export function shownOfAll(exp: Expansion, onCanvas: number): string {
  const all = exp.allTotal ?? (isEmptyFilter(exp.filter) ? exp.total : null);
  return all === null
    ? `${onCanvas} neighbour${onCanvas === 1 ? '' : 's'} shown (total over all types unknown)`
    : `${onCanvas} of ${all} neighbour${all === 1 ? '' : 's'} shown`;
}

/**
 * "3 of 25 neighbours shown (filter: COOPERATES_WITH, 1 of 1 match)": `onCanvas` of every neighbour, then the
 * latest expansion's filter and what it matched. Without the unfiltered count it says so instead of guessing.
 */
export function neighbourSummary(exp: Expansion, onCanvas: number): string {
  const filter = filterName(exp.filter);
  const head = shownOfAll(exp, onCanvas);
  if (!filter) return head;
  return `${head} (filter: ${filter}, ${exp.shown} of ${exp.total} match${exp.total === 1 ? '' : 'es'})`;
}

/**
 * " · order estimated from a sample of 1950 neighbours" when a hub's page was ranked on a sample
 * (the API's `sample`), else "": the page is then not the hub's most connected neighbours, and must not read as such.
 */
export function sampleNote(res: Pick<NeighboursResponse, 'sample'>): string {
  return res.sample
    ? ` · order estimated from a sample of ${res.sample.size} neighbour${res.sample.size === 1 ? '' : 's'}`
    : '';
}
