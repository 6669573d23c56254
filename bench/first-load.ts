// `npx tsx bench/first-load.ts`: bytes a first visit transfers for the built client (dist/client, run `npm run build`
// first), served as main served it (express.static, no compression) and as staticClient serves it now (the build's
// brotli/gzip twins), both in one run in Chromium. /api is refused (static bytes only). Writes bench/results/<date>-first-load.json and .md.
// FIRST_LOAD_CLIENT=<dir> measures another build (e.g. main's, to compare); FIRST_LOAD_LABEL=<name> suffixes the results' names.
// A worker's script (whose body size the page's network events miss) is counted from the server's side.
import express, { type Express } from 'express';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { staticClient } from '../server/src/static-client.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLIENT = process.env['FIRST_LOAD_CLIENT']
  ? resolve(process.env['FIRST_LOAD_CLIENT'])
  : join(ROOT, 'dist/client');
const LABEL = process.env['FIRST_LOAD_LABEL'] ? `-${process.env['FIRST_LOAD_LABEL']}` : '';

/** One response of the first load. */
interface Transfer {
  path: string;
  status: number;
  encoding: string;
  cacheControl: string;
  /** Body bytes on the wire (compressed when encoded). */
  body: number;
  /** Header bytes on the wire. */
  headers: number;
}

/** How each way of serving was set up. */
const SERVERS: Record<'before' | 'after', () => Express> = {
  // main before this change: express.static with a one-hour max-age, no compression.
  before: () =>
    express().use(express.static(CLIENT, { index: 'index.html', maxAge: '1h', dotfiles: 'ignore' })),
  after: () => {
    const client = staticClient(CLIENT);
    if (!client) throw new Error(`no built client in ${CLIENT}: run npm run build`);
    return express().use(client);
  },
};

async function firstLoad(browser: Browser, app: Express): Promise<Transfer[]> {
  const served: Transfer[] = [];
  const outer = express()
    .use((req, res, next) => {
      res.on('finish', () =>
        served.push({
          // originalUrl: the static middleware rewrites req.url to the .br or .gz twin it sends.
          path: new URL(req.originalUrl, 'http://x').pathname,
          status: res.statusCode,
          encoding: String(res.getHeader('content-encoding') ?? 'identity'),
          cacheControl: String(res.getHeader('cache-control') ?? ''),
          body: Number(res.getHeader('content-length') ?? 0),
          headers: 0,
        }),
      );
      next();
    })
    .use(app);
  const server = outer.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.route('**/api/**', (route) => route.abort());
  const seen: Promise<Transfer>[] = [];
  page.on('requestfinished', (req) => {
    seen.push(
      (async () => {
        const res = await req.response();
        const sizes = await req.sizes();
        const headers = (await res?.allHeaders()) ?? {};
        return {
          path: new URL(req.url()).pathname,
          status: res?.status() ?? 0,
          encoding: headers['content-encoding'] ?? 'identity',
          cacheControl: headers['cache-control'] ?? '',
          body: sizes.responseBodySize,
          headers: sizes.responseHeadersSize,
        };
      })(),
    );
  });
  await page.goto(`${base}/`, { waitUntil: 'networkidle' });
  const transfers = await Promise.all(seen);
  // A worker's script reaches the page's events with no body size: counted as the server sent it.
  for (const t of transfers) {
    const sent = served.find((x) => x.path === t.path);
    if (t.body === 0 && sent && sent.body > 0)
      Object.assign(t, { body: sent.body, path: `${t.path} (worker)` });
  }
  await context.close();
  await new Promise((resolve) => server.close(resolve));
  return transfers.sort((a, b) => a.path.localeCompare(b.path));
}

const sum = (ts: Transfer[]): number => ts.reduce((n, t) => n + t.body + t.headers, 0);

if (!existsSync(join(CLIENT, 'index.html')))
  throw new Error(`no built client in ${CLIENT}: run npm run build`);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
const before = await firstLoad(browser, SERVERS.before());
const after = await firstLoad(browser, SERVERS.after());
await browser.close();

const stamp = new Date().toISOString().slice(0, 10);
const result = {
  date: new Date().toISOString(),
  totals: { before: sum(before), after: sum(after) },
  before,
  after,
};
const row = (t: Transfer): string =>
  `| ${t.path} | ${t.status} | ${t.encoding} | ${t.body.toLocaleString('en')} | ${t.cacheControl} |`;
const table = (ts: Transfer[]): string =>
  [
    '| path | status | encoding | body bytes | Cache-Control |',
    '|---|---|---|---:|---|',
    ...ts.map(row),
  ].join('\n');
const md = [
  `# First-load bytes of the client${LABEL}, ${result.date}`,
  '',
  `Build measured: ${CLIENT}`,
  '',
  `Static files only (/api refused), Chromium 1280x800, body + header bytes on the wire.`,
  '',
  `- before (express.static, uncompressed): ${result.totals.before.toLocaleString('en')} bytes`,
  `- after (brotli/gzip twins from the build): ${result.totals.after.toLocaleString('en')} bytes`,
  '',
  '## Before',
  '',
  table(before),
  '',
  '## After',
  '',
  table(after),
  '',
].join('\n');
mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
writeFileSync(
  join(ROOT, `bench/results/${stamp}-first-load${LABEL}.json`),
  `${JSON.stringify(result, null, 2)}\n`,
);
writeFileSync(join(ROOT, `bench/results/${stamp}-first-load${LABEL}.md`), md);
process.stdout.write(md);
