// GET /api/nodes/:id/neighbour-counts: every count equals what the matching filtered expansion returns.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorResponse, NeighbourCountsResponse, NeighboursResponse } from '../../contract/index.js';
import { startTestApp, type TestApp } from '../setup/test-app.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.close();
});

const enc = encodeURIComponent;
const expandTotal = async (id: string, filter: string): Promise<number> => {
  const { status, body } = await app.get<NeighboursResponse>(
    `/api/nodes/${enc(id)}/neighbours?limit=1&${filter}`,
  );
  expect(status).toBe(200);
  return body.total;
};

describe('GET /api/nodes/:id/neighbour-counts', () => {
  for (const id of ['country:uk', 'forum:five-country-ministerial-2025', 'threat:terrorism']) {
    it(`counts for ${id} equal the totals of the filtered expansions they announce`, async () => {
      const { status, body } = await app.get(`/api/nodes/${enc(id)}/neighbour-counts`);
      expect(status).toBe(200);
      const counts = body as NeighbourCountsResponse;
      expect(counts.node.id).toBe(id);
      expect(counts.total).toBe(await expandTotal(id, ''));
      expect(counts.byType.length).toBeGreaterThan(0);
      for (const t of counts.byType) {
        expect(t.count, t.type).toBe(await expandTotal(id, `relTypes=${t.type}`));
        expect(t.out, `${t.type} out`).toBe(await expandTotal(id, `relTypes=${t.type}&direction=out`));
        expect(t.in, `${t.type} in`).toBe(await expandTotal(id, `relTypes=${t.type}&direction=in`));
        expect(t.out + t.in).toBeGreaterThanOrEqual(t.count);
      }
      expect(counts.byLabel.length).toBeGreaterThan(0);
      for (const l of counts.byLabel)
        expect(l.count, l.label).toBe(await expandTotal(id, `labels=${l.label}`));
      for (const t of counts.byThreat)
        expect(t.count, t.threat.id).toBe(await expandTotal(id, `threat=${enc(t.threat.id)}`));
    });
  }

  it('lists sub-threat neighbours under their parent threat too', async () => {
    const { body } = await app.get(`/api/nodes/${enc('country:uk')}/neighbour-counts`);
    const counts = body as NeighbourCountsResponse;
    expect(counts.byThreat.length).toBeGreaterThan(1);
    const { body: sub } = await app.get(`/api/nodes/${enc('threat:terrorism')}/neighbour-counts`);
    expect((sub as NeighbourCountsResponse).byThreat.map((t) => t.threat.id)).toContain('threat:terrorism');
  });

  it('says which direction a relationship type runs', async () => {
    const { body } = await app.get(`/api/nodes/${enc('country:uk')}/neighbour-counts`);
    const participated = (body as NeighbourCountsResponse).byType.find((t) => t.type === 'PARTICIPATED_IN')!;
    expect(participated.out).toBe(participated.count);
    expect(participated.in).toBe(0);
  });

  it('answers 404 naming `id` for an unknown node and 400 for unexpected parameters', async () => {
    const missing = await app.get<ErrorResponse>('/api/nodes/country:nowhere/neighbour-counts');
    expect(missing.status).toBe(404);
    expect(missing.body.error).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    const badDirection = await app.get<ErrorResponse>('/api/nodes/country:uk/neighbours?direction=both');
    expect(badDirection.status).toBe(400);
    expect(badDirection.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'direction' });
    const extra = await app.get<ErrorResponse>('/api/nodes/country:uk/neighbour-counts?limit=5');
    expect(extra.status).toBe(400);
    expect(extra.body.error.code).toBe('VALIDATION_FAILED');
  });
});
