// Hovering the pair graph: a pair's weight and what they share (the edge draws its number only above 1), or an actor's pairs.
import type { HoverTarget } from '../../../graph/graph-view';
import type { State } from '../../../state/state';
import type { ReadableStore } from '../../../state/store';
import { el } from '../../../shared/dom';
import { createHoverTooltip } from '../../../shared/hover-tooltip';
import { pairOfEdge, pairWeight } from '../cooperation-projection';

/** Long enough not to flicker while the pointer crosses the canvas, short enough to feel immediate. */
const SHOW_DELAY_MS = 250;
/** Forums listed by name; the details panel lists them all. */
const VIAS_LISTED = 3;

function lines(s: State, t: HoverTarget): HTMLElement[] {
  const res = s.cooperation?.response;
  if (!res) return [];
  if (t.kind === 'edge') {
    const pair = pairOfEdge(res, t.id);
    if (!pair) return [];
    const w = pairWeight(pair);
    const names = pair.via.slice(0, VIAS_LISTED).map((v) => v.name);
    return [
      el('div', { className: 'coop-tooltip-title', text: `${pair.a.name} and ${pair.b.name}` }),
      el('div', {
        className: 'coop-tooltip-weight',
        testId: 'coop-tooltip-weight',
        attrs: { 'data-weight': String(w) },
        text: `${w} ${w === 1 ? 'forum or agreement' : 'forums or agreements'} in common`,
      }),
      el('div', {
        className: 'coop-tooltip-sub',
        text: names.join('; ') + (w > names.length ? `; and ${w - names.length} more` : ''),
      }),
    ];
  }
  const pairs = res.pairs.filter((p) => p.a.id === t.id || p.b.id === t.id);
  const actor = pairs[0] && (pairs[0].a.id === t.id ? pairs[0].a : pairs[0].b);
  if (!actor) return [];
  return [
    el('div', { className: 'coop-tooltip-title', text: actor.name }),
    el('div', { className: 'coop-tooltip-sub', text: actor.labels.join(' · ') }),
    el('div', {
      className: 'coop-tooltip-sub',
      text: `Paired with ${pairs.length} ${pairs.length === 1 ? 'party' : 'parties'}`,
    }),
  ];
}

/** The tooltip element (appended to body) and the hover handler the pair graph's view calls. */
export function createPairTooltip(store: ReadableStore<State>): { hover(target: HoverTarget | null): void } {
  const tip = createHoverTooltip({
    className: 'coop-tooltip',
    testId: 'coop-tooltip',
    delayMs: SHOW_DELAY_MS,
    lines: (t) => lines(store.get(), t),
  });
  // The view closing (or another threat) leaves nothing to hover.
  store.subscribe((next, prev) => {
    if (next.cooperation !== prev.cooperation) tip.hide();
  });
  return { hover: tip.hover };
}
