// The built client as a browser gets it, read over real HTTP from the app: every file index.html loads comes as the
// build's brotli (or gzip) twin, hashed files cached for a year as immutable, index.html and app-shell paths revalidated.
import { request } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../setup/test-app.js';

/** The real build (`npm test` runs vite build first; the browser tests read the same directory). */
const CLIENT = join(fileURLToPath(new URL('../..', import.meta.url)), 'dist/client');
const IMMUTABLE = 'public, max-age=31536000, immutable';

let app: TestApp;
/** Every file the built index.html loads at first visit (script, module preloads, stylesheet). */
let assets: string[];

beforeAll(async () => {
  if (!existsSync(join(CLIENT, 'index.html')))
    throw new Error(`no built client in ${CLIENT}: run npm run build`);
  const html = readFileSync(join(CLIENT, 'index.html'), 'utf8');
  assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]!);
  app = await startTestApp({ clientDir: CLIENT });
});
afterAll(async () => {
  await app.close();
});

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** The bytes as sent, still encoded. */
  body: Buffer;
}

/** One GET; the body is kept as sent (fetch would decode it and hide what went over the wire). */
function get(path: string, headers: Record<string, string> = {}): Promise<Raw> {
  const { hostname, port } = new URL(app.baseUrl);
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

/** The body decoded as its Content-Encoding says. */
function decoded(r: Raw): Buffer {
  const enc = r.headers['content-encoding'];
  if (enc === 'br') return brotliDecompressSync(r.body);
  if (enc === 'gzip') return gunzipSync(r.body);
  return r.body;
}

describe('static client: compression and caching', () => {
  it('finds the hashed script, preloads and stylesheet in the built index.html', () => {
    expect(assets.some((a) => /\/index-[\w-]{8}\.js$/.test(a))).toBe(true);
    expect(assets.some((a) => a.endsWith('.css'))).toBe(true);
    expect(assets.length).toBeGreaterThanOrEqual(3);
  });

  it('sends each first-load file as brotli, cached for a year as immutable, a third or less of its size', async () => {
    for (const path of assets) {
      const onDisk = readFileSync(join(CLIENT, path));
      const r = await get(path, { 'accept-encoding': 'gzip, deflate, br' });
      expect(r.status, path).toBe(200);
      expect(r.headers['content-encoding'], path).toBe('br');
      expect(r.headers['cache-control'], path).toBe(IMMUTABLE);
      expect(r.headers['vary'], path).toMatch(/Accept-Encoding/i);
      expect(r.headers['content-type'], path).toMatch(path.endsWith('.css') ? /^text\/css/ : /javascript/);
      expect(decoded(r).equals(onDisk), path).toBe(true);
      expect(r.body.length, path).toBeLessThan(onDisk.length / 3);
    }
  });

  it('sends gzip to a browser without brotli, and the plain file to one that accepts neither', async () => {
    for (const path of assets) {
      const onDisk = readFileSync(join(CLIENT, path));
      const gz = await get(path, { 'accept-encoding': 'gzip' });
      expect(gz.headers['content-encoding'], path).toBe('gzip');
      expect(decoded(gz).equals(onDisk), path).toBe(true);
      const plain = await get(path, { 'accept-encoding': 'identity' });
      expect(plain.headers['content-encoding'], path).toBeUndefined();
      expect(plain.body.equals(onDisk), path).toBe(true);
      expect(plain.headers['cache-control'], path).toBe(IMMUTABLE);
    }
  });

  it('revalidates index.html (no-cache, a 304 when unchanged) and sends it compressed', async () => {
    const r = await get('/', { 'accept-encoding': 'br' });
    expect(r.status).toBe(200);
    expect(r.headers['cache-control']).toBe('no-cache');
    expect(r.headers['content-encoding']).toBe('br');
    expect(r.headers['content-type']).toMatch(/^text\/html/);
    expect(decoded(r).equals(readFileSync(join(CLIENT, 'index.html')))).toBe(true);
    const etag = r.headers['etag'];
    expect(typeof etag).toBe('string');
    const again = await get('/', { 'accept-encoding': 'br', 'if-none-match': String(etag) });
    expect(again.status).toBe(304);
  });

  it('revalidates the app shell served for a client-side path', async () => {
    const r = await get('/workspaces/some-workspace');
    expect(r.status).toBe(200);
    expect(r.headers['cache-control']).toBe('no-cache');
    expect(r.body.toString()).toContain(assets[0]!);
  });
});
