// Reads an article's layout: its lines as headings, paragraphs, list items and table rows, with the list and table groups.
import type { BlockKind } from './types.js';

export type LineKind = BlockKind | 'table-separator' | 'blank';

export interface Cell {
  start: number;
  end: number;
}

export interface Line {
  index: number;
  /** Offsets of the line's content, without indentation, bullet marker or trailing space. */
  start: number;
  end: number;
  kind: LineKind;
  /** Table cells (for table rows and headers). */
  cells: Cell[];
  /** The heading line this line falls under, if any. */
  heading?: number;
  /** For list items and table rows: the line that introduces the list or table (usually ends with ':'). */
  intro?: number;
  /** For table rows: the header line of their table. */
  header?: number;
}

const BULLET = /^([ \t]*(?:[-*•–—▪●◦]|\d{1,2}[.)])[ \t]+)\S/u;
const LONE_MARKER = /^[ \t]*[-*•–—][ \t]*$/u;
const SEPARATOR = /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{0,}:?\s*)*\|?\s*$/;

function trimmed(text: string, start: number, end: number): [number, number] {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return [start, end];
}

function cellsOf(text: string, start: number, end: number): Cell[] {
  const cells: Cell[] = [];
  let s = start;
  for (let i = start; i <= end; i++) {
    if (i === end || text[i] === '|') {
      const [a, b] = trimmed(text, s, i);
      if (b > a) cells.push({ start: a, end: b });
      s = i + 1;
    }
  }
  return cells;
}

function looksLikeHeading(content: string): boolean {
  if (/[.!?:;,"”’)]$/.test(content)) return false;
  const words = content.split(/\s+/).filter(Boolean);
  if (words.length > 22) return false;
  if (words.length <= 8) return true;
  const long = words.filter((w) => w.length >= 4);
  const capped = long.filter((w) => /^\p{Lu}/u.test(w));
  return capped.length >= long.length * 0.6;
}

function isFirst(lines: readonly Line[]): boolean {
  return !lines.some((l) => l.kind !== 'blank');
}

/** The lines of `text` with their kinds, the heading each falls under, and list/table groups. */
export function readLayout(text: string): Line[] {
  const lines: Line[] = [];
  let pos = 0;
  let afterLoneMarker = false;
  for (const raw of text.split('\n')) {
    const lineStart = pos;
    const lineEnd = pos + raw.length;
    pos = lineEnd + 1;
    let [start, end] = trimmed(text, lineStart, lineEnd);
    const content = text.slice(start, end);
    let kind: LineKind;
    if (!content) kind = 'blank';
    else if (LONE_MARKER.test(content)) {
      afterLoneMarker = true;
      lines.push({ index: lines.length, start, end, kind: 'blank', cells: [] });
      continue;
    } else if (SEPARATOR.test(content) && content.includes('-')) kind = 'table-separator';
    else if ((content.match(/\|/g)?.length ?? 0) >= 2 || (content.includes('|') && /\|\s*$/.test(content)))
      kind = 'table-row';
    else if (BULLET.test(text.slice(lineStart, lineEnd)) || afterLoneMarker) {
      kind = 'bullet';
      const m = BULLET.exec(text.slice(lineStart, lineEnd));
      if (m) [start, end] = trimmed(text, lineStart + m[1]!.length, lineEnd);
    } else
      kind =
        looksLikeHeading(content) ||
        (isFirst(lines) && content.split(/\s+/).length <= 25 && !/[.!?]["”’)]?$/.test(content))
          ? 'heading'
          : 'paragraph';
    if (content) afterLoneMarker = false;
    const cells = kind === 'table-row' ? cellsOf(text, start, end) : [];
    lines.push({ index: lines.length, start, end, kind, cells });
  }
  groupLines(lines);
  return lines;
}

/** Marks table headers and gives list items and table rows their introducing line; every line its heading. */
function groupLines(lines: Line[]): void {
  let heading: number | undefined;
  let lastText: number | undefined;
  let groupIntro: number | undefined;
  let header: number | undefined;
  let prevKind: LineKind = 'blank';
  for (const line of lines) {
    if (line.kind === 'blank') continue;
    if (line.kind === 'heading') heading = line.index;
    else line.heading = heading;
    const inTable = line.kind === 'table-row' || line.kind === 'table-separator';
    const wasTable =
      prevKind === 'table-row' || prevKind === 'table-separator' || prevKind === 'table-header';
    if (inTable && !wasTable) {
      groupIntro = lastText;
      header = line.kind === 'table-row' ? line.index : undefined;
      if (line.kind === 'table-row') line.kind = 'table-header';
    } else if (line.kind === 'table-row' && header === undefined) {
      header = line.index;
      line.kind = 'table-header';
    }
    if (line.kind === 'bullet' && prevKind !== 'bullet') groupIntro = lastText;
    if (line.kind === 'bullet' || line.kind === 'table-row' || line.kind === 'table-header')
      line.intro = groupIntro;
    if (line.kind === 'table-row') line.header = header;
    if (line.kind === 'paragraph' || line.kind === 'heading') {
      lastText = line.index;
      header = undefined;
    }
    prevKind = line.kind;
  }
}
