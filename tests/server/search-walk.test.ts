// GET /api/search walked over every node of the seed graph: each is found by its exact name in the top 3, and by
// each hyphenated part of its name ("Franco-British", "Counter-Terrorism", "UK-US") in the top 10.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphNode, SearchResponse } from '../../contract/index.js';
import { readSeed } from '../../seed/read-seed.js';
import { startTestApp, type TestApp } from '../setup/test-app.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.close();
});

const seed = readSeed();
/** Every node of the seed graph with its names: the curated nodes and the source documents (named by title). */
const NODES = [
  ...seed.nodes.map((n) => ({ id: n.id, name: n.name, aliases: (n.properties.aliases as string[]) ?? [] })),
  ...seed.sources.map((s) => ({ id: s.id, name: s.title, aliases: [] as string[] })),
];
/** Words joined by hyphens (any dash a name uses between letters or digits). */
const HYPHENATED = /[\p{L}\p{N}]+(?:[-‐‑–][\p{L}\p{N}]+)+/gu;
const PAGE = 10;

/** How a name reads when hyphens and case do not matter: what a compound is looked for in. */
const loose = (s: string): string => s.toLowerCase().replace(/[-‐‑–]/g, ' ');
/** Seed nodes whose name or an alias holds `part`. */
const holders = (part: string): number =>
  NODES.filter((n) => [n.name, ...n.aliases].some((x) => loose(x).includes(loose(part)))).length;

async function search(q: string, limit = PAGE): Promise<GraphNode[]> {
  const { status, body } = await app.get<SearchResponse>(
    `/api/search?q=${encodeURIComponent(q)}&limit=${limit}`,
  );
  expect(status, `${q}: ${JSON.stringify(body)}`).toBe(200);
  return body.nodes;
}

describe('search finds every seed node as it is named', () => {
  it('the walk covers the whole seed graph, hyphenated names included', () => {
    expect(NODES.length).toBe(seed.nodes.length + seed.sources.length);
    expect(NODES.length).toBeGreaterThan(100);
    expect(NODES.filter((n) => n.name.match(HYPHENATED)).length).toBeGreaterThan(20);
  });

  it.each(NODES.map((n) => [n.name, n.id] as const))('by its exact name: %s', async (name, id) => {
    const ids = (await search(name)).map((n) => n.id);
    expect(ids.indexOf(id), `${id} among ${ids.join(', ')}`).toBeGreaterThanOrEqual(0);
    expect(ids.indexOf(id)).toBeLessThan(3);
  });

  const parts = NODES.flatMap((n) => [...n.name.matchAll(HYPHENATED)].map((m) => [m[0], n.id] as const));
  it.each(parts)('by the hyphenated part "%s" of %s', async (part, id) => {
    const page = await search(part);
    const ids = page.map((n) => n.id);
    if (holders(part) <= PAGE) {
      expect(ids, `${id} in the top ${PAGE} for "${part}"`).toContain(id);
      return;
    }
    // More names hold it than a page shows ("Franco-British": 17): the page is all of them, the rest follow.
    for (const n of page) {
      const names = [n.name, ...((n.properties.aliases as string[]) ?? [])];
      expect(
        names.some((x) => loose(x).includes(loose(part))),
        `${n.name} holds "${part}"`,
      ).toBe(true);
    }
    expect((await search(part, 100)).map((n) => n.id)).toContain(id);
  });
});
