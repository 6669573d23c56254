// The briefing as Markdown: title, summary, what the figure draws, cited findings, annex tables, notes, sources.
import type { Graph } from '../../../../contract/index.js';
import {
  buildBriefing,
  formatTime,
  sourceDate,
  type BriefingMeta,
  type Footnote,
  type SourceDoc,
  type Statement,
  curatorNote,
} from './briefing-model.js';
import { escapeMarkdown as md } from './escape.js';
import { renderFigure } from './figure-svg.js';
import { listsObjects, moreText, noteKind, sameNotes, sourceName, statementHead } from './notes-text.js';
import { joinWords } from './phrases.js';

const cites = (ns: number[]): string =>
  ns.length ? ns.map((n) => `[${n}]`).join('') : ' (no source recorded)';

function statementLines(s: Statement): string[] {
  const conf = s.confidence ? ` (${md(s.confidence)})` : '';
  const head = md(statementHead(s));
  const lines: string[] = [];
  if (listsObjects(s)) {
    lines.push(`- ${head} ${md(s.objectsNoun)}${conf}:`);
    for (const o of s.objects) lines.push(`  - ${md(o.phrase)} ${cites(o.notes)}`);
  } else if (s.objects.length > 1 && !sameNotes(s)) {
    lines.push(`- ${head} ${joinWords(s.objects.map((o) => `${md(o.phrase)} ${cites(o.notes)}`))}${conf}.`);
  } else {
    lines.push(`- ${head} ${joinWords(s.objects.map((o) => md(o.phrase)))}${conf}. ${cites(s.notes)}`);
  }
  if (s.dispute) {
    let d = `  **Disputed:** ${md(s.dispute.note)}`;
    for (const c of s.dispute.conflicts) d += ` Conflicts with: ${md(c.claim)}. ${cites(c.notes)}`;
    lines[0] += ` ${d.trim()}`;
  }
  return lines;
}

/** A GFM table row from cells (each escaped, so a `|` inside a cell stays in it). */
const row = (cells: string[]): string => `| ${cells.join(' | ')} |`;

/** One note as Markdown paragraphs: sentences inline in quotation marks, lists and tables as blocks. */
function noteLines(note: Footnote): string[] {
  const p = note.passage;
  const from = sourceName(note);
  const more = moreText(note) ? ` (${moreText(note)})` : '';
  switch (p.kind) {
    case 'sentence':
      return [`[${note.n}] “${md(p.sentence.text)}” — ${from}`, ''];
    case 'note':
      return [
        `[${note.n}] ${noteKind(note)}: ${md(curatorNote(p.note))}${note.source ? ` — ${from}` : ''}`,
        '',
      ];
    case 'list':
      return [
        `[${note.n}] ${noteKind(note)}, ${from}${more}:`,
        '',
        ...(p.leadIn ? [`> ${md(p.leadIn.text)}`, '>'] : []),
        ...p.items.map((i) => `> - ${md(i.text)}`),
        '',
      ];
    case 'table': {
      const width = Math.max(p.header?.length ?? 0, ...p.rows.map((r) => r.length), 1);
      const pad = (cells: string[]): string[] => [...cells, ...Array<string>(width - cells.length).fill('')];
      const header = p.header ? pad(p.header.map((c) => md(c.text))) : Array<string>(width).fill(' ');
      return [
        `[${note.n}] ${noteKind(note)}, ${from}${p.header ? '' : ' (no header row found)'}${more}:`,
        '',
        ...(p.leadIn ? [`> ${md(p.leadIn.text)}`, ''] : []),
        row(header),
        row(Array<string>(width).fill('---')),
        ...p.rows.map((r) => row(pad(r.map((c) => md(c.text))))),
        '',
      ];
    }
  }
}

/**
 * Renders the briefing as Markdown (CommonMark + GFM tables).
 *
 * The figure is not embedded: the Markdown names what the HTML figure draws, column by column. An SVG in a
 * `data:` URI image would be tens of KB of base64, unreadable and undiffable in the plain text that is the point of
 * a Markdown file, and GitHub, GitLab and most sanitising renderers drop `data:` images anyway.
 *
 * Citations "[n]" are never followed by "(" or ":" and no "[n]: " definitions exist, so Markdown renders them
 * literally rather than as links; a note starts with its own "[n]".
 */
export function renderBriefingMarkdown(
  graph: Graph,
  meta: BriefingMeta,
  sources: readonly SourceDoc[] = [],
): string {
  const m = buildBriefing(graph, meta, sources);
  const figure = renderFigure(graph);
  const out: string[] = [];
  out.push(`# ${md(meta.title)}`, '');
  out.push(
    `Generated ${formatTime(meta.generatedAt)} · ${m.nodes.length} nodes, ${m.edges.length} relationships · ${m.notes.length} notes from ${m.sources.length} ${m.sources.length === 1 ? 'source' : 'sources'}`,
    '',
  );
  out.push('## Summary', '', md(m.summary), '');

  out.push('## Figure', '');
  out.push(
    `The figure is drawn in the HTML version of this briefing: ${figure.rest ? `${figure.layout.nodes.length} of the ${m.nodes.length}` : `all ${m.nodes.length}`} nodes, in columns.`,
    '',
  );
  for (const heading of figure.layout.headings) {
    const names = figure.layout.nodes
      .filter((n) => n.x === heading.x)
      .sort((a, b) => a.y - b.y)
      .map((n) => md(n.node.name));
    out.push(`- **${md(heading.text)}:** ${names.join(' · ')}`);
  }
  out.push('', ...(figure.rest ? [`${md(figure.rest)}; the annex lists them.`, ''] : []));

  out.push('## Findings', '');
  if (!m.groups.length) out.push('No relationships in this selection.', '');
  for (const g of m.groups) {
    out.push(`### ${md(g.heading)}`, '');
    for (const s of g.statements) out.push(...statementLines(s));
    out.push('');
  }

  out.push('## Annex: the selection', '');
  for (const t of m.tables) {
    out.push(`### ${t.heading}`, '');
    if (!t.rows.length) {
      out.push('None in this selection.', '');
      continue;
    }
    out.push('| Name | Kind | Description |', '| --- | --- | --- |');
    for (const r of t.rows) out.push(`| ${md(r.name)} | ${md(r.kind)} | ${md(r.description)} |`);
    out.push('');
  }

  out.push('## Notes', '');
  if (!m.notes.length) out.push('None cited.', '');
  for (const n of m.notes) out.push(...noteLines(n));

  out.push('## Sources', '');
  if (!m.sources.length) out.push('None cited.', '');
  for (const s of m.sources)
    out.push(
      `- **${s.key}.** *${md(s.title)}*${s.publisher ? `, ${md(s.publisher)}` : ''}, ${md(sourceDate(s.date))}.`,
    );
  out.push('');
  out.push('## About this briefing', '');
  out.push(
    `Scope: ${md(meta.scope)}. Generated ${formatTime(meta.generatedAt)}; every note quotes its source verbatim.`,
    '',
  );
  return out.join('\n');
}
