// Briefing export against the real seeded graph: prose without ids or property dumps, notes that quote whole
// sentences verbatim, table rows as tables, lead-ins with their items, every relationship cited, a clean figure.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOMParser, type Element as XmlElement } from '@xmldom/xmldom';
import type { Evidence, Graph, GraphNode } from '../../contract/index.js';
import { subgraphByIds } from '../../server/src/store/workspace-store.js';
import type { GraphStore } from '../../server/src/store/neo4j-store.js';
import { readSourceTexts } from '../../server/src/store/source-texts.js';
import {
  renderBriefingHtml,
  renderBriefingMarkdown,
  renderFigureSvg,
  type BriefingMeta,
  type SourceDoc,
} from '../../server/src/services/briefing/index.js';
import { FIGURE_SCALE } from '../../server/src/services/briefing/figure-layout.js';
import { textWidth } from '../../server/src/services/briefing/text-metrics.js';
import { displayKindOf, EDGE_STYLE, KIND_STYLES, KINDS, NODE_KINDS, shapePath } from '../../model/index.js';
import { readSeed, readSources } from '../../seed/read-seed.js';
import { mdNotes, mdSection, mdSourceList, numbersIn, parseBriefingHtml } from '../setup/briefing-readers.js';
import { testStore } from '../setup/test-app.js';

const seed = readSeed();
const meta = (scope: string): BriefingMeta => ({
  title: 'Briefing & test <pack>',
  generatedAt: new Date('2026-11-23T13:00:00Z'),
  scope,
});

/** Ids of the seed's nodes adjacent to `id` (and `id` itself), from the seed files, not hard-coded. */
function around(id: string): string[] {
  const ids = new Set([id]);
  for (const r of seed.relationships) {
    if (r.from === id) ids.add(r.to);
    if (r.to === id) ids.add(r.from);
  }
  return [...ids];
}

/** A business key as the model writes them ("country:fr", "source:000-…"): none may reach the prose. */
const ID_PATTERN = new RegExp(
  `\\b(${[...new Set(NODE_KINDS.map((k) => KINDS[k].idPrefix))].join('|')}):[a-z0-9]`,
  'i',
);
/** Property names the findings' phrases turn into words; any other property named in the prose is a dump. */
const PHRASED = new Set(['role', 'title', 'status', 'city', 'confidence', 'disputed', 'disputeNote']);
const label = (key: string): string =>
  key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/_/g, ' ')
    .toLowerCase();
const squash = (s: string): string =>
  s
    .replace(/(^|\n)[ \t]*[-*•][ \t]+/g, '$1')
    .replace(/[\s|]+/g, ' ')
    .trim();

/** The line of `text` around offset `at`. */
function lineAround(text: string, at: number): { start: number; line: string } {
  const start = text.lastIndexOf('\n', at - 1) + 1;
  const end = text.indexOf('\n', at);
  return { start, line: text.slice(start, end < 0 ? undefined : end) };
}
const cellsOf = (line: string): string[] =>
  line
    .split(/\||\t/)
    .map((c) => c.trim())
    .filter(Boolean);
/** The header cells of the table holding the row at `at`: the block's first line when a separator follows it. */
function tableHeader(text: string, at: number): string[] | null {
  const lines = text.split('\n');
  let i = text.slice(0, at).split('\n').length - 1;
  while (i > 0 && /\||\t/.test(lines[i - 1]!)) i--;
  return /^[\s|:-]*-[\s|:-]*$/.test(lines[i + 1] ?? '') ? cellsOf(lines[i]!) : null;
}

/** Where a stored quote is in its source: its offsets when they hold it, else its first occurrence. */
function located(text: string, e: Evidence): number {
  return e.start !== null && text.slice(e.start, e.end ?? e.start) === e.quote
    ? e.start
    : text.indexOf(e.quote!);
}

const toDocs = (): SourceDoc[] =>
  readSources().map((s) => ({ id: s.id, title: s.title, text: s.text, date: null, publisher: null }));

/** The checks every briefing must pass, whatever the subgraph. */
function checkBriefing(graph: Graph, docs: SourceDoc[], scope: string) {
  const md = renderBriefingMarkdown(graph, meta(scope), docs);
  const html = renderBriefingHtml(graph, meta(scope), docs);
  expect(graph.nodes.length).toBeGreaterThan(0);
  const textOfSource = new Map(docs.map((d) => [d.id, d.text!]));
  const page = parseBriefingHtml(html);

  // Header, summary paragraph, sections in order.
  expect(md.split('\n')[0]).toBe('# Briefing \\& test \\<pack\\>');
  expect(page.doc.getElementsByTagName('title')[0]?.textContent).toBe('Briefing & test <pack>');
  const sections = ['Summary', 'Figure', 'Findings', 'Annex: the selection', 'Notes', 'Sources'];
  const at = sections.map((s) => md.indexOf(`\n## ${s}\n`));
  expect(at.every((x) => x > 0)).toBe(true);
  expect([...at].sort((a, b) => a - b)).toEqual(at);
  const summary = page.byClass('p', 'summary')[0]!.textContent!;
  expect(mdSection(md, 'Summary').filter(Boolean)).toHaveLength(1);

  // The prose: everything a reader sees but the colophon (which repeats the user's own query).
  const body = page.doc.getElementsByTagName('main')[0]!;
  const footer = page.byClass('footer', 'colophon')[0]!;
  const prose = body.textContent!.replace(footer.textContent!, '');
  const mdProse = md.slice(0, md.indexOf('\n## About this briefing'));
  for (const text of [prose, mdProse]) {
    expect(text).not.toMatch(ID_PATTERN);
    for (const n of graph.nodes) expect(text.includes(n.id), n.id).toBe(false);
  }
  // No property dumps: no "(objective: …", "; source ids: …" in the summary and findings.
  const findings = page.byId('findings')!.textContent!;
  const keys = new Set(graph.edges.flatMap((e) => Object.keys(e.properties)).filter((k) => !PHRASED.has(k)));
  for (const k of [...keys, 'sourceIds', 'note']) {
    for (const text of [summary, findings, mdSection(md, 'Findings').join('\n')])
      expect(text, `property ${k} in the prose`).not.toMatch(new RegExp(`[(;] ?${label(k)}: `));
  }

  // Sources: lettered, titled, dated ("undated" when the source gives no date).
  const sources = mdSourceList(md);
  const titleOf = new Map(sources.map((s) => [s.key, s.title]));
  const textOfKey = (key: string | null): string | undefined =>
    key === null ? undefined : (docs.find((d) => d.title === titleOf.get(key))?.text ?? undefined);
  for (const s of sources) {
    expect(
      docs.some((d) => d.title === s.title),
      s.title,
    ).toBe(true);
    expect(s.rest).toMatch(/undated|\d{4}/);
  }

  // Notes: numbered 1..N; every quoted piece verbatim in its source, in Markdown and HTML alike.
  const notes = mdNotes(md);
  expect(notes.map((n) => n.n)).toEqual(notes.map((_, i) => i + 1));
  for (const n of notes) {
    if (n.kind === 'note') continue;
    const text = textOfKey(n.source);
    expect(text, `note ${n.n} names a known source`).toBeDefined();
    expect(n.pieces.length, `note ${n.n} quotes something`).toBeGreaterThan(0);
    for (const p of n.pieces) expect(text!.includes(p), `note ${n.n} quotes verbatim: ${p}`).toBe(true);
  }
  const htmlNotes = page.byClass('ol', 'notes')[0]?.getElementsByTagName('li') ?? [];
  const noteItems = new Map(
    Array.from(htmlNotes as unknown as ArrayLike<XmlElement>)
      .filter((li) => (li.getAttribute('id') ?? '').startsWith('note-'))
      .map((li) => [Number(li.getAttribute('id')!.slice(5)), li]),
  );
  expect(noteItems.size).toBe(notes.length);
  const htmlPieces = (n: number): string[] => {
    const li = noteItems.get(n)!;
    return ['q', 'li', 'td', 'th'].flatMap((t) => page.byClass(t, 'verbatim', li).map((e) => e.textContent!));
  };
  for (const [n, li] of noteItems) {
    if (li.getAttribute('data-kind') === 'note') continue;
    const key =
      /#source-([A-Z]+)/.exec(page.byClass('a', 'from', li)[0]?.getAttribute('href') ?? '')?.[1] ?? null;
    const text = textOfKey(key);
    for (const p of htmlPieces(n)) expect(text?.includes(p), `HTML note ${n} verbatim: ${p}`).toBe(true);
  }

  // Findings: each relationship in exactly one statement, its evidence shown by a note the statement cites.
  const statements = page.byClass('li', 'statement');
  const statementOf = new Map<string, XmlElement>();
  for (const li of statements)
    for (const id of li.getAttribute('data-edge-ids')!.split(' ')) {
      expect(statementOf.has(id), `${id} in one statement`).toBe(false);
      statementOf.set(id, li);
    }
  expect([...statementOf.keys()].sort()).toEqual(graph.edges.map((e) => e.id).sort());
  const cited = (li: XmlElement): number[] =>
    Array.from(li.getElementsByTagName('a') as unknown as ArrayLike<XmlElement>)
      .map((a) => /^#note-(\d+)$/.exec(a.getAttribute('href') ?? '')?.[1])
      .filter((x): x is string => !!x)
      .map(Number);
  let tableRows = 0;
  let leadIns = 0;
  let widened = 0;
  for (const e of graph.edges) {
    const own = cited(statementOf.get(e.id)!);
    for (const ev of e.evidence ?? []) {
      if (ev.quote === null) continue;
      const src = textOfSource.get(ev.sourceId!)!;
      const showing = own.filter((n) => squash(htmlPieces(n).join(' ')).includes(squash(ev.quote!)));
      expect(showing.length, `${e.id}: a cited note shows “${ev.quote}”`).toBeGreaterThan(0);
      const start = located(src, ev);
      const { line } = lineAround(src, start);
      if (/\||\t/.test(line)) {
        // A table row: shown as a table with that row's cells (and its header when the source has one).
        tableRows++;
        const li = noteItems.get(showing[0]!)!;
        expect(li.getAttribute('data-kind'), `${e.id}: table row as a table`).toBe('table');
        expect(li.textContent).toMatch(/^Table row/);
        const cells = ['td', 'th'].flatMap((t) => page.byClass(t, 'verbatim', li).map((c) => c.textContent));
        const quoted = src.slice(start, start + ev.quote.length).split('\n');
        for (const l of quoted.filter((x) => /\||\t/.test(x) && !/^[\s|:-]*$/.test(x)))
          for (const c of cellsOf(l)) expect(cells, `${e.id}: cell ${c}`).toContain(c);
        const header = tableHeader(src, start);
        if (header) expect(page.byClass('th', 'verbatim', li).map((th) => th.textContent)).toEqual(header);
        expect(page.byClass('q', 'verbatim', li).some((q) => q.textContent!.includes(line.trim()))).toBe(
          false,
        );
      } else if (ev.quote.trimEnd().endsWith(':') && line.trimEnd().endsWith(':')) {
        // A lead-in: shown with what it introduces.
        const li = noteItems.get(showing[0]!)!;
        if (['list', 'table'].includes(li.getAttribute('data-kind')!)) {
          leadIns++;
          const items = li.getElementsByTagName(li.getAttribute('data-kind') === 'list' ? 'li' : 'td').length;
          expect(items, `${e.id}: the lead-in's items`).toBeGreaterThan(0);
        }
      } else if (/^\s*([-*•–—]|\d{1,2}[.)])\s/.test(line)) {
        // A list item: shown as an item of a list (under its lead-in when the source has one).
        const li = noteItems.get(showing[0]!)!;
        expect(li.getAttribute('data-kind'), `${e.id}: list item as a list`).toBe('list');
        const item = line.replace(/^\s*([-*•–—]|\d{1,2}[.)])\s+/, '').trim();
        expect(page.byClass('li', 'verbatim', li).map((x) => x.textContent)).toContain(item);
      } else {
        // A sentence: whole, from a sentence start (text start, line start or after . ! ? :) to a sentence end.
        const sentences = showing
          .map((n) => noteItems.get(n)!)
          .filter((li) => li.getAttribute('data-kind') === 'sentence');
        expect(sentences.length, `${e.id}: “${ev.quote}” shown in a sentence`).toBeGreaterThan(0);
        for (const li of sentences) {
          const q = page.byClass('q', 'verbatim', li)[0]!.textContent!;
          const from = src.lastIndexOf(q, start);
          expect(from, q).toBeGreaterThanOrEqual(0);
          expect(src.slice(0, from), `starts a sentence: ${q}`).toMatch(/(^|[.!?:]["”’)]?\s*|\n\s*)$/);
          expect(src.slice(from + q.length), `ends a sentence: ${q}`).toMatch(
            /^(\s*\n|\s*$|\s*[\p{Lu}“"(])/u,
          );
          if (q !== ev.quote) widened++;
        }
      }
    }
  }

  // Notes are numbered in the order a reader meets them.
  const seen: number[] = [];
  for (const n of numbersIn(mdSection(md, 'Findings').join('\n'))) if (!seen.includes(n)) seen.push(n);
  expect(seen).toEqual(notes.map((n) => n.n));

  // HTML: self-contained, no scripts, no external references.
  expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
  expect(html).not.toMatch(/<script|<link|<iframe|<object|<embed|@import|\son[a-z]+=/i);
  expect(html).not.toMatch(/\ssrc=/i);
  for (const m of html.matchAll(/href="([^"]*)"/g)) expect(m[1]!.startsWith('#'), m[1]).toBe(true);
  for (const m of html.matchAll(/url\(([^)]*)\)/g)) expect(m[1]!.startsWith('#'), m[1]).toBe(true);
  expect(html.replace(/xmlns="http:\/\/www\.w3\.org\/2000\/svg"/g, '')).not.toMatch(/https?:|\/\/[a-z]/i);

  checkFigure(/<svg[\s\S]*<\/svg>/.exec(html)![0], graph);
  return { md, html, page, notes, statementOf, cited, tableRows, leadIns, widened, summary };
}

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
  owner: string;
}
const overlap = (a: Box, b: Box): boolean =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/** The figure: at most 40 nodes, in the model's colours and shapes, full names, no two boxes overlapping. */
function checkFigure(svgText: string, graph: Graph): void {
  const svg = new DOMParser({
    onError: (level, msg) => {
      throw new Error(`${level}: ${msg}`);
    },
  }).parseFromString(svgText, 'image/svg+xml');
  expect(svgText).not.toMatch(/<script|\son[a-z]+=|href=/i);
  const groups = (cls: string) =>
    Array.from(svg.getElementsByTagName('g') as unknown as ArrayLike<XmlElement>).filter((g) =>
      (g.getAttribute('class') ?? '').split(' ').includes(cls),
    );
  const nodes = groups('node');
  expect(nodes.length).toBe(Math.min(40, graph.nodes.length));
  const rest = svg.getElementsByTagName('text');
  const restText = Array.from(rest as unknown as ArrayLike<XmlElement>)
    .filter((t) => t.getAttribute('class') === 'figure-rest')
    .map((t) => t.textContent)
    .join(' ');
  if (graph.nodes.length > 40) {
    const m = /^And (\d+) more, not drawn: (.*)\.$/.exec(restText);
    expect(m, restText).not.toBeNull();
    expect(Number(m![1])).toBe(graph.nodes.length - 40);
    expect(numbersOfWords(m![2]!)).toBe(graph.nodes.length - 40);
  } else expect(restText).toBe('');

  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const boxes: Box[] = [];
  for (const g of nodes) {
    const id = g.getAttribute('data-id')!;
    const node = byId.get(id)!;
    expect(node, id).toBeDefined();
    const kind = displayKindOf(node.labels);
    const shape = g.getElementsByTagName('path')[0]!;
    const style = KIND_STYLES[kind];
    expect(shape.getAttribute('fill')).toBe(style.colour);
    const size = style.size * FIGURE_SCALE;
    expect(shape.getAttribute('d')).toBe(shapePath(style.shape, size));
    const [, cx, cy] = /translate\(([-\d.]+),([-\d.]+)\)/.exec(shape.getAttribute('transform')!)!.map(Number);
    boxes.push({ x: cx! - size / 2, y: cy! - size / 2, w: size, h: size, owner: id });
    expect(g.getElementsByTagName('title')[0]!.textContent).toContain(node.name);
    // The label: the full name on one or two lines, an ellipsis only past two lines of some 40 characters.
    const text = g.getElementsByTagName('text')[0]!;
    const spans = Array.from(text.getElementsByTagName('tspan') as unknown as ArrayLike<XmlElement>);
    expect(spans.length).toBeGreaterThanOrEqual(1);
    expect(spans.length).toBeLessThanOrEqual(2);
    const shown = spans.map((s) => s.textContent!).join(' ');
    const name = node.name.trim().replace(/\s+/g, ' ');
    if (shown.endsWith('…')) {
      expect(name.startsWith(shown.slice(0, -1).trimEnd()), `${id}: ${shown}`).toBe(true);
      expect(shown.length).toBeGreaterThan(60);
    } else expect(shown).toBe(name);
    const fs = Number(text.getAttribute('font-size'));
    const anchor = text.getAttribute('text-anchor');
    for (const s of spans) {
      const w = textWidth(s.textContent!, fs);
      const x = Number(s.getAttribute('x'));
      const y = Number(s.getAttribute('y'));
      boxes.push({ x: anchor === 'end' ? x - w : x, y: y - fs * 0.8, w, h: fs, owner: id });
    }
  }
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++)
      if (boxes[i]!.owner !== boxes[j]!.owner)
        expect(overlap(boxes[i]!, boxes[j]!), `${boxes[i]!.owner} overlaps ${boxes[j]!.owner}`).toBe(false);

  // Relationships in the canvas's line colours, disputed ones dashed alike.
  for (const g of groups('edge')) {
    const path = g.getElementsByTagName('path')[0]!;
    const disputed = (g.getAttribute('class') ?? '').includes('disputed');
    expect(path.getAttribute('stroke')).toBe(disputed ? EDGE_STYLE.disputedColour : EDGE_STYLE.colour);
    if (disputed) expect(path.getAttribute('stroke-dasharray')).toBe(EDGE_STYLE.disputedDash.join(' '));
    expect(g.getElementsByTagName('title')[0]!.textContent).not.toMatch(ID_PATTERN);
  }
}

/** The sum of the counts in "30 agreements, 20 technologies and 9 threats". */
const numbersOfWords = (s: string): number =>
  [...s.matchAll(/(\d+) /g)].reduce((a, m) => a + Number(m[1]), 0);

describe('briefing export (Markdown and HTML)', () => {
  let store: GraphStore;
  let docs: SourceDoc[];
  beforeAll(async () => {
    store = await testStore();
    // The sources as the export reads them from the database, not from the seed files.
    docs = await readSourceTexts(
      store,
      readSources().map((s) => s.id),
    );
  });
  afterAll(async () => {
    await store?.close();
  });

  it('reads the quoted sources from the database with their texts', () => {
    expect(docs.map((d) => d.id).sort()).toEqual(
      toDocs()
        .map((d) => d.id)
        .sort(),
    );
    for (const d of docs) expect(d.text).toBe(toDocs().find((x) => x.id === d.id)!.text);
  });

  it('renders the whole seed graph: no ids or dumps, whole sentences, table rows as tables, a 40-node figure', async () => {
    const graph = await subgraphByIds(
      store,
      seed.nodes.map((n) => n.id),
    );
    expect(graph.nodes).toHaveLength(seed.nodes.length);
    expect(graph.edges).toHaveLength(seed.relationships.length);
    const { tableRows, leadIns, widened, summary, notes } = checkBriefing(
      graph,
      docs,
      'The whole seed graph',
    );
    // The seed cites table rows, lead-ins and parts of sentences: the checks above have something to check.
    expect(tableRows).toBeGreaterThan(10);
    expect(widened).toBeGreaterThan(10);
    expect(leadIns).toBeGreaterThan(5);
    expect(notes.filter((n) => n.kind === 'table').length).toBeGreaterThan(5);
    // The summary names the actor linked to most forums and agreements.
    const joiners = new Set(
      graph.nodes
        .filter((n) => n.labels.some((l) => ['Forum', 'Agreement', 'Event'].includes(l)))
        .map((n) => n.id),
    );
    const actors = graph.nodes.filter((n) => n.labels.includes('Actor'));
    const reach = (a: GraphNode): number =>
      new Set(
        graph.edges
          .filter(
            (e) =>
              (e.source === a.id && joiners.has(e.target)) || (e.target === a.id && joiners.has(e.source)),
          )
          .map((e) => (e.source === a.id ? e.target : e.source)),
      ).size;
    const top = [...actors].sort((a, b) => reach(b) - reach(a))[0]!;
    expect(summary).toContain(top.name);
    expect(summary).toMatch(/^This briefing covers \d+ actors?, \d+ forums? .*and \d+ threats?/);
  });

  it('renders a small subgraph around the United Kingdom, merging what several actors share', async () => {
    const graph = await subgraphByIds(store, around('country:uk'));
    expect(graph.edges.length).toBeGreaterThan(0);
    const { md, tableRows } = checkBriefing(graph, docs, 'Neighbourhood of the United Kingdom');
    expect(md).toMatch(/The United Kingdom /);
    expect(tableRows).toBeGreaterThan(0);
  });

  it('merges claims that several actors share into one sentence, each object with its own notes', async () => {
    const graph = await subgraphByIds(store, around('country:fr'));
    const { page, statementOf } = checkBriefing(graph, docs, 'Neighbourhood of France');
    // France and the United Kingdom are both party to the same agreements: one statement covers both countries.
    const party = graph.edges.filter((e) => e.type === 'PARTY_TO');
    const shared = party.filter((e) => party.some((o) => o.target === e.target && o.source !== e.source));
    expect(shared.length).toBeGreaterThan(1);
    for (const e of shared) {
      // Both countries' claims on one agreement share a statement that names both.
      const other = shared.find((o) => o.target === e.target && o.source !== e.source)!;
      expect(statementOf.get(e.id), e.id).toBe(statementOf.get(other.id));
      expect(statementOf.get(e.id)!.textContent).toContain('France and the United Kingdom are party to');
    }
    expect(page.byClass('li', 'statement').length).toBeLessThan(graph.edges.length / 2);
  });

  it('marks the disputed Mahmood/Cleverly claims and cites both sides', async () => {
    const disputed = seed.relationships.filter(
      (r) =>
        r.properties.disputed === true && (r.from === 'person:mahmood' || r.from === 'person:james-cleverly'),
    );
    expect(disputed.length).toBeGreaterThanOrEqual(2);
    const ids = [...new Set(disputed.flatMap((r) => [r.from, r.to]))];
    const graph = await subgraphByIds(store, ids);
    const { statementOf, cited } = checkBriefing(graph, docs, 'Disputed claims of source 001');
    const edges = graph.edges.filter((e) => e.properties.disputed === true);
    expect(edges).toHaveLength(disputed.length);
    for (const e of edges) {
      const li = statementOf.get(e.id)!;
      expect(li.getAttribute('data-edge-ids')).toBe(e.id);
      expect(li.getAttribute('class')).toContain('disputed');
      const subject = graph.nodes.find((n) => n.id === e.source)!.name;
      expect(li.textContent!.startsWith(subject)).toBe(true);
      expect(li.textContent).toContain(`Disputed: ${String(e.properties.disputeNote)}`);
      // Its counterpart: same type, same target, the other person; both sides' notes in the statement.
      const other = edges.find((o) => o.id !== e.id && o.type === e.type && o.target === e.target)!;
      expect(other).toBeDefined();
      const otherName = graph.nodes.find((n) => n.id === other.source)!.name;
      expect(li.textContent).toContain(`Conflicts with: ${otherName} `);
      expect(cited(li)).toEqual(expect.arrayContaining(cited(statementOf.get(other.id)!)));
    }
  });

  it('escapes hostile names and quotes in Markdown tables, HTML and the SVG', () => {
    const ev = [
      {
        sourceId: 's',
        sourceTitle: 'A <b>"title"</b> & co',
        quote: 'He said "x < y | z" & *left*',
        start: 0,
        end: 1,
      },
    ];
    const graph: Graph = {
      nodes: [
        {
          id: 'country:x',
          labels: ['Actor', 'Country'],
          name: 'A & B <C> "D" | E *F*',
          properties: { description: 'pipe | and\nnewline' },
          evidence: ev,
        },
        {
          id: 'forum:y',
          labels: ['Forum'],
          name: "O'Brien </svg><script>",
          properties: { kind: 'summit' },
          evidence: ev,
        },
      ],
      edges: [
        {
          id: 'country:x|PARTICIPATED_IN|forum:y',
          type: 'PARTICIPATED_IN',
          source: 'country:x',
          target: 'forum:y',
          properties: { role: 'host' },
          evidence: ev,
        },
      ],
    };
    // No source text: the note shows the stored quote as it is.
    const md = renderBriefingMarkdown(graph, meta('ids: a|b'));
    const row = mdSection(md, 'Annex: the selection').find((l) => l.startsWith('| A'))!;
    expect(row.split(/(?<!\\)\|/).length).toBe(5); // 3 cells between 4 unescaped pipes
    expect(md).toContain('“He said "x \\< y \\| z" \\& \\*left\\*”');
    expect(md).toContain('A \\& B \\<C\\> "D" \\| E \\*F\\* hosted');
    expect(mdSourceList(md)[0]!.title).toBe('A <b>"title"</b> & co');
    const html = renderBriefingHtml(graph, meta('ids: a|b'));
    expect(html).not.toContain('<script>');
    expect(html).toContain('O&#39;Brien &lt;/svg&gt;&lt;script&gt;');
    checkFigure(renderFigureSvg(graph), graph);
  });

  it('draws the same figure every time (deterministic layout)', async () => {
    const graph = await subgraphByIds(store, around('country:fr'));
    const shuffled: Graph = { nodes: [...graph.nodes].reverse(), edges: [...graph.edges].reverse() };
    expect(renderFigureSvg(shuffled)).toBe(renderFigureSvg(graph));
  });

  it('measures the whole-seed briefing (size and render time)', async ({ annotate }) => {
    const graph = await subgraphByIds(
      store,
      seed.nodes.map((n) => n.id),
    );
    const time = (f: () => string): { ms: number; bytes: number } => {
      f(); // warm-up
      const t0 = performance.now();
      const runs = 5;
      let out = '';
      for (let i = 0; i < runs; i++) out = f();
      return { ms: Math.round(((performance.now() - t0) / runs) * 10) / 10, bytes: Buffer.byteLength(out) };
    };
    const m = meta('The whole seed graph');
    const mdFig = time(() => renderBriefingMarkdown(graph, m, docs));
    const htmlFig = time(() => renderBriefingHtml(graph, m, docs));
    const svgFig = time(() => renderFigureSvg(graph));
    await annotate(
      `[briefing] whole seed: ${graph.nodes.length} nodes, ${graph.edges.length} relationships; ` +
        `markdown ${mdFig.bytes} B in ${mdFig.ms} ms; html ${htmlFig.bytes} B in ${htmlFig.ms} ms (figure svg ${svgFig.bytes} B in ${svgFig.ms} ms)`,
    );
    expect(htmlFig.ms).toBeLessThan(5000);
  });
});
