// At least three facts from each seed article are reachable through the API with their quotes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NeighboursResponse, NodeResponse } from '../../contract/index.js';
import { readSources } from '../../seed/read-seed.js';
import { startTestApp, type TestApp } from '../setup/test-app.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.close();
});

const texts = new Map(readSources().map((s) => [s.id, s.text]));

/** [from, TYPE, to, source it must be quoted from, a word the quote must contain] */
const FACTS: Record<string, [string, string, string, string][]> = {
  'source:000-noem-five-country-ministerial': [
    ['person:kristi-noem', 'PARTICIPATED_IN', 'forum:five-country-ministerial-2025', 'Noem'],
    ['country:uk', 'LEADS', 'agreement:fcm-cybersecurity-protection', 'Cybersecurity Protection'],
    ['country:ca', 'FOCUSES_ON', 'threat:border-security', 'Canada'],
    ['country:us', 'RECOMMENDED_PARTNER', 'country:jp', 'Japan'],
  ],
  'source:001-uk-us-smuggling-talks': [
    ['person:james-cleverly', 'HOLDS_OFFICE', 'org:uk-home-office', 'Cleverly'],
    ['person:mahmood', 'HOLDS_OFFICE', 'org:uk-home-office', 'Mahmood'],
    ['country:nz', 'MEMBER_OF', 'forum:five-eyes', 'Five Eyes'],
  ],
  'source:002-un-ct-border-conference': [
    ['org:unoct', 'PARTICIPATED_IN', 'forum:un-ct-border-conference', 'hosted'],
    ['forum:un-ct-border-conference', 'USES_TECHNOLOGY', 'tech:blockchain', 'Blockchain'],
    ['forum:un-ct-border-conference', 'ADDRESSES', 'threat:border-security', 'order'],
  ],
  'source:003-international-ct-cooperation': [
    ['org:uncct', 'PART_OF', 'org:un', 'United Nations Counter-Terrorism Centre'],
    ['org:eu-ct-coordinator', 'PART_OF', 'org:eu', 'European Union'],
    ['org:interpol-ct-fusion-centre', 'PART_OF', 'org:interpol', 'Interpol'],
  ],
  'source:004-paris-london-cooperation': [
    ['country:fr', 'COOPERATES_WITH', 'country:uk', 'France'],
    ['country:fr', 'FOCUSES_ON', 'threat:cybercrime', 'encryption'],
    [
      'country:fr',
      'PARTICIPATED_IN',
      'forum:fr-uk-cybercrime-human-trafficking-working-group',
      'working group',
    ],
  ],
};

describe('facts from every article, through the API, with their quotes', () => {
  for (const [sourceId, facts] of Object.entries(FACTS)) {
    for (const [from, type, to, word] of facts) {
      it(`${sourceId}: ${from} ${type} ${to}`, async () => {
        const { status, body } = await app.get<NeighboursResponse>(
          `/api/nodes/${encodeURIComponent(from)}/neighbours?relTypes=${type}&limit=500`,
        );
        expect(status).toBe(200);
        const edge = body.edges.find((e) => e.type === type && e.source === from && e.target === to);
        expect(edge, 'the relationship is there').toBeDefined();
        const quotes = edge!.evidence!.filter((e) => e.sourceId === sourceId);
        expect(quotes.length, 'quoted from this article').toBeGreaterThan(0);
        for (const q of quotes) expect(texts.get(sourceId)!.slice(q.start!, q.end!)).toBe(q.quote);
        expect(quotes.some((q) => q.quote!.includes(word))).toBe(true);
      });
    }
  }

  it('the conflicting Home Secretary claims are both kept and flagged disputed', async () => {
    const { body } = await app.get<NeighboursResponse>(
      '/api/nodes/org:uk-home-office/neighbours?relTypes=HOLDS_OFFICE',
    );
    const holders = body.edges.filter((e) => e.properties.title === 'Home Secretary');
    expect(holders.map((e) => e.source).sort()).toEqual(['person:james-cleverly', 'person:mahmood']);
    for (const e of holders) {
      expect(e.properties.disputed).toBe(true);
      expect(String(e.properties.disputeNote).length).toBeGreaterThan(10);
    }
  });

  it('a stated figure is kept with its quote (the 30% rise in cross-border operations)', async () => {
    const { body } = await app.get<NodeResponse>(
      '/api/nodes/agreement:fr-uk-joint-counterterrorism-operations',
    );
    expect(body.node.properties.crossBorderOperationsIncrease).toBe('30%');
    expect(body.evidence.some((e) => e.quote!.includes('30% increase'))).toBe(true);
  });

  it('hedged claims carry a lower confidence', async () => {
    const { body } = await app.get<NeighboursResponse>(
      '/api/nodes/country:us/neighbours?relTypes=RECOMMENDED_PARTNER',
    );
    expect(body.edges.length).toBe(3);
    for (const e of body.edges) expect(['reported', 'speculative']).toContain(e.properties.confidence);
  });
});
