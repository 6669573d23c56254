// Briefing export renderers against the real seeded graph: one cited sentence per relationship, verbatim quotes, disputes, a clean SVG.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOMParser, type Element as XmlElement } from '@xmldom/xmldom';
import type { Graph, GraphEdge, GraphNode } from '../../contract/index.js';
import { subgraphByIds } from '../../server/src/store/workspace-store.js';
import type { GraphStore } from '../../server/src/store/neo4j-store.js';
import {
  renderBriefingHtml,
  renderBriefingMarkdown,
  renderFigureSvg,
  unescapeMarkdown,
  type BriefingMeta,
} from '../../server/src/services/briefing/index.js';
import { readSeed, readSources } from '../../seed/read-seed.js';
import { mdSection, mdSources, numbersIn } from '../setup/export-readers.js';
import { testStore } from '../setup/test-app.js';

const seed = readSeed();
const sourceText = new Map(readSources().map((s) => [s.title, s.text]));
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

const KINDS: Record<string, string[]> = {
  Actors: ['Country', 'Person', 'Organization'],
  Forums: ['Forum'],
  Agreements: ['Agreement'],
  Threats: ['ThreatType'],
};

/** The checks every briefing must pass, whatever the subgraph. Returns the parsed Markdown pieces. */
function checkBriefing(graph: Graph, scope: string) {
  const md = renderBriefingMarkdown(graph, meta(scope));
  const html = renderBriefingHtml(graph, meta(scope));
  expect(graph.nodes.length).toBeGreaterThan(0);

  // Header.
  expect(md).toContain('# Briefing \\& test \\<pack\\>');
  expect(md).toContain('2026-11-23 13:00 UTC');
  expect(md).toContain(scope);

  // Tables: one row per node of the kind.
  for (const [heading, kinds] of Object.entries(KINDS)) {
    const expected = graph.nodes.filter((n) => n.labels.some((l) => kinds.includes(l))).length;
    const rows = mdSection(md, heading).filter((l) => l.startsWith('| ')).length;
    expect(rows, heading).toBe(expected === 0 ? 0 : expected + 2); // + the header and separator rows
    const htmlRows =
      html
        .split(`<section id="${heading.toLowerCase()}">`)[1]!
        .split('</section>')[0]!
        .match(/<tr data-id=/g)?.length ?? 0;
    expect(htmlRows, heading).toBe(expected);
  }

  // Sources: numbered 1..N once each, every quote verbatim in its source and in quotation marks.
  const sources = mdSources(md);
  expect(sources.map((s) => s.n)).toEqual(sources.map((_, i) => i + 1));
  const pairs = new Set<string>();
  for (const s of sources) {
    const key = `${s.title}\u0000${s.quote}`;
    expect(pairs.has(key), `duplicate source entry ${s.n}`).toBe(false);
    pairs.add(key);
    if (s.quote !== null) {
      expect(sourceText.get(s.title), `known source ${s.title}`).toBeDefined();
      expect(sourceText.get(s.title)!.includes(s.quote), `quote [${s.n}] verbatim`).toBe(true);
    }
  }

  // Relationships: exactly one sentence per relationship, each cited, every number defined, first use in order.
  const sentences = mdSection(md, 'Relationships').filter((l) => l.startsWith('- '));
  expect(sentences).toHaveLength(graph.edges.length);
  const seen: number[] = [];
  for (const line of sentences) {
    const own = numbersIn(line.split('**Disputed:**')[0]!);
    expect(own.length, line).toBeGreaterThan(0);
    for (const n of numbersIn(line)) {
      expect(n).toBeGreaterThanOrEqual(1);
      expect(n).toBeLessThanOrEqual(sources.length);
      if (!seen.includes(n)) seen.push(n);
    }
  }
  expect(seen).toEqual(sources.map((s) => s.n));

  // Each relationship's own evidence is cited in its HTML sentence (matched by edge id).
  const quoteNumber = new Map(sources.map((s) => [`${s.title}\u0000${s.quote}`, s.n]));
  const numbersOf = (e: GraphEdge): number[] =>
    (e.evidence ?? [])
      .filter((ev) => ev.quote !== null)
      .map((ev) => quoteNumber.get(`${ev.sourceTitle}\u0000${ev.quote}`)!);
  const items = new Map(
    [...html.matchAll(/<li data-edge-id="([^"]*)"[^>]*>(.*?)<\/li>/g)].map((m) => [
      unescapeHtml(m[1]!),
      m[2]!,
    ]),
  );
  expect(items.size).toBe(graph.edges.length);
  for (const e of graph.edges) {
    const item = items.get(e.id);
    expect(item, e.id).toBeDefined();
    const own = numbersIn(item!.split('<span class="dispute">')[0]!);
    for (const n of numbersOf(e)) expect(own, `${e.id} cites [${n}]`).toContain(n);
    // Hedged claims say so in words.
    if (e.properties.confidence === 'reported') expect(item, e.id).toContain('(reported, not confirmed)');
    if (e.properties.confidence === 'speculative')
      expect(item, e.id).toContain('(speculative: hedged or recommended by the source)');
    if (e.properties.confidence === 'confirmed') expect(item, e.id).not.toContain('class="confidence"');
  }

  // HTML: self-contained, no scripts, no external references.
  expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
  expect(html).not.toMatch(/<script|<link|<iframe|<object|<embed|@import|\son[a-z]+=/i);
  expect(html).not.toMatch(/\ssrc=/i);
  for (const m of html.matchAll(/href="([^"]*)"/g)) expect(m[1]!.startsWith('#'), m[1]).toBe(true);
  for (const m of html.matchAll(/url\(([^)]*)\)/g)) expect(m[1]!.startsWith('#'), m[1]).toBe(true);
  expect(html.replace(/xmlns="http:\/\/www\.w3\.org\/2000\/svg"/g, '')).not.toMatch(/https?:|\/\/[a-z]/i);
  const doc = new DOMParser({
    onError: (level, msg) => {
      if (level !== 'warning') throw new Error(msg);
    },
  }).parseFromString(html, 'text/html');
  expect(doc.getElementsByTagName('body').length).toBe(1);
  expect(doc.getElementsByTagName('title')[0]?.textContent).toBe('Briefing & test <pack>');

  // The inline SVG is well-formed XML with one <g class="node"> per node, each with exactly one <text>.
  const svgText = /<svg[\s\S]*<\/svg>/.exec(html)![0];
  checkSvg(svgText, graph.nodes);
  return { md, html, sentences, sources, quoteNumber, numbersOf };
}

function unescapeHtml(s: string): string {
  return s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

function checkSvg(svgText: string, nodes: GraphNode[]): void {
  const svg = new DOMParser({
    onError: (level, msg) => {
      throw new Error(`${level}: ${msg}`);
    },
  }).parseFromString(svgText, 'image/svg+xml');
  expect(svg.documentElement?.nodeName).toBe('svg');
  expect(svgText).not.toMatch(/<script|\son[a-z]+=|href=/i);
  const groups = Array.from(svg.getElementsByTagName('g') as unknown as ArrayLike<XmlElement>).filter((g) =>
    (g.getAttribute('class') ?? '').split(' ').includes('node'),
  );
  expect(groups).toHaveLength(nodes.length);
  const byId = new Map(nodes.map((n) => [n.id, n]));
  for (const g of groups) {
    const node = byId.get(g.getAttribute('data-id') ?? '');
    expect(node).toBeDefined();
    const texts = g.getElementsByTagName('text');
    expect(texts.length).toBe(1);
    const label = texts[0]!.textContent ?? '';
    expect(node!.name.startsWith(label.replace(/…$/, ''))).toBe(true);
    expect(g.getElementsByTagName('title')[0]!.textContent).toContain(node!.name);
  }
}

describe('briefing export (Markdown and HTML)', () => {
  let store: GraphStore;
  beforeAll(async () => {
    store = await testStore();
  });
  afterAll(async () => {
    await store?.close();
  });

  it('renders the whole seed graph: every relationship a cited sentence, every quote verbatim', async () => {
    const graph = await subgraphByIds(
      store,
      seed.nodes.map((n) => n.id),
    );
    expect(graph.nodes).toHaveLength(seed.nodes.length);
    expect(graph.edges).toHaveLength(seed.relationships.length);
    const { sources } = checkBriefing(graph, 'The whole seed graph');
    // Reuse: as many entries as distinct (source, quote) pairs cited by relationships.
    const distinct = new Set(
      graph.edges.flatMap((e) =>
        (e.evidence ?? []).map((ev) => `${ev.sourceId}\u0000${ev.quote ?? ev.note}`),
      ),
    );
    expect(sources).toHaveLength(distinct.size);
    // Curator-asserted evidence (taxonomy) appears as a note.
    if (graph.edges.some((e) => e.evidence?.some((ev) => ev.quote === null))) {
      expect(renderBriefingMarkdown(graph, meta('x'))).toContain('Curator-asserted: ');
    }
  });

  it('renders a small subgraph around the United Kingdom', async () => {
    const graph = await subgraphByIds(store, around('country:uk'));
    expect(graph.edges.length).toBeGreaterThan(0);
    const { md } = checkBriefing(graph, 'Neighbourhood of country:uk');
    expect(md).toMatch(/The United Kingdom /);
  });

  it('marks the disputed Mahmood/Cleverly claims and cites both sides', async () => {
    const disputed = seed.relationships.filter(
      (r) =>
        r.properties.disputed === true && (r.from === 'person:mahmood' || r.from === 'person:james-cleverly'),
    );
    expect(disputed.length).toBeGreaterThanOrEqual(2);
    const ids = [...new Set(disputed.flatMap((r) => [r.from, r.to]))];
    const graph = await subgraphByIds(store, ids);
    const { sentences, html, numbersOf } = checkBriefing(graph, 'Disputed claims of source 001');
    const edges = graph.edges.filter((e) => e.properties.disputed === true);
    expect(edges).toHaveLength(disputed.length);
    for (const e of edges) {
      const subject = graph.nodes.find((n) => n.id === e.source)!.name;
      const line = sentences.find(
        (l) =>
          l.startsWith(`- ${subject} `) && l.includes(unescapeMarkdown(String(e.properties.disputeNote))),
      )!;
      expect(line, e.id).toBeDefined();
      expect(line).toContain('**Disputed:**');
      // Its counterpart: same type, same target, the other person; both sides' citations in the line.
      const other = edges.find((o) => o.id !== e.id && o.type === e.type && o.target === e.target)!;
      expect(other).toBeDefined();
      const otherName = graph.nodes.find((n) => n.id === other.source)!.name;
      expect(line.split('**Disputed:**')[1]).toContain(`Conflicts with: ${otherName} `);
      const cited = numbersIn(line);
      for (const n of [...numbersOf(e), ...numbersOf(other)]) expect(cited).toContain(n);
      expect(html).toMatch(
        new RegExp(`<li data-edge-id="${e.id.replace(/[|.]/g, '\\$&')}" class="disputed">`),
      );
    }
    expect(html).toContain('<strong>Disputed:</strong>');
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
    const md = renderBriefingMarkdown(graph, meta('ids: a|b'));
    const row = mdSection(md, 'Actors').find((l) => l.startsWith('| A'))!;
    expect(row.split(/(?<!\\)\|/).length).toBe(5); // 3 cells between 4 unescaped pipes
    expect(md).toContain('“He said "x \\< y \\| z" \\& \\*left\\*”');
    expect(md).toContain('A \\& B \\<C\\> "D" \\| E \\*F\\* hosted');
    const html = renderBriefingHtml(graph, meta('ids: a|b'));
    expect(html).not.toContain('<script>');
    expect(html).toContain('O&#39;Brien &lt;/svg&gt;&lt;script&gt;');
    checkSvg(renderFigureSvg(graph), graph.nodes);
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
    const mdFig = time(() => renderBriefingMarkdown(graph, m));
    const htmlFig = time(() => renderBriefingHtml(graph, m));
    const svgFig = time(() => renderFigureSvg(graph));
    await annotate(
      `[briefing] whole seed: ${graph.nodes.length} nodes, ${graph.edges.length} relationships; ` +
        `markdown ${mdFig.bytes} B in ${mdFig.ms} ms; html ${htmlFig.bytes} B in ${htmlFig.ms} ms (figure svg ${svgFig.bytes} B in ${svgFig.ms} ms)`,
    );
    expect(htmlFig.ms).toBeLessThan(5000);
  });
});
