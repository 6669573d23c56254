// Accepting a suggestion with the curator's edits: a node's name, kind and confidence, a relationship's type, ends
// and confidence are what the graph gets, while the fact keeps the source's sentence verbatim at its offsets; an
// edit that does not fit is a 4xx naming the field and writes nothing (the suggestion and its ends stay pending).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  ChangeListResponse,
  ErrorResponse,
  GraphEdge,
  NeighboursResponse,
  NodeResponse,
  SourceResponse,
  Suggestion,
  SuggestionDecisionResponse,
  SuggestionListResponse,
} from '../../contract/index.js';
import { enc, suffix, type Curation } from '../setup/curation-fixtures.js';
import { addArticle, startIngestSuite, stopIngestSuite } from '../setup/ingest-fixtures.js';
import type { TestApp } from '../setup/test-app.js';

let app: TestApp;
let c: Curation;
beforeAll(async () => {
  ({ app, c } = await startIngestSuite());
}, 240_000);
afterAll(() => stopIngestSuite(app, c));

const cur = () => c.as.curator.headers;
const post = <T>(path: string, body?: unknown) => app.send<T>('POST', path, body, cur());
const list = async (sourceId: string): Promise<SuggestionListResponse> =>
  (
    await app.send<SuggestionListResponse>(
      'GET',
      `/api/sources/${enc(sourceId)}/suggestions`,
      undefined,
      cur(),
    )
  ).body;
const storedText = async (sourceId: string): Promise<string> =>
  (await app.get<SourceResponse>(`/api/sources/${enc(sourceId)}`)).body.source.text;
/** The newest Change's id: a write of any kind would leave a newer one. */
const newestChange = async (): Promise<string | undefined> =>
  (await app.send<ChangeListResponse>('GET', '/api/changes?limit=1', undefined, cur())).body.changes[0]?.id;
const describeAll = (s: Suggestion[]): string =>
  s.map((x) => `${x.kind} ${x.label ?? x.type} ${x.name ?? `${x.from?.name}→${x.to?.name}`}`).join('; ');

async function edgeOf(id: string): Promise<GraphEdge> {
  const from = id.split('|')[0]!;
  const res = await app.get<NeighboursResponse>(`/api/nodes/${enc(from)}/neighbours`);
  const edge = res.body.edges.find((e) => e.id === id);
  expect(edge, `edge ${id}`).toBeDefined();
  return edge!;
}

describe('accepting a suggestion with edits', () => {
  it('a node gets the edited name, kind and confidence and keeps the verbatim quote at its offsets', async () => {
    const out = await addArticle(app, c, cur());
    const sourceId = out.result!.id;
    const text = await storedText(sourceId);
    const mcu = out.suggestions.find((s) => s.kind === 'node' && s.name === 'Maritime Crime Unit');
    expect(mcu, describeAll(out.suggestions)).toBeDefined();
    const name = `Maritime Crime Unit of Europol ${suffix()}`;
    const res = await post<SuggestionDecisionResponse>(`/api/suggestions/${mcu!.id}/accept`, {
      name,
      label: 'Organization',
      confidence: 'speculative',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const nodeId = res.body.suggestion.decision!.resultId!;
    c.nodes.add(nodeId);
    const node = (await app.get<NodeResponse>(`/api/nodes/${enc(nodeId)}`)).body.node;
    expect(node).toMatchObject({
      name,
      labels: expect.arrayContaining(['Organization']),
      properties: { confidence: 'speculative' },
    });
    const ev = node.evidence!.find((e) => e.sourceId === sourceId)!;
    expect(ev).toMatchObject({ quote: mcu!.quote, start: mcu!.start, end: mcu!.end });
    expect(text.slice(ev.start!, ev.end!)).toBe(ev.quote);
    expect(res.body.suggestion).toMatchObject({ state: 'accepted', quote: mcu!.quote, start: mcu!.start });
  });

  it('a relationship gets the edited type, ends and confidence, with its sentence as evidence at its offsets', async () => {
    const out = await addArticle(app, c, cur());
    const sourceId = out.result!.id;
    const text = await storedText(sourceId);
    // "France reportedly signed the … Maritime Pact": hedged, from a country the graph has.
    const signed = out.suggestions.find(
      (s) => s.kind === 'relationship' && s.from?.kind === 'node' && s.confidence === 'reported',
    );
    expect(signed, describeAll(out.suggestions)).toBeDefined();
    const other = await c.country(`Edited signatory ${suffix()}`);
    const res = await post<SuggestionDecisionResponse>(`/api/suggestions/${signed!.id}/accept`, {
      from: other.id,
      type: 'LEADS',
      confidence: 'confirmed',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    for (const ch of res.body.changes) if (ch.targetKind === 'node') c.nodes.add(ch.targetId);
    const edgeId = res.body.suggestion.decision!.resultId!;
    expect(edgeId.split('|').slice(0, 2)).toEqual([other.id, 'LEADS']);
    const edge = await edgeOf(edgeId);
    expect(edge).toMatchObject({ type: 'LEADS', source: other.id });
    // Confirmed by the curator: no hedge left on the fact.
    expect(edge.properties.confidence).toBeUndefined();
    const ev = edge.evidence!.find((e) => e.sourceId === sourceId)!;
    expect(ev).toMatchObject({ quote: signed!.quote, start: signed!.start, end: signed!.end });
    expect(text.slice(ev.start!, ev.end!)).toBe(ev.quote);
  });

  it('edits that do not fit are refused naming the field, and nothing is written', async () => {
    const out = await addArticle(app, c, cur());
    const sourceId = out.result!.id;
    // A relationship with a pending candidate end: a refused accept must not accept that candidate either.
    const rel = out.suggestions.find(
      (s) => s.kind === 'relationship' && s.from?.kind === 'candidate' && s.to?.kind === 'candidate',
    );
    expect(rel, describeAll(out.suggestions)).toBeDefined();
    const node = out.suggestions.find((s) => s.kind === 'node')!;
    const before = await list(sourceId);
    const newest = await newestChange();
    const cases: [Suggestion, Record<string, unknown>, number, string][] = [
      [rel!, { confidence: 'certain' }, 400, 'confidence'],
      [rel!, { type: 'INVENTED' }, 422, 'type'],
      [rel!, { to: 'country:nowhere-at-all' }, 422, 'to'],
      // A Country cannot be the end of a PARTY_TO: the end named is `to`.
      [rel!, { type: 'PARTY_TO', to: 'country:fr' }, 422, 'to'],
      [rel!, { name: 'Renamed' }, 422, 'name'],
      [node, { label: 'Source' }, 422, 'label'],
      [node, { name: '   ' }, 400, 'name'],
      [node, { from: 'country:fr' }, 422, 'from'],
    ];
    for (const [s, body, status, field] of cases) {
      const res = await post<ErrorResponse>(`/api/suggestions/${s.id}/accept`, body);
      expect(res.status, `${JSON.stringify(body)}: ${JSON.stringify(res.body)}`).toBe(status);
      expect(res.body.error.field, JSON.stringify(res.body)).toBe(field);
    }
    const after = await list(sourceId);
    expect(after.counts).toEqual(before.counts);
    expect(after.counts.accepted).toBe(0);
    expect(after.suggestions.map((s) => [s.id, s.state])).toEqual(
      before.suggestions.map((s) => [s.id, s.state]),
    );
    expect(await newestChange()).toBe(newest);
  });
});
