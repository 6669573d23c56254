// The briefing as one self-contained HTML file: inline CSS, the figure as inline SVG, no scripts, no URLs.
import type { Graph } from '../../../../contract/index.js';
import {
  buildBriefing,
  formatTime,
  type BriefingMeta,
  type Citation,
  type Statement,
  curatorNote,
} from './briefing-model.js';
import { escapeXml as h } from './escape.js';
import { renderFigureSvg } from './figure-svg.js';

// The page is a downloaded document, not the app: inline CSS is fine; its CSP forbids every fetch.
const CSS = `
body{font-family:Georgia,"Times New Roman",serif;color:#1d1d1d;margin:0;background:#fff}
main{max-width:60rem;margin:0 auto;padding:1.5rem}
h1{font-size:1.7rem;margin:0 0 .4rem}h2{border-bottom:1px solid #ccc;padding-bottom:.2rem;margin-top:2rem}
.meta{color:#555;font-family:Helvetica,Arial,sans-serif;font-size:.9rem}
figure{margin:0;overflow-x:auto}figure svg{max-width:100%;height:auto}
figcaption{font-size:.85rem;color:#555}
table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{border:1px solid #ddd;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f3f3f3}
.statements li{margin:.3rem 0}.cite{font-size:.8em;text-decoration:none}
.dispute{display:block;margin:.2rem 0 .2rem 1rem;padding:.2rem .5rem;border-left:3px solid #c0392b;background:#fdf0ef}
.confidence{color:#7a5b00;font-style:italic}
.sources{list-style:none;padding-left:0}.sources li{margin:.35rem 0}.sources q{quotes:none}
@media print{main{max-width:none}a{color:inherit}}
`;

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

const cites = (ns: number[]): string =>
  ns.map((n) => `<a class="cite" href="#source-${n}">[${n}]</a>`).join('');

function statementItem(s: Statement): string {
  const conf = s.confidence ? ` <span class="confidence">(${h(s.confidence)})</span>` : '';
  const refs = s.citations.length ? ` ${cites(s.citations)}` : ' <em>(no source recorded)</em>';
  let body = `${h(s.claim)}${conf}.${refs}`;
  if (s.dispute) {
    body += `<span class="dispute"><strong>Disputed:</strong> ${h(s.dispute.note)}`;
    for (const c of s.dispute.conflicts) body += ` Conflicts with: ${h(c.claim)}. ${cites(c.citations)}`;
    body += '</span>';
  }
  return `<li data-edge-id="${h(s.edge.id)}"${s.dispute ? ' class="disputed"' : ''}>${body}</li>`;
}

function sourceItem(c: Citation): string {
  const title = c.sourceTitle ?? c.sourceId;
  const head = `[${c.n}] `;
  const body =
    c.quote !== null
      ? `${title ? `<cite>${h(title)}</cite>` : 'Unknown source'}: <q>“${h(c.quote)}”</q>`
      : `${title ? `<cite>${h(title)}</cite>: ` : ''}Curator-asserted: ${h(curatorNote(c.note))}`;
  return `<li id="source-${c.n}">${head}${body}</li>`;
}

/**
 * Renders the briefing as a single HTML5 file: title, generation time, scope, the figure as inline SVG
 * (renderFigureSvg), tables of actors, forums, agreements, threats (and technologies), one sentence
 * per relationship with citation links, and the numbered Sources. Every string is escaped; the
 * only links are in-page fragments; a Content-Security-Policy meta forbids any network fetch.
 */
export function renderBriefingHtml(graph: Graph, meta: BriefingMeta): string {
  const m = buildBriefing(graph, meta);
  const out: string[] = [];
  out.push('<!DOCTYPE html>', '<html lang="en">', '<head>', '<meta charset="utf-8">');
  out.push(`<meta http-equiv="Content-Security-Policy" content="${h(CSP)}">`);
  out.push('<meta name="viewport" content="width=device-width, initial-scale=1">');
  out.push(`<meta name="generator" content="security-cooperation-graph briefing">`);
  out.push(`<title>${h(meta.title)}</title>`, `<style>${CSS}</style>`, '</head>', '<body>', '<main>');
  out.push(`<h1>${h(meta.title)}</h1>`);
  out.push(
    `<p class="meta">Generated <time datetime="${h(meta.generatedAt.toISOString())}">${h(formatTime(meta.generatedAt))}</time>` +
      ` · Scope: <span class="scope">${h(meta.scope)}</span>` +
      ` · ${m.nodes.length} nodes, ${m.edgeCount} relationships, ${m.sources.length} cited passages</p>`,
  );

  out.push('<section id="figure"><h2>Figure</h2><figure>');
  out.push(renderFigureSvg(graph));
  out.push(
    `<figcaption>The selection: ${m.nodes.length} nodes and ${m.edgeCount} relationships; shapes and colours show the kind of node, dashed red lines disputed claims.</figcaption></figure></section>`,
  );

  for (const t of m.tables) {
    out.push(`<section id="${h(t.key)}"><h2>${h(t.heading)}</h2>`);
    if (!t.rows.length) {
      out.push('<p>None in this selection.</p></section>');
      continue;
    }
    out.push(
      '<table><thead><tr><th scope="col">Name</th><th scope="col">Kind</th><th scope="col">Description</th></tr></thead><tbody>',
    );
    for (const r of t.rows)
      out.push(
        `<tr data-id="${h(r.id)}"><td>${h(r.name)}</td><td>${h(r.kind)}</td><td>${h(r.description)}</td></tr>`,
      );
    out.push('</tbody></table></section>');
  }

  out.push('<section id="relationships"><h2>Relationships</h2>');
  if (!m.groups.length) out.push('<p>None in this selection.</p>');
  for (const g of m.groups) {
    out.push(`<h3>${h(g.heading)}</h3>`, '<ul class="statements">');
    for (const s of g.statements) out.push(statementItem(s));
    out.push('</ul>');
  }
  out.push('</section>');

  out.push('<section id="sources"><h2>Sources</h2>');
  out.push(m.sources.length ? '<ol class="sources">' : '<p>None cited.</p>');
  for (const c of m.sources) out.push(sourceItem(c));
  if (m.sources.length) out.push('</ol>');
  out.push('</section>', '</main>', '</body>', '</html>', '');
  return out.join('\n');
}
