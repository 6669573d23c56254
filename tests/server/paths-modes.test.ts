// GET /api/paths: k distinct paths and the relationship-type filter, checked against the graph itself.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorResponse, Graph, PathsResponse } from '../../contract/index.js';
import { startTestApp, type TestApp } from '../setup/test-app.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.close();
});

const paths = async (qs: string): Promise<Graph[]> => {
  const { status, body } = await app.get<PathsResponse>(`/api/paths?${qs}`);
  expect(status, JSON.stringify(body)).toBe(200);
  return body.paths;
};
/** The node ids of a path in order, from `from` to `to`. */
function nodeSequence(p: Graph, from: string): string[] {
  const seq = [from];
  const left = [...p.edges];
  while (left.length) {
    const at = seq[seq.length - 1];
    const i = left.findIndex((e) => e.source === at || e.target === at);
    expect(i, `path continues from ${at}`).toBeGreaterThanOrEqual(0);
    const [e] = left.splice(i, 1);
    seq.push(e!.source === at ? e!.target : e!.source);
  }
  return seq;
}

describe('GET /api/paths?mode=k-paths', () => {
  it('returns k distinct simple paths, shortest first, starting with the shortest path', async () => {
    const k = await paths('from=country:fr&to=person:kristi-noem&mode=k-paths&k=6&maxHops=5');
    const [shortest] = await paths('from=country:fr&to=person:kristi-noem&mode=shortest&maxHops=5');
    expect(k).toHaveLength(6);
    const seqs = k.map((p) => nodeSequence(p, 'country:fr'));
    expect(seqs.every((s) => s[s.length - 1] === 'person:kristi-noem')).toBe(true);
    expect(new Set(seqs.map((s) => s.join('>'))).size).toBe(6);
    for (const s of seqs) expect(new Set(s).size, 'no node twice').toBe(s.length);
    const lengths = k.map((p) => p.edges.length);
    expect(lengths).toEqual([...lengths].sort((a, b) => a - b));
    expect(lengths[0]).toBe(shortest!.edges.length);
    for (const p of k) expect(p.edges.every((e) => (e.evidence ?? []).length > 0)).toBe(true);
  });

  it('uses only the relationship types asked for, chosen before the shortest are picked', async () => {
    const types = ['PARTICIPATED_IN', 'HOLDS_OFFICE', 'PART_OF', 'MEMBER_OF', 'COOPERATES_WITH'];
    const k = await paths(
      `from=country:fr&to=person:kristi-noem&mode=k-paths&k=5&maxHops=6&relTypes=${types.join(',')}`,
    );
    // Filtering after picking would leave one path; the filter inside the pattern finds five.
    expect(k).toHaveLength(5);
    for (const p of k) for (const e of p.edges) expect(types).toContain(e.type);
    const all = await paths(
      `from=country:fr&to=person:kristi-noem&mode=all-shortest&relTypes=${types.join(',')}`,
    );
    expect(all.length).toBeGreaterThan(0);
    for (const p of all) for (const e of p.edges) expect(types).toContain(e.type);
  });

  it('finds nothing when the allowed types cannot connect the two', async () => {
    expect(await paths('from=country:fr&to=person:kristi-noem&mode=shortest&relTypes=SUBTYPE_OF')).toEqual(
      [],
    );
  });

  it('refuses k out of range and unknown relationship types, naming the field', async () => {
    for (const [qs, field] of [
      ['k=0', 'k'],
      ['k=11', 'k'],
      ['k=two', 'k'],
      ['relTypes=LIKES', 'relTypes'],
      ['mode=k', 'mode'],
    ] as const) {
      const { status, body } = await app.get<ErrorResponse>(
        `/api/paths?from=country:fr&to=country:us&mode=k-paths&${qs}`.replace(
          'mode=k-paths&mode=k',
          'mode=k',
        ),
      );
      expect(status, qs).toBe(400);
      expect(body.error).toMatchObject({ code: 'VALIDATION_FAILED', field });
    }
  });
});
