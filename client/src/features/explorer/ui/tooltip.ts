// Hover tooltip for the canvas: a node's name, labels and degree on the canvas; an edge's type, ends and first quote.
import type { HoverTarget } from '../../../graph/graph-view';
import type { State } from '../../../state/state';
import type { ReadableStore } from '../../../state/store';
import { el } from '../../../shared/dom';
import { createHoverTooltip } from '../../../shared/hover-tooltip';

/** Long enough not to flicker while the pointer crosses the canvas, short enough to feel immediate. */
const SHOW_DELAY_MS = 350;
/** Quotes are cut here; the details panel has the whole text. */
const QUOTE_MAX = 180;

function nodeLines(s: State, id: string): HTMLElement[] {
  const node = s.nodes.get(id);
  if (!node) return [];
  const fold = foldLines(s, node.properties);
  if (fold) return fold;
  let degree = 0;
  for (const e of s.edges.values()) if (e.source === id || e.target === id) degree++;
  return [
    el('div', { className: 'tooltip-title', text: node.name }),
    el('div', { className: 'tooltip-sub', text: node.labels.join(' · ') }),
    el('div', {
      className: 'tooltip-sub',
      text: `${degree} relationship${degree === 1 ? '' : 's'} on the canvas${s.pinned.has(id) ? ' · pinned' : ''}`,
    }),
  ];
}

/** A badge or summary node says what it stands for and how to open it; null for a real node. */
function foldLines(s: State, p: Record<string, unknown>): HTMLElement[] | null {
  if (p['fold'] !== 'leaves' && p['fold'] !== 'group') return null;
  const count = Number(p['count']);
  const anchor = s.nodes.get(String(p['anchor']))?.name ?? String(p['anchor']);
  return [
    el('div', {
      className: 'tooltip-title',
      text:
        p['fold'] === 'leaves'
          ? `${count} lea${count === 1 ? 'f' : 'ves'} of ${anchor} folded`
          : `A community of ${count} nodes around ${anchor}`,
    }),
    el('div', {
      className: 'tooltip-sub',
      text: p['fold'] === 'leaves' ? 'Click to unfold' : 'Click to open',
    }),
  ];
}

function edgeLines(s: State, id: string): HTMLElement[] {
  const edge = s.edges.get(id);
  if (!edge) return [];
  const name = (n: string): string => s.nodes.get(n)?.name ?? n;
  const quote = edge.evidence?.find((e) => e.quote)?.quote ?? null;
  const lines: HTMLElement[] = [
    el('div', { className: 'tooltip-title', text: edge.type }),
    el('div', { className: 'tooltip-sub', text: `${name(edge.source)} → ${name(edge.target)}` }),
  ];
  if (quote)
    lines.push(
      el('blockquote', {
        className: 'tooltip-quote',
        text: `“${quote.length > QUOTE_MAX ? `${quote.slice(0, QUOTE_MAX)}…` : quote}”`,
      }),
    );
  return lines;
}

/** The tooltip element (appended to body) and the hover handler the graph view calls. */
export function createTooltip(
  store: ReadableStore<State>,
  /** The scene as drawn (with its folds): badges and summary nodes are only there. */
  drawn: ReadableStore<State> = store,
): {
  hover(target: HoverTarget | null): void;
  hide(): void;
} {
  return createHoverTooltip({
    className: 'graph-tooltip',
    testId: 'tooltip',
    delayMs: SHOW_DELAY_MS,
    // A real node's degree counts its relationships in the scene, folded ends included; a fold's lines come from the drawing.
    lines: (t) =>
      t.kind === 'node'
        ? nodeLines(store.get().nodes.has(t.id) ? store.get() : drawn.get(), t.id)
        : edgeLines(store.get().edges.has(t.id) ? store.get() : drawn.get(), t.id),
  });
}
