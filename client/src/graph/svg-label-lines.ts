// Joins the lines of a wrapped label in an exported SVG into one <text> (a <tspan> per line), so a reader,
// a search or a screen reader finds each node's name once and whole, as on the canvas.

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Moves a <text>'s own content into a <tspan> at its position. */
function asLine(doc: Document, text: Element, content: string): Element {
  const span = doc.createElementNS(SVG_NS, 'tspan');
  span.setAttribute('x', text.getAttribute('x') ?? '0');
  span.setAttribute('y', text.getAttribute('y') ?? '0');
  span.textContent = content;
  return span;
}

/**
 * Rewrites `svg` so each multi-line label is one <text>: its lines become <tspan>s, each ending in the
 * space the line break replaced (none after a hyphen or slash, where the name itself breaks).
 */
export function joinLabelLines(svg: string): string {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  const gap = (line: string): string => (/[-/]$/.test(line) ? '' : ' ');
  let head: Element | null = null;
  let lastY = 0;
  for (const t of Array.from(doc.getElementsByTagName('text'))) {
    const line = t.textContent ?? '';
    const y = parseFloat(t.getAttribute('y') ?? '');
    const size = parseFloat(t.getAttribute('font-size') ?? '') || 12;
    // A continuation: drawn right after the label's first line, centred on the same x, one line lower.
    if (
      head &&
      t.previousElementSibling === head &&
      t.getAttribute('x') === head.getAttribute('x') &&
      y - lastY > 0 &&
      y - lastY <= size * 1.6
    ) {
      const spans = head.getElementsByTagName('tspan');
      const prev = spans[spans.length - 1];
      if (prev) prev.textContent = `${prev.textContent ?? ''}${gap(prev.textContent ?? '')}`;
      head.append(asLine(doc, t, line));
      t.remove();
      lastY = y;
      continue;
    }
    head = t;
    lastY = y;
    t.textContent = '';
    t.append(asLine(doc, t, line));
  }
  return new XMLSerializer().serializeToString(doc);
}
