// Turns an endpoint description into an arbitrary of raw HTTP requests: path ids, query strings, headers and body text.
import fc from 'fast-check';
import type { Draft, Endpoint, FuzzContext } from './fuzz-endpoints.js';
import { contentType, deepJson, encodeText, jsonValue, malformedBody, urlValue } from './fuzz-values.js';
import type { ProbeHeaders, ProbeRequest } from './probe.js';

/** `?version=` values that never name a stored version (a DELETE with an empty body reads it). */
const BAD_VERSION_TEXT = ['0', '-1', '1000000000', 'abc', '1.5', '', '99999999999999999999', '%00'];
/** Writes that must never succeed under fuzzing (their bodies carry a poison, or their ids are random). */
export const isWrite = (e: Endpoint): boolean =>
  e.method !== 'GET' && !['/cypher', '/export', '/auth/login', '/auth/logout'].includes(e.path);

function realIds(e: Endpoint, ctx: FuzzContext): string[] {
  if (e.path.startsWith('/edges')) return ctx.edgeIds;
  if (e.path.startsWith('/sources')) return ctx.sourceIds;
  return ctx.nodeIds;
}

/** The path with its id filled in: a real id (encoded), hostile text, or raw bytes. */
function pathArb(e: Endpoint, ctx: FuzzContext): fc.Arbitrary<{ path: string; id: string }> {
  if (!/:(id|username)/.test(e.path)) return fc.constant({ path: e.path, id: '' });
  const real = realIds(e, ctx);
  const id =
    e.ids === 'real' && real.length ? fc.oneof(fc.constantFrom(...real).map(encodeText), urlValue) : urlValue;
  // An empty segment would route elsewhere (e.g. DELETE /nodes/ is no route): that is fine, it is still a request.
  return id.map((raw) => ({ path: e.path.replace(/:(id|username)/, raw), id: raw }));
}

/** A query string of known keys (hostile values), sometimes an unknown key or a repeated one. */
function queryArb(e: Endpoint): fc.Arbitrary<string> {
  const keys = e.query ?? [];
  const value = (k: string) => (k === 'version' ? fc.constantFrom(...BAD_VERSION_TEXT) : urlValue);
  const known = keys.length
    ? fc.subarray(keys).chain((ks) => fc.tuple(...ks.map((k) => value(k).map((v) => `${k}=${v}`))))
    : fc.constant([] as string[]);
  return fc
    .tuple(
      known,
      fc.option(fc.tuple(urlValue, urlValue).map(([k, v]) => `${k || 'x'}=${v}`)),
      fc.option(fc.constantFrom(...(keys.length ? keys : ['q'])).map((k) => `${k}=1&${k}=2`)),
    )
    .map(([kv, extra, dup]) => {
      const parts = [...kv, ...(extra ? [extra] : []), ...(dup ? [dup] : [])];
      return parts.length ? `?${parts.join('&')}` : '';
    });
}

/** Auth headers: the role the route needs (mostly), nobody, a forged token or a stray cookie. Logout never carries a real session. */
function headersArb(e: Endpoint, h: ProbeHeaders): fc.Arbitrary<Record<string, string>> {
  const forged = fc.constantFrom<Record<string, string>>(
    { Authorization: 'Bearer forged' },
    { Authorization: 'Bearer ' },
    { Authorization: 'Basic YTpi' },
    { Cookie: 'sid=forged' },
    { Cookie: 'sid=' },
    {},
  );
  if (e.path === '/auth/logout') return forged;
  const own = e.as === 'admin' ? h.admin : e.as === 'curator' ? h.curator : {};
  return fc.oneof(
    { weight: 6, arbitrary: fc.constant(own) },
    { weight: 1, arbitrary: forged },
    { weight: 1, arbitrary: fc.constant(h.curator) },
  );
}

/** Sets `path` (dot-separated) in `obj` to a placeholder that the raw text will replace with a deep value. */
const DEEP_MARK = '"__fz_deep__"';
function plant(obj: Record<string, unknown>, path: string): void {
  const keys = path.split('.');
  let at: Record<string, unknown> = obj;
  for (const k of keys.slice(0, -1)) {
    if (!at[k] || typeof at[k] !== 'object' || Array.isArray(at[k])) at[k] = {};
    at = at[k] as Record<string, unknown>;
  }
  at[keys[keys.length - 1]!] = '__fz_deep__';
}

/** JSON text with, for some keys, an earlier duplicate carrying another value (JSON.parse keeps the last, so the poison stays). */
function withDuplicates(json: string, dupes: [string, unknown][]): string {
  if (!json.startsWith('{') || json === '{}' || !dupes.length) return json;
  return `{${dupes.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v) ?? 'null'}`).join(',')},${json.slice(1)}`;
}

/** The body text: a poisoned write, a free body, or something that is not a valid body at all. */
function bodyArb(e: Endpoint, ctx: FuzzContext): fc.Arbitrary<(id: string) => { text?: string; id: string }> {
  const objects: fc.Arbitrary<(id: string) => Draft>[] = [];
  if (e.write) {
    const w = e.write;
    objects.push(
      fc
        .tuple(w.fields(ctx), fc.array(fc.oneof(...w.poisons(ctx)), { minLength: 1, maxLength: 2 }))
        .map(([fields, poisons]) => (id: string) => {
          const d: Draft = { body: structuredClone(fields), id };
          for (const k of Object.keys(d.body)) if (d.body[k] === undefined) delete d.body[k];
          for (const p of poisons) p(d);
          return d;
        }),
    );
  }
  if (e.freeBody)
    objects.push(
      e
        .freeBody()
        .map((b) => (id: string) => ({ body: JSON.parse(JSON.stringify(b)) as Record<string, unknown>, id })),
    );
  const structured = objects.length
    ? fc
        .tuple(
          fc.oneof(...objects),
          fc.oneof(
            { weight: 6, arbitrary: fc.constant(null) },
            { weight: 1, arbitrary: fc.constantFrom(...(e.deep ?? ['x'])) },
          ),
          deepJson,
          fc.array(
            fc.tuple(
              fc.constantFrom(
                'name',
                'version',
                'query',
                'label',
                'format',
                'scene',
                'type',
                'evidence',
                'username',
              ),
              jsonValue,
            ),
            { maxLength: 2 },
          ),
        )
        .map(([make, deepAt, deep, dupes]) => (id: string) => {
          const d = make(id);
          // Only top-level keys the poison did not set get a duplicate, placed first: the poisoned value still wins.
          const safeDupes = dupes.filter(([k]) => k in d.body);
          if (deepAt && e.deep) plant(d.body, deepAt);
          const text = withDuplicates(JSON.stringify(d.body), safeDupes).replace(DEEP_MARK, deep);
          return { text, id: d.id };
        })
    : fc.constant((id: string) => ({ text: undefined, id }));
  // A bodiless request, or text that is not a valid body: poisons are not needed (every write needs a valid object).
  const invalid = fc
    .oneof(
      malformedBody,
      jsonValue
        .filter((v) => typeof v !== 'object' || v === null || Array.isArray(v))
        .map((v) => JSON.stringify(v) ?? 'null'),
    )
    .map((text) => (id: string) => ({ text, id }));
  return fc.oneof(
    { weight: 8, arbitrary: structured },
    { weight: 1, arbitrary: invalid },
    { weight: 1, arbitrary: fc.constant((id: string) => ({ text: undefined, id })) },
  );
}

/** One fuzzed request to `e`. */
export function requestArb(e: Endpoint, ctx: FuzzContext, h: ProbeHeaders): fc.Arbitrary<ProbeRequest> {
  const encoding = fc.oneof(
    { weight: 12, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: fc.constantFrom('gzip', 'deflate', 'br', 'identity', 'x-evil', 'gzip, gzip') },
  );
  return fc
    .tuple(pathArb(e, ctx), queryArb(e), headersArb(e, h), bodyArb(e, ctx), contentType, encoding)
    .map(([{ path, id }, query, headers, body, type, enc]) => {
      const { text } = body(id);
      const all: Record<string, string> = { ...headers };
      if (text !== undefined && type !== undefined) all['content-type'] = type;
      // A body that claims a compression it does not have.
      if (text !== undefined && enc !== undefined) all['content-encoding'] = enc;
      return {
        method: e.method,
        path: `/api${path}${query}`,
        headers: all,
        body: e.method === 'GET' ? undefined : text,
      };
    });
}
