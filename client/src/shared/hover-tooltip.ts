// A tooltip that follows canvas hovers: shown after a delay beside the pointer, kept inside the window.
import type { HoverTarget } from '../graph/graph-view';
import { el } from './dom';

/** Offset from the pointer so the tooltip never sits under it. */
const OFFSET = 14;

/** How a canvas's tooltip looks and what it says about a hovered element (no lines: nothing is shown). */
export interface HoverTooltipOptions {
  className: string;
  testId: string;
  delayMs: number;
  lines(target: HoverTarget): HTMLElement[];
}

/** The tooltip element (appended to body) and the hover handler a graph view calls. */
export function createHoverTooltip(opts: HoverTooltipOptions): {
  hover(target: HoverTarget | null): void;
  hide(): void;
} {
  const tip = el('div', { className: opts.className, testId: opts.testId, attrs: { role: 'tooltip' } });
  tip.hidden = true;
  document.body.append(tip);
  let timer: ReturnType<typeof setTimeout> | null = null;

  const hide = (): void => {
    if (timer) clearTimeout(timer);
    timer = null;
    tip.hidden = true;
  };
  const show = (t: HoverTarget): void => {
    const lines = opts.lines(t);
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
      if (target) timer = setTimeout(() => show(target), opts.delayMs);
    },
  };
}
