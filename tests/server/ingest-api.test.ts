// Ingest API: adding an article stores its text once with its SHA-256 and extracts suggestions whose quotes index
// that text; accepting, rejecting and linking write through the curation path (evidence, Change, revert); a
// duplicate is refused with a link to the first; bad input is a 4xx naming the field and writes nothing.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  AcceptAllResponse,
  ErrorResponse,
  ExtractionStatus,
  NodeResponse,
  SourceAddResponse,
  SourceListResponse,
  SourceResponse,
  Suggestion,
  SuggestionDecisionResponse,
  SuggestionListResponse,
  WriteResponse,
} from '../../contract/index.js';
import { checkAnswer } from '../setup/contract-check.js';
import { enc, SOURCE_ID, suffix, type Curation } from '../setup/curation-fixtures.js';
import {
  addArticle,
  articleText,
  dropIngestState,
  startIngestSuite,
  stopIngestSuite,
} from '../setup/ingest-fixtures.js';
import { startTestApp, type TestApp } from '../setup/test-app.js';

let app: TestApp;
let c: Curation;
beforeAll(async () => {
  ({ app, c } = await startIngestSuite());
}, 240_000);
afterAll(() => stopIngestSuite(app, c));

const cur = () => c.as.curator.headers;
const post = <T>(path: string, body?: unknown) => app.send<T>('POST', path, body, cur());
const list = async (sourceId: string, query = '') => {
  const res = await app.send<SuggestionListResponse>(
    'GET',
    `/api/sources/${enc(sourceId)}/suggestions${query}`,
    undefined,
    cur(),
  );
  expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(200);
  return res.body;
};
const sourceCount = async () => (await app.get<SourceListResponse>('/api/sources')).body.sources.length;
const byName = (s: Suggestion[], name: string) => s.find((x) => x.kind === 'node' && x.name === name);

/** Multipart POST /api/sources (fetch, checked against the contract like app.send's answers). */
async function upload(
  fields: Record<string, string>,
  file?: { name: string; bytes: Uint8Array; type: string },
) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  if (file) form.append('file', new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name);
  const r = await fetch(`${app.baseUrl}/api/sources`, { method: 'POST', body: form, headers: cur() });
  const body = (await r.json()) as unknown;
  checkAnswer('POST', '/api/sources', r.status, r.headers.get('content-type'), body);
  return { status: r.status, body };
}

describe('adding an article', () => {
  it('stores the text once with its SHA-256 and answers with suggestions whose quotes index the stored text', async () => {
    const text = articleText();
    const out = await addArticle(app, c, cur(), text, {
      publishedAt: '2025-03-03',
      url: 'https://example.org/v',
    });
    expect(out.sha256).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
    expect(out.extraction).toMatchObject({ state: 'done', phase: 'done' });
    expect(out.result).toMatchObject({
      date: '2025-03-03',
      url: 'https://example.org/v',
      length: text.length,
    });
    expect(out.change).toMatchObject({ operation: 'create-source', targetId: out.result!.id });
    const stored = (await app.get<SourceResponse>(`/api/sources/${enc(out.result!.id)}`)).body.source.text;
    expect(stored).toBe(text);

    const kinds = new Set(out.suggestions.map((s) => s.kind));
    expect(kinds).toEqual(new Set(['node', 'relationship']));
    expect(out.extraction.suggestions).toBe(out.suggestions.length);
    for (const s of out.suggestions) {
      expect(stored.slice(s.start, s.end), s.id).toBe(s.quote);
      for (const e of s.evidence) expect(stored.slice(e.start, e.end)).toBe(e.quote);
      expect(s.state).toBe('pending');
    }
    const mcu = byName(out.suggestions, 'Maritime Crime Unit');
    expect(mcu?.aliases).toContain('MCU');
    const pact = out.suggestions.find((s) => s.type === 'PARTY_TO');
    expect(pact?.confidence).toBe('reported');

    // Listed again later (they are kept in the database), with mentions for highlighting and counts.
    const again = await list(out.result!.id);
    expect(again.suggestions.map((s) => s.id)).toEqual(out.suggestions.map((s) => s.id));
    expect(again.counts.pending).toBe(out.suggestions.length);
    expect(again.source.sha256).toBe(out.sha256);
    expect(again.mentions.length).toBeGreaterThan(0);
    for (const m of again.mentions) expect(m.end).toBeGreaterThan(m.start);
    expect(again.mentions.some((m) => m.suggestionId === mcu!.id)).toBe(true);
    const nodesOnly = await list(out.result!.id, '?kind=node');
    expect(nodesOnly.suggestions.every((s) => s.kind === 'node')).toBe(true);
    expect(nodesOnly.suggestions.length).toBeLessThan(out.suggestions.length);
  });

  it('refuses the same text again with 409 naming the first source, and adds nothing', async () => {
    const text = articleText();
    const first = await addArticle(app, c, cur(), text);
    const before = await sourceCount();
    const again = await post<ErrorResponse>('/api/sources', { title: `Copy ${suffix()}`, text });
    expect(again.status).toBe(409);
    expect(again.body.error.field).toBe('text');
    expect(again.body.error.current).toMatchObject({
      source: { id: first.result!.id },
      href: `/api/sources/${enc(first.result!.id)}`,
    });
    // Windows line ends are the same text.
    const crlf = await post<ErrorResponse>('/api/sources', {
      title: 'CRLF',
      text: text.replace(/\n/g, '\r\n'),
    });
    expect(crlf.status).toBe(409);
    expect(await sourceCount()).toBe(before);
  });

  it('answers bad input with a 4xx naming the field, and writes nothing', async () => {
    const before = await sourceCount();
    const cases: [unknown, number, string][] = [
      [{ text: articleText() }, 400, 'title'],
      [{ title: 'Short', text: 'too short' }, 400, 'text'],
      [{ title: 'Bad url', text: articleText(), url: 'ftp://x.org/a' }, 400, 'url'],
      [{ title: 'Bad date', text: articleText(), publishedAt: '3 March' }, 400, 'publishedAt'],
      [{ title: 'Extra', text: articleText(), author: 'me' }, 400, 'request'],
      [{ title: 'NUL', text: `${articleText()}\u0000` }, 400, 'text'],
      [{ title: 'Too long', text: 'x'.repeat(900_001) }, 400, 'text'],
    ];
    for (const [body, status, field] of cases) {
      const r = await post<ErrorResponse>('/api/sources', body);
      expect(r.status, JSON.stringify(r.body)).toBe(status);
      expect(r.body.error.field, JSON.stringify(r.body)).toBe(field);
    }
    const pdf = await upload(
      { title: 'PDF' },
      { name: 'a.pdf', bytes: new Uint8Array([37, 80, 68, 70]), type: 'application/pdf' },
    );
    expect(pdf.status).toBe(400);
    expect((pdf.body as ErrorResponse).error.field).toBe('file');
    const latin1 = await upload(
      { title: 'Latin-1' },
      {
        name: 'a.txt',
        bytes: new Uint8Array([...Buffer.from(articleText(), 'latin1'), 0xe9, 0xe8]),
        type: 'text/plain',
      },
    );
    expect(latin1.status).toBe(400);
    expect((latin1.body as ErrorResponse).error.field).toBe('file');
    const both = await upload(
      { title: 'Both', text: articleText() },
      { name: 'a.txt', bytes: Buffer.from(articleText()), type: 'text/plain' },
    );
    expect(both.status).toBe(400);
    expect((both.body as ErrorResponse).error.field).toBe('text');
    expect(await sourceCount()).toBe(before);
  });

  it('takes an uploaded HTML file as its readable text, titled by the page', async () => {
    const tag = suffix();
    const html = `<!doctype html><html><head><title>Valletta page ${tag}</title><style>p{color:red}</style></head>
<body><nav><a href="/">Home</a></nav><h1>Ministers meet in Valletta</h1>
<p>The Government of Malta hosted the <a href="https://example.org/f">Harbour Border Security Forum ${tag}</a> in Valletta.</p>
<script>alert(1)</script><p>Interior Minister Byron Camilleri chaired the forum.</p></body></html>`;
    const r = await upload(
      { publisher: 'Test Wire' },
      { name: 'page.html', bytes: Buffer.from(html), type: 'text/html' },
    );
    expect(r.status, JSON.stringify(r.body).slice(0, 300)).toBe(201);
    const out = r.body as SourceAddResponse;
    c.nodes.add(out.result!.id);
    expect(out.result!.title).toBe(`Valletta page ${tag}`);
    const text = (await app.get<SourceResponse>(`/api/sources/${enc(out.result!.id)}`)).body.source.text;
    expect(text).toContain(
      `The Government of Malta hosted the Harbour Border Security Forum ${tag} in Valletta.`,
    );
    expect(text).not.toMatch(/<|alert|color:red|https:\/\/example/);
    for (const s of out.suggestions) expect(text.slice(s.start, s.end)).toBe(s.quote);
  });
});

describe('reviewing suggestions', () => {
  it('accepting a candidate creates a node with the quote as evidence and a Change that reverts it', async () => {
    const out = await addArticle(app, c, cur());
    const person = byName(out.suggestions, 'Byron Camilleri')!;
    const res = await post<SuggestionDecisionResponse>(`/api/suggestions/${person.id}/accept`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const nodeId = res.body.suggestion.decision!.resultId!;
    c.nodes.add(nodeId);
    expect(res.body.suggestion).toMatchObject({
      state: 'accepted',
      decision: { by: c.as.curator.username, automatic: false },
    });
    const node = (await app.get<NodeResponse>(`/api/nodes/${enc(nodeId)}`)).body.node;
    expect(node).toMatchObject({ name: 'Byron Camilleri', labels: expect.arrayContaining(['Person']) });
    expect(node.evidence![0]).toMatchObject({ sourceId: out.result!.id, quote: person.quote });
    const [change] = res.body.changes;
    expect(change).toMatchObject({ operation: 'create-node', targetId: nodeId });
    expect(res.body.suggestion.decision!.changeIds).toEqual([change!.id]);

    const again = await post<ErrorResponse>(`/api/suggestions/${person.id}/accept`);
    expect(again.status).toBe(409);

    const revert = await post<WriteResponse<unknown>>(`/api/changes/${enc(change!.id)}/revert`);
    expect(revert.status, JSON.stringify(revert.body)).toBe(200);
    expect((await app.get(`/api/nodes/${enc(nodeId)}`)).status).toBe(404);
  });

  it('accepting a relationship accepts its candidate ends first and quotes its sentence', async () => {
    const out = await addArticle(app, c, cur());
    const chaired = out.suggestions.find(
      (s) => s.kind === 'relationship' && s.from?.kind === 'candidate' && s.from.name === 'Byron Camilleri',
    )!;
    const res = await post<SuggestionDecisionResponse>(`/api/suggestions/${chaired.id}/accept`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    for (const ch of res.body.changes) c.nodes.add(ch.targetId);
    expect(res.body.alsoAccepted.length).toBeGreaterThanOrEqual(1);
    const edgeId = res.body.suggestion.decision!.resultId!;
    const [from, type] = edgeId.split('|');
    expect(type).toBe(chaired.type);
    const edges = (
      await app.get<{ nodes: unknown[]; edges: { id: string; evidence?: { quote: string }[] }[] }>(
        `/api/nodes/${enc(from!)}/neighbours`,
      )
    ).body.edges;
    const edge = edges.find((e) => e.id === edgeId)!;
    expect(edge.evidence!.map((e) => e.quote)).toContain(chaired.quote);
    expect(res.body.suggestion.from).toMatchObject({ kind: 'candidate', state: 'accepted', nodeId: from });
    expect(res.body.changes.map((x) => x.operation)).toEqual([
      ...res.body.alsoAccepted.map(() => 'create-node'),
      'create-edge',
    ]);
  });

  it('rejecting records who and why and writes nothing to the graph', async () => {
    const out = await addArticle(app, c, cur());
    const gov = byName(out.suggestions, 'Government of Malta')!;
    const res = await post<SuggestionDecisionResponse>(`/api/suggestions/${gov.id}/reject`, {
      note: 'Not an actor here.',
    });
    expect(res.status).toBe(200);
    expect(res.body.changes).toEqual([]);
    expect(res.body.suggestion).toMatchObject({
      state: 'rejected',
      decision: { by: c.as.curator.username, note: 'Not an actor here.', resultId: null },
    });
    expect((await list(out.result!.id)).counts.rejected).toBe(1);
    // A relationship that needs the rejected candidate as an end is refused, naming that end.
    const hosted = out.suggestions.find(
      (s) => s.kind === 'relationship' && s.from?.kind === 'candidate' && s.from.suggestionId === gov.id,
    );
    expect(hosted, 'a relationship from the rejected candidate').toBeDefined();
    const r = await post<ErrorResponse>(`/api/suggestions/${hosted!.id}/accept`);
    expect(r.status).toBe(422);
    expect(r.body.error.field).toBe('from');
  });

  it('linking a candidate to an existing node offers likely matches and adds its name as an alias with its quote', async () => {
    const existing = await c.country(`Maritime Crime Unity ${suffix()}`);
    const out = await addArticle(app, c, cur());
    const mcu = byName(out.suggestions, 'Maritime Crime Unit')!;
    const listed = (await list(out.result!.id)).suggestions.find((s) => s.id === mcu.id)!;
    expect(listed.matches.map((m) => m.nodeId)).toContain(existing.id);
    const bad = await post<ErrorResponse>(`/api/suggestions/${mcu.id}/link`, {
      nodeId: 'country:nowhere-at-all',
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error.field).toBe('nodeId');
    const res = await post<SuggestionDecisionResponse>(`/api/suggestions/${mcu.id}/link`, {
      nodeId: existing.id,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.suggestion).toMatchObject({ state: 'linked', decision: { resultId: existing.id } });
    const node = (await app.get<NodeResponse>(`/api/nodes/${enc(existing.id)}`)).body.node;
    expect(node.properties.aliases).toEqual(expect.arrayContaining(['Maritime Crime Unit', 'MCU']));
    expect(node.evidence!.map((e) => e.quote)).toContain(mcu.quote);
    // Relationships of the candidate now end at the linked node.
    const rel = (await list(out.result!.id, '?kind=relationship')).suggestions.find(
      (s) => s.from?.kind === 'candidate' && s.from.suggestionId === mcu.id,
    );
    expect(rel, 'a relationship from the linked candidate').toBeDefined();
    expect(rel!.from).toMatchObject({ state: 'linked', nodeId: existing.id });
  });

  it('accept with edits uses them; edits that do not fit the kind are a 422 naming them', async () => {
    const out = await addArticle(app, c, cur());
    const forum = out.suggestions.find((s) => s.kind === 'node' && s.label === 'Forum')!;
    const wrong = await post<ErrorResponse>(`/api/suggestions/${forum.id}/accept`, { type: 'LEADS' });
    expect(wrong.status).toBe(422);
    expect(wrong.body.error.field).toBe('type');
    const unknown = await post<ErrorResponse>(`/api/suggestions/${forum.id}/accept`, { colour: 'red' });
    expect(unknown.status).toBe(400);
    const name = `Edited forum ${suffix()}`;
    const res = await post<SuggestionDecisionResponse>(`/api/suggestions/${forum.id}/accept`, {
      name,
      aliases: ['EF'],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    c.nodes.add(res.body.suggestion.decision!.resultId!);
    const node = (await app.get<NodeResponse>(`/api/nodes/${enc(res.body.suggestion.decision!.resultId!)}`))
      .body.node;
    expect(node).toMatchObject({ name, properties: { aliases: ['EF'] } });
  });

  it('accepts all pending suggestions of a kind, leaving those below the threshold, and the decisions survive a restart', async () => {
    const out = await addArticle(app, c, cur());
    const nodes = out.suggestions.filter((s) => s.kind === 'node');
    const cut = 0.7;
    const res = await post<AcceptAllResponse>(`/api/sources/${enc(out.result!.id)}/suggestions/accept`, {
      kind: 'node',
      minScore: cut,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    for (const a of res.body.accepted) c.nodes.add(a.resultId!);
    expect(res.body.accepted.map((a) => a.id).sort()).toEqual(
      nodes
        .filter((s) => s.score >= cut)
        .map((s) => s.id)
        .sort(),
    );
    expect(res.body.skipped.length).toBe(nodes.filter((s) => s.score < cut).length);
    const bad = await post<ErrorResponse>(`/api/sources/${enc(out.result!.id)}/suggestions/accept`, {
      kind: 'edge',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('kind');

    // A new app on a new driver (a restarted server) sees the same decisions.
    const other = await startTestApp();
    try {
      const again = await other.send<SuggestionListResponse>(
        'GET',
        `/api/sources/${enc(out.result!.id)}/suggestions`,
        undefined,
        cur(),
      );
      expect(again.body.counts.accepted).toBe(res.body.accepted.length);
      const status = await other.send<ExtractionStatus>(
        'GET',
        `/api/sources/${enc(out.result!.id)}/extraction`,
        undefined,
        cur(),
      );
      expect(status.body.state).toBe('done');
      const rerun = await other.send<ErrorResponse>(
        'POST',
        `/api/sources/${enc(out.result!.id)}/extraction`,
        undefined,
        cur(),
      );
      expect(rerun.status).toBe(409);
    } finally {
      await other.close();
    }
  });

  it('accepting a possible dispute keeps both claims and marks both disputed, each change revertible', async () => {
    const jane = await app.send<WriteResponse<{ id: string }>>(
      'POST',
      '/api/nodes',
      { label: 'Person', name: `Jane Roe ${suffix()}`, evidence: [{ sourceId: SOURCE_ID, quote: c.quote }] },
      cur(),
    );
    expect(jane.status, JSON.stringify(jane.body)).toBe(201);
    c.nodes.add(jane.body.result!.id);
    const claim = await post<WriteResponse<{ id: string }>>('/api/edges', {
      type: 'HOLDS_OFFICE',
      source: jane.body.result!.id,
      target: 'country:uk',
      properties: { title: 'Home Secretary' },
      evidence: [{ sourceId: SOURCE_ID, quote: c.quote }],
    });
    expect(claim.status, JSON.stringify(claim.body)).toBe(201);
    const out = await addArticle(
      app,
      c,
      cur(),
      `Intro line ${suffix()}\nUK Home Secretary John Doe will visit Paris.`,
    );
    const s = out.suggestions.find((x) => x.type === 'HOLDS_OFFICE' && x.disputed)!;
    expect(s, JSON.stringify(out.suggestions.map((x) => [x.type, x.disputed]))).toBeDefined();
    expect(s.disputeNote).toContain('Jane Roe');
    const res = await post<SuggestionDecisionResponse>(`/api/suggestions/${s.id}/accept`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    for (const ch of res.body.changes) if (ch.targetKind === 'node') c.nodes.add(ch.targetId);
    const edgeChanges = res.body.changes.filter((x) => x.targetKind === 'edge');
    expect(edgeChanges.map((x) => x.operation).sort()).toEqual(
      expect.arrayContaining(['create-edge', 'update-edge']),
    );
    const marked = edgeChanges.find((x) => x.targetId === claim.body.result!.id)!;
    expect(marked.operation).toBe('update-edge');
    const uk = (
      await app.get<{ edges: { id: string; properties: Record<string, unknown> }[] }>(
        '/api/nodes/country%3Auk/neighbours?relTypes=HOLDS_OFFICE&limit=200',
      )
    ).body.edges;
    for (const id of [claim.body.result!.id, res.body.suggestion.decision!.resultId!])
      expect(uk.find((e) => e.id === id)?.properties.disputed, id).toBe(true);
    // Undo in reverse order: the graph is as before the decision.
    for (const ch of [...res.body.changes].reverse())
      expect((await post(`/api/changes/${enc(ch.id)}/revert`)).status).toBe(200);
    const after = (
      await app.get<{ edges: { id: string; properties: Record<string, unknown> }[] }>(
        '/api/nodes/country%3Auk/neighbours?relTypes=HOLDS_OFFICE&limit=200',
      )
    ).body.edges;
    expect(after.find((e) => e.id === claim.body.result!.id)?.properties.disputed).toBeUndefined();
    expect(after.find((e) => e.id === res.body.suggestion.decision!.resultId)).toBeUndefined();
  });

  it('a viewer may not read or decide suggestions; unknown ids are 404', async () => {
    const out = await addArticle(app, c, cur());
    const id = out.suggestions[0]!.id;
    const v = c.as.viewer.headers;
    expect(
      (await app.send('GET', `/api/sources/${enc(out.result!.id)}/suggestions`, undefined, v)).status,
    ).toBe(403);
    expect((await app.send('POST', `/api/suggestions/${id}/accept`, undefined, v)).status).toBe(403);
    expect((await post(`/api/suggestions/sug-none/accept`)).status).toBe(404);
    expect((await list(out.result!.id)).counts.pending).toBe(out.suggestions.length);
  });

  it('runs the extraction of a source stored before ingest on request', async () => {
    const sourceId = 'source:000-noem-five-country-ministerial';
    const before = await app.send<ExtractionStatus>(
      'GET',
      `/api/sources/${enc(sourceId)}/extraction`,
      undefined,
      cur(),
    );
    expect(before.body.state).toBe('none');
    const started = await post<ExtractionStatus>(`/api/sources/${enc(sourceId)}/extraction`);
    expect(started.status).toBe(202);
    expect(started.body.state).toBe('running');
    let status = started.body;
    for (let i = 0; i < 100 && status.state !== 'done'; i++) {
      await new Promise((r) => setTimeout(r, 200));
      status = (
        await app.send<ExtractionStatus>('GET', `/api/sources/${enc(sourceId)}/extraction`, undefined, cur())
      ).body;
    }
    expect(status.state).toBe('done');
    const text = (await app.get<SourceResponse>(`/api/sources/${enc(sourceId)}`)).body.source.text;
    const got = await list(sourceId);
    expect(got.suggestions.length).toBeGreaterThan(0);
    for (const s of got.suggestions) expect(text.slice(s.start, s.end)).toBe(s.quote);
    await dropIngestState(app, [sourceId]);
  });
});
