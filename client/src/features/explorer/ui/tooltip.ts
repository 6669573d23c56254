// Hover tooltip for the canvas: a node's name, labels and degree on the canvas; an edge's type, ends and first quote.
import type { HoverTarget } from '../../../graph/graph-view';
import type { State } from '../../../state/state';
import type { ReadableStore } from '../../../state/store';
import { el } from '../../../shared/dom';

/** Long enough not to flicker while the pointer crosses the canvas, short enough to feel immediate. */
const SHOW_DELAY_MS = 350;
/** Offset from the pointer so the tooltip never sits under it. */
const OFFSET = 14;
/** Quotes are cut here; the details panel has the whole text. */
const QUOTE_MAX = 180;

function nodeLines(s: State, id: string): HTMLElement[] {
  const node = s.nodes.get(id);
  if (!node) return [];
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
export function createTooltip(store: ReadableStore<State>): {
  hover(target: HoverTarget | null): void;
  hide(): void;
} {
  const tip = el('div', { className: 'graph-tooltip', testId: 'tooltip', attrs: { role: 'tooltip' } });
  tip.hidden = true;
  document.body.append(tip);
  let timer: ReturnType<typeof setTimeout> | null = null;

  const hide = (): void => {
    if (timer) clearTimeout(timer);
    timer = null;
    tip.hidden = true;
  };

  const show = (t: HoverTarget): void => {
    const s = store.get();
    const lines = t.kind === 'node' ? nodeLines(s, t.id) : edgeLines(s, t.id);
    if (!lines.length) return;
    tip.replaceChildren(...lines);
    tip.dataset['kind'] = t.kind;
    tip.dataset['id'] = t.id;
    tip.hidden = false;
    const box = tip.getBoundingClientRect();
    tip.style.left = `${Math.min(t.x + OFFSET, window.innerWidth - box.width - 4)}px`;
    tip.style.top = `${Math.min(t.y + OFFSET, window.innerHeight - box.height - 4)}px`;
  };

  return {
    hide,
    hover: (target) => {
      hide();
      if (target) timer = setTimeout(() => show(target), SHOW_DELAY_MS);
    },
  };
}
