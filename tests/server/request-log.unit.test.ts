// The "request completed" line (request-log.ts): written once per /api answer, and also for a caller who hung up
// before the line's listeners were added (the read lane adds them while the query runs).
import { createServer, get, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import type { Logger } from '../../server/src/logger.js';
import { startRequest } from '../../server/src/request-log.js';

/** Serves one request with `handle`, from a client that hangs up once its request is sent if `hangUp`. */
async function oneRequest(
  handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>,
  hangUp: boolean,
): Promise<void> {
  let served!: Promise<void>;
  const server = createServer((req, res) => {
    served = handle(req, res);
  });
  await new Promise<void>((res) => server.listen(0, '127.0.0.1', res));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((done) => {
    const req = get(`http://127.0.0.1:${port}/api/search?q=x`, (r) => {
      r.resume();
      r.on('end', done);
    });
    req.on('error', () => done());
    if (hangUp) req.on('finish', () => setTimeout(() => req.destroy(), 20));
  });
  await new Promise((r) => setTimeout(r, 50));
  await served;
  await new Promise<void>((res) => server.close(() => res()));
}

function capture(): { lines: Record<string, unknown>[]; logger: Logger } {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString().split('\n')) if (line) lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, logger: pino({ level: 'info' }, sink) };
}

describe('request log line', () => {
  it('is written once for an answered request', async () => {
    const { lines, logger } = capture();
    await oneRequest(async (req, res) => {
      startRequest(req, res, logger, () => logger);
      res.end('{}');
    }, false);
    expect(lines.filter((l) => l['msg'] === 'request completed')).toHaveLength(1);
  });

  it('is written for a caller who hung up before the line was asked for', async () => {
    const { lines, logger } = capture();
    await oneRequest(async (req, res) => {
      // As the read lane does while Neo4j works: the request id and the line come after the caller left.
      await new Promise((r) => res.once('close', r));
      expect(res.closed).toBe(true);
      startRequest(req, res, logger, () => logger);
    }, true);
    expect(lines.filter((l) => l['msg'] === 'request completed')).toHaveLength(1);
  });
});
