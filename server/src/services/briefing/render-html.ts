// The briefing as one self-contained HTML file: inline CSS, the figure as inline SVG, no scripts, no URLs.
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
import { escapeXml as h } from './escape.js';
import { renderFigure } from './figure-svg.js';
import type { Span } from './source-layout.js';
import { listsObjects, moreText, noteKind, sameNotes, sourceName, statementHead } from './notes-text.js';
import { joinWords } from './phrases.js';

// The page is a downloaded document, not the app: inline CSS is fine; its CSP forbids every fetch.
const CSS = `
body{font-family:Georgia,"Times New Roman",serif;color:#1d1d1d;margin:0;background:#fff;line-height:1.45}
main{max-width:66rem;margin:0 auto;padding:1.5rem 2rem}
.prose{max-width:46rem}
h1{font-size:1.8rem;margin:0 0 .3rem}h2{border-bottom:1px solid #ccc;padding-bottom:.2rem;margin-top:2rem}
h3{margin:1.2rem 0 .4rem;font-size:1.05rem}
.meta,.colophon{color:#555;font-family:Helvetica,Arial,sans-serif;font-size:.85rem}
.summary{font-size:1.08rem}
figure{margin:0;overflow-x:auto}figure svg{max-width:100%;height:auto;display:block}
figcaption{font-size:.85rem;color:#555;margin-top:.3rem}
table{border-collapse:collapse;font-size:.9rem}th,td{border:1px solid #ddd;padding:.25rem .5rem;text-align:left;vertical-align:top}
th{background:#f3f3f3}.annex table{width:100%}
.statements{padding-left:1.2rem}.statements>li{margin:.35rem 0}.statements ul{margin:.2rem 0}
sup.cite{font-size:.72em;line-height:0}sup.cite a{text-decoration:none;color:#1f4f99}
.dispute{display:block;margin:.2rem 0 .2rem 1rem;padding:.2rem .5rem;border-left:3px solid #c2410c;background:#fdf0ec}
.confidence{color:#7a5b00;font-style:italic}
.notes{padding-left:2.4rem;font-size:.92rem}.notes>li{margin:.5rem 0}.notes q{quotes:"“" "”"}
.note-kind,.from{color:#555;font-family:Helvetica,Arial,sans-serif;font-size:.8rem}
.evidence-block{margin:.25rem 0 .25rem 0;padding-left:.7rem;border-left:3px solid #ddd}
.evidence-block ul{margin:.2rem 0}.evidence-block p{margin:.2rem 0}
.sources{padding-left:2.4rem}.sources li{margin:.3rem 0}
@media print{main{max-width:none}a{color:inherit}}
`;

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

const cites = (ns: number[]): string =>
  ns.length
    ? `<sup class="cite">${ns.map((n) => `<a href="#note-${n}">[${n}]</a>`).join('')}</sup>`
    : ' <em>(no source recorded)</em>';

/** A verbatim piece of a source, marked so readers (and tests) can tell quoted words from ours. */
const verbatim = (s: Span, tag = 'q'): string => `<${tag} class="verbatim">${h(s.text)}</${tag}>`;

function statementItem(s: Statement): string {
  const conf = s.confidence ? ` <span class="confidence">(${h(s.confidence)})</span>` : '';
  const head = h(statementHead(s));
  let body: string;
  if (listsObjects(s)) {
    const items = s.objects
      .map((o) => `<li data-edge-ids="${h(o.edgeIds.join(' '))}">${h(o.phrase)}${cites(o.notes)}</li>`)
      .join('');
    body = `${head} ${h(s.objectsNoun)}${conf}:<ul>${items}</ul>`;
  } else if (s.objects.length > 1 && !sameNotes(s)) {
    body = `${head} ${joinWords(s.objects.map((o) => `${h(o.phrase)}${cites(o.notes)}`))}${conf}.`;
  } else {
    body = `${head} ${joinWords(s.objects.map((o) => h(o.phrase)))}${conf}.${cites(s.notes)}`;
  }
  if (s.dispute) {
    body += `<span class="dispute"><strong>Disputed:</strong> ${h(s.dispute.note)}`;
    for (const c of s.dispute.conflicts) body += ` Conflicts with: ${h(c.claim)}.${cites(c.notes)}`;
    body += '</span>';
  }
  return `<li class="statement${s.dispute ? ' disputed' : ''}" data-edge-ids="${h(s.edgeIds.join(' '))}">${body}</li>`;
}

function noteItem(note: Footnote): string {
  const p = note.passage;
  const from = note.source
    ? `<a class="from" href="#source-${note.source.key}">${h(sourceName(note))}</a>`
    : `<span class="from">${h(sourceName(note))}</span>`;
  const kind = `<span class="note-kind">${h(noteKind(note))}</span>`;
  const more = moreText(note) ? ` <span class="note-kind">(${h(moreText(note))})</span>` : '';
  let body: string;
  switch (p.kind) {
    case 'sentence':
      body = `${verbatim(p.sentence)} <span class="from">— ${from}</span>`;
      break;
    case 'note':
      body = `${kind}: ${h(curatorNote(p.note))}${note.source ? ` <span class="from">— ${from}</span>` : ''}`;
      break;
    case 'list': {
      const items = p.items.map((i) => verbatim(i, 'li')).join('');
      body =
        `${kind}, ${from}${more}:<div class="evidence-block">` +
        `${p.leadIn ? `<p class="lead-in">${verbatim(p.leadIn)}</p>` : ''}<ul class="items">${items}</ul></div>`;
      break;
    }
    case 'table': {
      const head = p.header
        ? `<thead><tr>${p.header.map((c) => `<th scope="col" class="verbatim">${h(c.text)}</th>`).join('')}</tr></thead>`
        : '';
      const rows = p.rows.map((r) => `<tr>${r.map((c) => verbatim(c, 'td')).join('')}</tr>`).join('');
      body =
        `${kind}, ${from}${p.header ? '' : ' <span class="note-kind">(no header row found)</span>'}${more}:<div class="evidence-block">` +
        `${p.leadIn ? `<p class="lead-in">${verbatim(p.leadIn)}</p>` : ''}<table class="evidence">${head}<tbody>${rows}</tbody></table></div>`;
      break;
    }
  }
  return `<li id="note-${note.n}" value="${note.n}" data-kind="${p.kind}">${body}</li>`;
}

/**
 * Renders the briefing as a single HTML5 file: title, a summary paragraph, the figure (inline SVG), the findings as
 * cited sentences, annex tables of the selection, numbered notes quoting whole sentences (table rows as tables,
 * list items under their lead-in), lettered sources with titles and dates, and a colophon with the scope. Every
 * string is escaped; the only links are in-page fragments; a Content-Security-Policy meta forbids any fetch.
 */
export function renderBriefingHtml(
  graph: Graph,
  meta: BriefingMeta,
  sources: readonly SourceDoc[] = [],
): string {
  const m = buildBriefing(graph, meta, sources);
  const figure = renderFigure(graph);
  const out: string[] = [];
  out.push('<!DOCTYPE html>', '<html lang="en">', '<head>', '<meta charset="utf-8">');
  out.push(`<meta http-equiv="Content-Security-Policy" content="${h(CSP)}">`);
  out.push('<meta name="viewport" content="width=device-width, initial-scale=1">');
  out.push(`<meta name="generator" content="security-cooperation-graph briefing">`);
  out.push(`<title>${h(meta.title)}</title>`, `<style>${CSS}</style>`, '</head>', '<body>', '<main>');
  out.push(`<header><h1>${h(meta.title)}</h1>`);
  out.push(
    `<p class="meta">Generated <time datetime="${h(meta.generatedAt.toISOString())}">${h(formatTime(meta.generatedAt))}</time>` +
      ` · ${m.nodes.length} nodes, ${m.edges.length} relationships · ${m.notes.length} notes from ${m.sources.length} ${m.sources.length === 1 ? 'source' : 'sources'}</p></header>`,
  );

  out.push(
    `<section id="summary" class="prose"><h2>Summary</h2><p class="summary">${h(m.summary)}</p></section>`,
  );

  out.push('<section id="figure"><h2>Figure</h2><figure>');
  out.push(figure.svg);
  out.push(
    `<figcaption>Who (left) works through which forums and agreements (middle) on which threats and technologies (right): ${figure.rest ? `${figure.layout.nodes.length} of ${m.nodes.length}` : `all ${m.nodes.length}`} nodes, in the app’s colours and shapes; dashed lines are disputed claims.${figure.rest ? ` ${h(figure.rest)}, listed in the annex.` : ''}</figcaption></figure></section>`,
  );

  out.push('<section id="findings" class="prose"><h2>Findings</h2>');
  if (!m.groups.length) out.push('<p>No relationships in this selection.</p>');
  for (const g of m.groups) {
    out.push(`<h3>${h(g.heading)}</h3>`, '<ul class="statements">');
    for (const s of g.statements) out.push(statementItem(s));
    out.push('</ul>');
  }
  out.push('</section>');

  out.push('<section id="annex" class="annex"><h2>Annex: the selection</h2>');
  for (const t of m.tables) {
    out.push(`<section id="${h(t.key)}"><h3>${h(t.heading)}</h3>`);
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
  out.push('</section>');

  out.push('<section id="notes"><h2>Notes</h2>');
  out.push(m.notes.length ? '<ol class="notes">' : '<p>None cited.</p>');
  for (const n of m.notes) out.push(noteItem(n));
  if (m.notes.length) out.push('</ol>');
  out.push('</section>');

  out.push('<section id="sources"><h2>Sources</h2>');
  out.push(m.sources.length ? '<ol class="sources" type="A">' : '<p>None cited.</p>');
  for (const s of m.sources)
    out.push(
      `<li id="source-${s.key}" data-key="${s.key}"><cite>${h(s.title)}</cite>${s.publisher ? `, ${h(s.publisher)}` : ''}, <span class="date">${h(sourceDate(s.date))}</span>.</li>`,
    );
  if (m.sources.length) out.push('</ol>');
  out.push('</section>');

  out.push(
    `<footer class="colophon"><p>Scope of this briefing: <span class="scope">${h(meta.scope)}</span>. Generated ${h(formatTime(meta.generatedAt))} by the security-cooperation graph explorer; every note quotes its source verbatim.</p></footer>`,
  );
  out.push('</main>', '</body>', '</html>', '');
  return out.join('\n');
}
