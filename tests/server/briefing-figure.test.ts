// The briefing page as Chromium draws it at 1440x900: the figure's symbols and labels measured with real fonts,
// none overlapping, labels at least 10 px, nothing wider than the window, and the notes' tables drawn as tables.
/// <reference lib="dom" />
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Graph } from '../../contract/index.js';
import { renderBriefingHtml, type SourceDoc } from '../../server/src/services/briefing/index.js';
import type { GraphStore } from '../../server/src/store/neo4j-store.js';
import { readSourceTexts } from '../../server/src/store/source-texts.js';
import { subgraphByIds } from '../../server/src/store/workspace-store.js';
import { readSeed, readSources } from '../../seed/read-seed.js';
import { testStore } from '../setup/test-app.js';

const seed = readSeed();

interface Box {
  owner: string;
  what: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Boxes that overlap by more than half a pixel (anti-aliasing and rounding aside). */
const overlap = (a: Box, b: Box): boolean =>
  a.x + 0.5 < b.x + b.w && b.x + 0.5 < a.x + a.w && a.y + 0.5 < b.y + b.h && b.y + 0.5 < a.y + a.h;

describe('the briefing page in Chromium', () => {
  let browser: Browser;
  let store: GraphStore;
  let docs: SourceDoc[];
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
    });
    store = await testStore();
    docs = await readSourceTexts(
      store,
      readSources().map((s) => s.id),
    );
  });
  afterAll(async () => {
    await browser?.close();
    await store?.close();
  });

  const scenes: [string, () => string[]][] = [
    ['the whole seed graph', () => seed.nodes.map((n) => n.id)],
    [
      "France's neighbourhood",
      () => [
        'country:fr',
        ...seed.relationships.flatMap((r) =>
          r.from === 'country:fr' ? [r.to] : r.to === 'country:fr' ? [r.from] : [],
        ),
      ],
    ],
  ];

  it.each(scenes)('draws %s without overlaps, at a readable size', async (_, ids) => {
    const graph: Graph = await subgraphByIds(store, [...new Set(ids())]);
    const html = renderBriefingHtml(
      graph,
      { title: 'Briefing', generatedAt: new Date(), scope: 'test' },
      docs,
    );
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    page.on('request', (r) => problems.push(`request ${r.url()}`));
    try {
      await page.setContent(html);
      const drawn = await page.evaluate(() => {
        const svg = document.querySelector<SVGSVGElement>('svg.briefing-figure')!;
        const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
        const box = (owner: string, what: string, el: Element) => {
          const r = el.getBoundingClientRect();
          return { owner, what, x: r.x, y: r.y, w: r.width, h: r.height };
        };
        const boxes = [...svg.querySelectorAll<SVGGElement>('g.node')].flatMap((g) => [
          box(g.dataset.id!, 'symbol', g.querySelector('path.node-shape')!),
          ...[...g.querySelectorAll('tspan')].map((t) => box(g.dataset.id!, 'label', t)),
        ]);
        const headings = [...svg.querySelectorAll('g.headings text')].map((t, i) =>
          box(`heading ${i}`, 'heading', t),
        );
        const label = svg.querySelector('text.node-label')!;
        // Points of label lines where an edge is what shows: the text itself let through to what lies under it.
        const texts = [...svg.querySelectorAll<SVGTextElement>('text.node-label')];
        const edgeUnderWords = (): number => {
          let hits = 0;
          for (const t of svg.querySelectorAll('text.node-label tspan')) {
            const r = t.getBoundingClientRect();
            for (let x = r.x + 1; x < r.right - 1; x += 3)
              for (let y = r.y + 1; y < r.bottom - 1; y += 1)
                if (document.elementFromPoint(x, y)?.closest('g.edge')) hits++;
          }
          return hits;
        };
        for (const t of texts) t.style.pointerEvents = 'none';
        const backs = [...svg.querySelectorAll<SVGElement>('rect.label-back')];
        for (const b of backs) b.style.display = 'none';
        const unbacked = edgeUnderWords();
        for (const b of backs) b.style.display = '';
        const backed = edgeUnderWords();
        for (const t of texts) t.style.pointerEvents = '';
        return {
          crossings: { unbacked, backed, backs: backs.length },
          boxes: [...boxes, ...headings],
          nodes: svg.querySelectorAll('g.node').length,
          labelPx: parseFloat(getComputedStyle(label).fontSize) * scale,
          overflow: document.documentElement.scrollWidth - window.innerWidth,
          evidenceRows: document.querySelectorAll('table.evidence tbody tr').length,
          figureWidth: svg.getBoundingClientRect().width,
        };
      });
      expect(drawn.nodes).toBe(Math.min(40, graph.nodes.length));
      expect(drawn.labelPx).toBeGreaterThanOrEqual(10);
      // No edge runs through a label's words: every label has a backing and no line shows through one.
      expect(drawn.crossings.backs).toBe(drawn.nodes);
      expect(drawn.crossings.backed).toBe(0);
      // Lines do pass behind labels in both figures: the check above has something to hide.
      expect(drawn.crossings.unbacked).toBeGreaterThan(0);
      expect(drawn.overflow).toBeLessThanOrEqual(0);
      expect(drawn.evidenceRows).toBeGreaterThan(0);
      const boxes = drawn.boxes as Box[];
      expect(boxes.filter((b) => b.what === 'label').every((b) => b.w > 0 && b.h > 0)).toBe(true);
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++) {
          const [a, b] = [boxes[i]!, boxes[j]!];
          if (a.owner === b.owner) continue;
          expect(overlap(a, b), `${a.owner} (${a.what}) overlaps ${b.owner} (${b.what})`).toBe(false);
        }
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
