// Text widths for the briefing figure, measured on the server: Helvetica's metrics, which Arial and Liberation Sans
// (what "Helvetica, Arial, sans-serif" resolves to on Windows and Linux) share glyph for glyph.
import { Encodings, Font, FontNames } from '@pdf-lib/standard-fonts';

/** The font family the figure's text is drawn in; its widths are Helvetica's. */
export const FIGURE_FONT = 'Helvetica, Arial, "Liberation Sans", sans-serif';

/** Width of a glyph Helvetica lacks, in em: full width for East Asian scripts, a wide Latin letter otherwise. */
const WIDE_EM = 1;
const UNKNOWN_EM = 0.67;

let helvetica: Font | undefined;

function glyphEm(ch: string): number {
  helvetica ??= Font.load(FontNames.Helvetica);
  const cp = ch.codePointAt(0)!;
  if (Encodings.WinAnsi.canEncodeUnicodeCodePoint(cp)) {
    const w = helvetica.getWidthOfGlyph(Encodings.WinAnsi.encodeUnicodeCodePoint(cp).name);
    if (typeof w === 'number') return w / 1000;
  }
  return /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/u.test(
    ch,
  )
    ? WIDE_EM
    : UNKNOWN_EM;
}

/** Width of `text` in pixels at `fontSize` (no kerning: a label is never drawn narrower than this). */
export function textWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text) em += glyphEm(ch);
  return em * fontSize;
}

/** A label wrapped to lines: `truncated` when the text did not fit and the last line ends with an ellipsis. */
export interface WrappedLabel {
  lines: string[];
  truncated: boolean;
}

/** Splits a word wider than `maxWidth` into pieces that fit (a long URL-like name); most words fit whole. */
function splitWord(word: string, maxWidth: number, fontSize: number): string[] {
  const out: string[] = [];
  let piece = '';
  for (const ch of word) {
    if (piece && textWidth(piece + ch, fontSize) > maxWidth) {
      out.push(piece);
      piece = '';
    }
    piece += ch;
  }
  if (piece) out.push(piece);
  return out;
}

/**
 * `text` wrapped at spaces into at most `maxLines` lines no wider than `maxWidth`. Only text past the last line is
 * dropped, and then that line ends with "…" (so a name is never cut short of what fits).
 */
export function wrapLabel(text: string, maxWidth: number, fontSize: number, maxLines = 2): WrappedLabel {
  const words = text
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .flatMap((w) => (textWidth(w, fontSize) > maxWidth ? splitWord(w, maxWidth, fontSize) : [w]));
  const lines: string[] = [];
  let line = '';
  let i = 0;
  for (; i < words.length; i++) {
    const next = line ? `${line} ${words[i]}` : words[i]!;
    if (!line || textWidth(next, fontSize) <= maxWidth) {
      line = next;
      continue;
    }
    lines.push(line);
    line = words[i]!;
    if (lines.length === maxLines) break;
  }
  if (lines.length < maxLines) {
    if (line) lines.push(line);
    return { lines, truncated: false };
  }
  // Past the last line: shorten that line until it and the ellipsis fit.
  let last = lines[maxLines - 1]!;
  while (last && textWidth(`${last}…`, fontSize) > maxWidth) last = [...last].slice(0, -1).join('');
  lines[maxLines - 1] = `${last.trimEnd()}…`;
  return { lines, truncated: true };
}
