// Node label text: the full name wrapped to at most two lines of a fixed width, an ellipsis only past that.
// Cytoscape wraps or ellipsises but never both, so the lines are cut here and handed over with explicit breaks.

/** Model font size of node labels at zoom buckets' base (graph-stylesheet scales from this). */
export const LABEL_BASE_FONT_PX = 12;
/** Width of a label line at the base font, in model pixels. */
export const LABEL_WIDTH_PX = 140;
/** Lines a label may take before it ends in an ellipsis. */
export const LABEL_MAX_LINES = 2;
/** Line height as a multiple of the font size (Cytoscape draws lines 1.2 em apart; a little more for safety). */
export const LABEL_LINE_HEIGHT = 1.25;
/** The font every node label is drawn in (kept in step with graph-stylesheet). */
export const LABEL_FONT_FAMILY = 'Inter, "Segoe UI", system-ui, sans-serif';

/** Measures a string's width at the base font. */
export type Measure = (text: string) => number;

/** A wrapped label and the size it takes at the base font. */
export interface WrappedLabel {
  /** The lines joined by newlines, as Cytoscape draws them with `text-wrap: wrap`. */
  text: string;
  /** Width of the widest line at the base font, in model pixels. */
  width: number;
  lines: number;
}

let canvasMeasure: Measure | null = null;

/** Canvas text metrics at the base font when a DOM is at hand; an average glyph width otherwise (tests). */
export function defaultMeasure(): Measure {
  if (canvasMeasure) return canvasMeasure;
  const ctx = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  if (!ctx) return (text) => text.length * LABEL_BASE_FONT_PX * 0.56;
  ctx.font = `${LABEL_BASE_FONT_PX}px ${LABEL_FONT_FAMILY}`;
  const cache = new Map<string, number>();
  canvasMeasure = (text) => {
    let w = cache.get(text);
    if (w === undefined) {
      w = ctx.measureText(text).width;
      if (cache.size < 50_000) cache.set(text, w);
    }
    return w;
  };
  return canvasMeasure;
}

/**
 * How much wider than the sum of its characters' own widths a line may be drawn: kerning and ligatures make a line
 * narrower than that sum, almost never wider; this margin covers the rare pair a font spaces apart.
 */
const KERNING_MARGIN = 1.05;

/**
 * Whether `text` fits one line of `width`, judged by its characters' widths alone (each measured once, ever), so
 * that the text itself need not be measured; false when that is not sure.
 */
function surelyFits(text: string, width: number, measure: Measure): boolean {
  let sum = 0;
  for (const ch of text) {
    sum += measure(ch);
    if (sum * KERNING_MARGIN > width) return false;
  }
  return true;
}

/** A node's label as element data: its wrapped text (`label`), line count (`ll`) and width (`lw`, see below). */
export interface LabelData {
  label: string;
  ll: number;
  /**
   * The width at the base font, or undefined for a name that surely fits one line: measuring every name of a large
   * scene on arrival was a tenth of a 10k-element scene's style work (2026-12-07), and most of those labels are never
   * drawn. `labelWidthOf` measures it when a label pass first needs it.
   */
  lw: number | undefined;
}

/** `name` as label data: wrapped as `wrapLabel` does, with the width of a one-line name left to `labelWidthOf`. */
export function labelData(name: string, measure: Measure = defaultMeasure()): LabelData {
  const clean = name.replace(/\s+/g, ' ').trim();
  if (clean && surelyFits(clean, LABEL_WIDTH_PX, measure)) return { label: clean, ll: 1, lw: undefined };
  const wrapped = wrapLabel(clean, measure);
  return { label: wrapped.text, ll: wrapped.lines, lw: wrapped.width };
}

/** A label's width at the base font: the one its data holds, else its text measured (one line, see LabelData). */
export function labelWidthOf(
  data: { label?: string; lw?: number },
  measure: Measure = defaultMeasure(),
): number {
  return data.lw ?? (data.label ? measure(data.label) : 0);
}

/** Cuts `line` to fit `width` with a trailing ellipsis. */
function ellipsise(line: string, width: number, measure: Measure): string {
  let cut = line;
  while (cut.length > 1 && measure(`${cut}…`) > width) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

/**
 * Wraps `name` at word boundaries (and after hyphens and slashes) into at most `maxLines` lines of
 * `width`; a word longer than a line is broken, and only text past the last line is cut with "…".
 */
export function wrapLabel(
  name: string,
  measure: Measure = defaultMeasure(),
  width: number = LABEL_WIDTH_PX,
  maxLines: number = LABEL_MAX_LINES,
): WrappedLabel {
  const clean = name.replace(/\s+/g, ' ').trim();
  // Most names fit on one line: one measurement instead of one per word (a prefix is never wider than the whole).
  if (clean && measure(clean) <= width) return { text: clean, width: measure(clean), lines: 1 };
  // Break opportunities: after spaces, hyphens and slashes, so "Franco-British" may split as "Franco-" "British".
  const tokens = clean.match(/[^\s\-/]+[-/]?\s*|[-/]\s*/g) ?? [];
  const lines: string[] = [];
  let current = '';
  let i = 0;
  while (i < tokens.length && lines.length < maxLines) {
    const token = tokens[i] as string;
    const next = current + token;
    if (measure(next.trimEnd()) <= width) {
      current = next;
      i++;
      continue;
    }
    if (current) {
      lines.push(current.trimEnd());
      current = '';
      continue;
    }
    // One token wider than a line: break it by characters.
    let head = token;
    while (head.length > 1 && measure(head) > width) head = head.slice(0, -1);
    lines.push(head);
    tokens[i] = token.slice(head.length);
  }
  if (current && lines.length < maxLines) lines.push(current.trimEnd());
  if (i < tokens.length) {
    const last = lines.pop() ?? '';
    const joiner = /[-/]$/.test(last) || !last ? '' : ' ';
    lines.push(ellipsise(`${last}${joiner}${tokens.slice(i).join('')}`.trim(), width, measure));
  }
  const text = lines.join('\n');
  return { text, width: Math.max(0, ...lines.map((l) => measure(l))), lines: lines.length };
}
