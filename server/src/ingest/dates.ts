// Dates the text gives ("14 March 2024", "October 2, 2024", "March 2024", "in 2025"), as ISO strings, each
// attached to the forum or agreement its sentence names (rules/dates.json).
import type { Doc } from './doc.js';
import type { TokenMention } from './mentions.js';
import type { DateMention } from './types.js';

const pad = (n: number) => String(n).padStart(2, '0');

/** Every date in the article with the forum or agreement it dates, when its sentence names one. */
export function findDates(doc: Doc, mentions: readonly TokenMention[]): DateMention[] {
  const { months, yearCues } = doc.rules.dates;
  const month = Object.keys(months)
    .sort((a, b) => b.length - a.length)
    .join('|');
  const re = new RegExp(
    [
      `\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(${month})\\.?,?\\s+((?:19|20)\\d{2})\\b`,
      `\\b(${month})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+((?:19|20)\\d{2})\\b`,
      `\\b(${month})\\.?\\s+((?:19|20)\\d{2})\\b`,
      `\\b((?:19|20)\\d{2})-(\\d{2})-(\\d{2})\\b`,
      `\\b(?:${yearCues.join('|')})\\s+((?:19|20)\\d{2})\\b`,
    ]
      .map((p) => `(?:${p})`)
      .join('|'),
    'giu',
  );
  const out: DateMention[] = [];
  for (const s of doc.sentences) {
    const text = doc.text.slice(s.start, s.end);
    for (const m of text.matchAll(re)) {
      const g = m.slice(1);
      const mon = (x: string | undefined) => (x ? months[x.toLowerCase()] : undefined);
      let iso: string | undefined;
      if (g[0]) iso = `${g[2]}-${pad(mon(g[1])!)}-${pad(+g[0])}`;
      else if (g[3]) iso = `${g[5]}-${pad(mon(g[3])!)}-${pad(+g[4]!)}`;
      else if (g[6]) iso = `${g[7]}-${pad(mon(g[6])!)}`;
      else if (g[8]) iso = `${g[8]}-${g[9]}-${g[10]}`;
      else if (g[11]) iso = g[11];
      if (!iso) continue;
      // A bare year: only its digits are the date ("in 2025" → "2025").
      const lead = g[11] ? m[0].length - g[11].length : 0;
      const start = s.start + m.index + lead;
      const end = s.start + m.index + m[0].length;
      const here = mentions.filter(
        (x) => x.sentence === s.index && (x.label === 'Forum' || x.label === 'Agreement'),
      );
      const nearest = here.sort((a, b) => Math.abs(a.start - start) - Math.abs(b.start - start))[0];
      out.push({
        start,
        end,
        text: doc.text.slice(start, end),
        iso,
        sentence: s.index,
        attachedTo: nearest?.ref,
      });
    }
  }
  return out;
}
