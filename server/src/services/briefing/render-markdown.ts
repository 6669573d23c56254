// The briefing as Markdown: title, time, scope, figure note, node tables, cited sentences, sources.
import type { Graph } from '../../../../contract/index.js';
import {
  buildBriefing,
  formatTime,
  type BriefingMeta,
  type Citation,
  type Statement,
  curatorNote,
} from './briefing-model.js';
import { escapeMarkdown as md } from './escape.js';
import { displayName } from '../../../../model/index.js';
import { nodeKind } from './phrases.js';

const cites = (ns: number[]): string => ns.map((n) => `[${n}]`).join('');

function statementLine(s: Statement): string {
  const conf = s.confidence ? ` (${s.confidence})` : '';
  const refs = s.citations.length ? ` ${cites(s.citations)}` : ' (no source recorded)';
  let line = `- ${md(s.claim)}${md(conf)}.${refs}`;
  if (s.dispute) {
    line += ` **Disputed:** ${md(s.dispute.note)}`;
    for (const c of s.dispute.conflicts) line += ` Conflicts with: ${md(c.claim)}. ${cites(c.citations)}`;
  }
  return line;
}

/** "[3] *Title*: “quote”" or, for curator-asserted evidence, "[3] Curator-asserted: note". */
function sourceLine(c: Citation): string {
  const title = c.sourceTitle ?? c.sourceId;
  if (c.quote !== null) return `- [${c.n}] ${title ? `*${md(title)}*` : 'Unknown source'}: “${md(c.quote)}”`;
  return `- [${c.n}] ${title ? `*${md(title)}*: ` : ''}Curator-asserted: ${md(curatorNote(c.note))}`;
}

/**
 * Renders the briefing as Markdown (CommonMark + GFM tables).
 *
 * The figure is not embedded: the Markdown says "see the HTML version" and lists the nodes drawn.
 * An SVG in a `data:` URI image would be ~100 KB of base64 for the whole seed, unreadable and
 * undiffable in the plain text that is the point of a Markdown file, and GitHub, GitLab and most
 * sanitising renderers (and many slide/doc importers) drop `data:` images anyway; the HTML file of
 * the same export carries the real vector figure.
 *
 * Citations "[n]" are never followed by "(" or ":" and no "[n]: " definitions exist, so Markdown
 * renders them literally rather than as reference links.
 */
export function renderBriefingMarkdown(graph: Graph, meta: BriefingMeta): string {
  const m = buildBriefing(graph, meta);
  const out: string[] = [];
  out.push(`# ${md(meta.title)}`, '');
  out.push(`- **Generated:** ${formatTime(meta.generatedAt)}`);
  out.push(`- **Scope:** ${md(meta.scope)}`);
  out.push(
    `- **Contents:** ${m.nodes.length} nodes, ${m.edgeCount} relationships, ${m.sources.length} cited passages`,
    '',
  );

  out.push('## Figure', '');
  out.push(
    `Figure: see the HTML version of this briefing. It draws these ${m.nodes.length} nodes and the ${m.edgeCount} relationships listed below:`,
    '',
  );
  out.push(m.nodes.map((n) => `${md(n.name)} (${displayName(nodeKind(n))})`).join(' · ') || '(none)', '');

  for (const t of m.tables) {
    out.push(`## ${t.heading}`, '');
    if (!t.rows.length) {
      out.push('None in this selection.', '');
      continue;
    }
    out.push('| Name | Kind | Description |', '| --- | --- | --- |');
    for (const r of t.rows) out.push(`| ${md(r.name)} | ${md(r.kind)} | ${md(r.description)} |`);
    out.push('');
  }

  out.push('## Relationships', '');
  if (!m.groups.length) out.push('None in this selection.', '');
  for (const g of m.groups) {
    out.push(`### ${md(g.heading)}`, '');
    for (const s of g.statements) out.push(statementLine(s));
    out.push('');
  }

  out.push('## Sources', '');
  if (!m.sources.length) out.push('None cited.', '');
  for (const c of m.sources) out.push(sourceLine(c));
  out.push('');
  return out.join('\n');
}
