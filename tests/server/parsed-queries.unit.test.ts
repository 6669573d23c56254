// A request's query is parsed once per endpoint and query string (routes/validate.ts): later requests that send the
// same string reuse the frozen result without reading their query again; failures, other endpoints, requests
// without their query string and strings past the size or count limits are parsed each time.
import { parse } from 'node:querystring';
import { describe, expect, it } from 'vitest';
import { RELATIONSHIP_TYPE_NAMES } from '../../model/index.js';
import { ValidationError } from '../../server/src/errors.js';
import { PARSED_QUERIES, parseRequest, queryString } from '../../server/src/routes/validate.js';

const NEIGHBOURS = 'GET /nodes/:id/neighbours';

/** A request whose query string is `raw`, saying whether its parsed form (`req.query`) was read. */
function request(raw: string, id = 'country:uk') {
  const seen = { read: false };
  const req = {
    params: { id },
    get query() {
      seen.read = true;
      return parse(raw);
    },
  };
  return { req, seen };
}

/** A query string no other test file sends (the cache is shared by the unit files of one run). */
const fresh = (extra = ''): string =>
  `limit=${1 + Math.floor(Math.random() * 199)}&skip=${Date.now() % 1e6}${extra}`;

describe('parsed queries', () => {
  it('parses a query string once per endpoint: the next request with it reuses the frozen result', () => {
    const type = RELATIONSHIP_TYPE_NAMES[0]!;
    const raw = fresh(`&relTypes=${type}`);
    const first = request(raw);
    const a = parseRequest(NEIGHBOURS, first.req, raw);
    expect(first.seen.read).toBe(true);
    expect(a.query).toMatchObject({ relTypes: [type], limit: Number(parse(raw).limit) });
    expect(Object.isFrozen(a.query)).toBe(true);
    expect(Object.isFrozen(a.query.relTypes)).toBe(true);
    expect(() => (a.query.relTypes as string[]).push(type)).toThrow(TypeError);

    const second = request(raw, 'country:fr');
    const b = parseRequest(NEIGHBOURS, second.req, raw);
    expect(second.seen.read).toBe(false);
    expect(b.query).toBe(a.query);
    // The path parameters are the request's own, parsed each time.
    expect(b.params).toEqual({ id: 'country:fr' });
    expect(() => parseRequest(NEIGHBOURS, request(raw, '').req, raw)).toThrow(ValidationError);
  });

  it('keeps each endpoint apart, and parses every time without the query string or past the size limit', () => {
    const raw = `limit=${100 + (Date.now() % 400)}`;
    const neighbours = parseRequest(NEIGHBOURS, request(raw).req, raw);
    const other = request(raw);
    const twoHop = parseRequest('GET /nodes/:id/neighbourhood', other.req, raw);
    expect(other.seen.read).toBe(true);
    expect(twoHop.query).not.toBe(neighbours.query);

    for (let i = 0; i < 2; i++) {
      const unkept = request(raw);
      parseRequest(NEIGHBOURS, unkept.req);
      expect(unkept.seen.read).toBe(true);
    }

    // A threat of 180 characters written as escapes: valid, but its query string is past the size limit.
    const long = `${fresh()}&threat=${'%78'.repeat(180)}`;
    expect(long.length).toBeGreaterThan(PARSED_QUERIES.maxLength);
    for (let i = 0; i < 2; i++) {
      const big = request(long);
      parseRequest(NEIGHBOURS, big.req, long);
      expect(big.seen.read).toBe(true);
    }
  });

  it('never keeps a failure: each request with a bad query gets its error again', () => {
    const raw = `limit=0&skip=${Date.now() % 1e6}`;
    for (let i = 0; i < 2; i++) {
      const bad = request(raw);
      expect(() => parseRequest(NEIGHBOURS, bad.req, raw)).toThrow(/Invalid `limit`/);
      expect(bad.seen.read).toBe(true);
    }
    const repeated = 'limit=1&limit=2';
    for (let i = 0; i < 2; i++)
      expect(() =>
        parseRequest(NEIGHBOURS, { params: { id: 'a' }, query: parse(repeated) }, repeated),
      ).toThrow(/expected a single value/);
  });

  it('keeps at most PARSED_QUERIES.max strings, dropping the oldest first', () => {
    const first = fresh('&direction=out');
    const kept = parseRequest(NEIGHBOURS, request(first).req, first);
    for (let i = 0; i < PARSED_QUERIES.max; i++) {
      const raw = `limit=${1 + (i % 100)}&skip=${i}&threat=t${Date.now()}`;
      parseRequest(NEIGHBOURS, request(raw).req, raw);
    }
    const again = request(first);
    const reparsed = parseRequest(NEIGHBOURS, again.req, first);
    expect(again.seen.read).toBe(true);
    expect(reparsed.query).not.toBe(kept.query);
    expect(reparsed.query).toEqual(kept.query);
  });

  it('reads no query for a request without a query string, and refuses one sent to an endpoint that takes none', () => {
    const none = request('');
    expect(parseRequest('GET /nodes/:id', none.req, '').query).toBeUndefined();
    expect(none.seen.read).toBe(false);
    const sent = request('limit=5');
    expect(() => parseRequest('GET /nodes/:id', sent.req, 'limit=5')).toThrow(
      'unknown query key `limit`; this endpoint takes no query',
    );
    expect(sent.seen.read).toBe(true);
    // An endpoint with a query parses the empty string to its defaults, as it does any other.
    expect(parseRequest(NEIGHBOURS, request('').req, '').query).toMatchObject({ limit: 50, skip: 0 });
  });

  it('reads the query string as Express does: what follows the first "?"', () => {
    expect(queryString('/api/nodes/a/neighbours?limit=5&skip=1')).toBe('limit=5&skip=1');
    expect(queryString('/api/nodes/a?b/neighbours?limit=5')).toBe('b/neighbours?limit=5');
    expect(queryString('/api/nodes/a/neighbours')).toBe('');
    expect(queryString('/api/nodes/a/neighbours?')).toBe('');
    // Where Express's URL parser reads the URL by url.parse (a fragment, white space, not a path): nothing kept.
    for (const url of [
      '/api/search?q=a#b',
      '/api/search?q=a b',
      '/api/search?q=a\u00a0',
      'http://h/api/search?q=a',
    ])
      expect(queryString(url)).toBeUndefined();
  });
});
