// sendJson answers exactly as res.json does: same body bytes, Content-Type, Content-Length and ETag, 304, HEAD.
import type { AddressInfo } from 'node:net';
import { request, type Server } from 'node:http';
import express, { type Request, type Response } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { weakEtag } from '../../server/src/etag.js';
import { sendJson } from '../../server/src/routes/json-reply.js';

const BODIES: Record<string, unknown> = {
  small: { status: 'ok', neo4j: { connected: true, version: '5.26.30' } },
  unicode: { node: { id: 'actor:g-1', name: 'Ørsted – “Zürich” 🌍', properties: { n: 1.5, k: null } } },
  list: [1, 'two', { three: [3] }],
  large: { nodes: Array.from({ length: 3000 }, (_, i) => ({ id: `n${i}`, degree: i, label: 'é' })) },
  status201: { created: true },
};

let server: Server;
let base = '';

beforeAll(async () => {
  const app = express();
  app.set('etag', weakEtag);
  const answer =
    (send: (req: Request, res: Response, out: unknown) => void) => (req: Request, res: Response) => {
      const name = String(req.params.name);
      if (name === 'status201') res.status(201);
      send(req, res, BODIES[name]);
    };
  app.get(
    '/json/:name',
    answer((_req, res, out) => res.json(out)),
  );
  app.get('/fast/:name', answer(sendJson));
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/**
 * The parts of an answer that res.json decides (Date and Connection come from Node). node:http, not fetch: fetch
 * adds `Cache-Control: no-cache` to a conditional request, which makes Express answer 200 whatever the ETag.
 */
function answerOf(path: string, init: { method?: string; headers?: Record<string, string> } = {}) {
  return new Promise<{ status: number; body: string; type: unknown; length: unknown; etag: unknown }>(
    (resolve, reject) => {
      request(base + path, init, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () =>
          resolve({
            status: res.statusCode!,
            body,
            type: res.headers['content-type'] ?? null,
            length: res.headers['content-length'] ?? null,
            etag: res.headers.etag ?? null,
          }),
        );
      })
        .on('error', reject)
        .end();
    },
  );
}

describe('sendJson', () => {
  it('sends the body, Content-Type, Content-Length and ETag res.json sends', async () => {
    for (const name of Object.keys(BODIES)) {
      const fast = await answerOf(`/fast/${name}`);
      expect(fast).toEqual(await answerOf(`/json/${name}`));
      expect(JSON.parse(fast.body)).toEqual(BODIES[name]);
      expect(fast.etag).toMatch(/^W\/"/);
    }
  });

  it('answers 304 without a body to a matching If-None-Match, and 200 to a stale one, as res.json does', async () => {
    const { etag } = await answerOf('/fast/unicode');
    for (const prefix of ['/fast', '/json']) {
      const fresh = await answerOf(`${prefix}/unicode`, { headers: { 'if-none-match': String(etag) } });
      expect(fresh).toMatchObject({ status: 304, body: '', type: null });
      const stale = await answerOf(`${prefix}/unicode`, { headers: { 'if-none-match': 'W/"1-x"' } });
      expect(stale.status).toBe(200);
      expect(JSON.parse(stale.body)).toEqual(BODIES.unicode);
    }
  });

  it('sends the headers without a body to HEAD', async () => {
    const fast = await answerOf('/fast/large', { method: 'HEAD' });
    expect(fast).toEqual(await answerOf('/json/large', { method: 'HEAD' }));
    expect(fast.body).toBe('');
    expect(Number(fast.length)).toBe(Buffer.byteLength(JSON.stringify(BODIES.large)));
  });
});
