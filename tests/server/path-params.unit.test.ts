// Path parameters are checked without zod where that is exact (routes/validate.ts): for every endpoint with path
// parameters the answer (the parsed object, or the error's status, field and message) is the one zod alone gives,
// zod is not run for a parameter that passes, and schemas that do more than check a length are left to zod.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { ENDPOINTS, idParams, type Endpoint, type EndpointKey } from '../../contract/index.js';
import { AppError } from '../../server/src/errors.js';
import {
  checkedParams,
  paramBounds,
  parseInput,
  parseParams,
  parseRequest,
} from '../../server/src/routes/validate.js';

const WITH_PARAMS = (Object.keys(ENDPOINTS) as EndpointKey[]).filter(
  (k) => (ENDPOINTS[k] as Endpoint).params !== undefined,
);

/** What parsing `params` for `key` answers: the parsed object, or the error as the client would see it. */
function outcome(run: () => unknown): unknown {
  try {
    return { ok: run() };
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    return { status: err.status, code: err.code, field: err.field, message: err.message };
  }
}

/** Values around each bound, odd characters, and values that are not single strings. */
function samples(key: string): Record<string, string | string[]>[] {
  const values: (string | string[])[] = [
    '',
    ' ',
    'a',
    'country:uk',
    ' padded ',
    'UPPER_case-1',
    'héllo/€?#',
    '🌍'.repeat(50),
    '🌍'.repeat(51),
    'x'.repeat(99),
    'x'.repeat(100),
    'x'.repeat(101),
    'x'.repeat(200),
    'x'.repeat(201),
    ['a', 'b'],
  ];
  return [...values.map((v) => ({ [key]: v })), {}, { [key]: 'a', other: 'b' }, { other: 'a' }];
}

afterEach(() => vi.restoreAllMocks());

describe('path parameters', () => {
  it('answer exactly as zod does, for every endpoint that takes them', () => {
    expect(WITH_PARAMS.length).toBeGreaterThan(10);
    let checked = 0;
    for (const key of WITH_PARAMS) {
      const schema = (ENDPOINTS[key] as Endpoint).params!;
      const name = Object.keys((schema as z.ZodObject).shape)[0]!;
      for (const params of samples(name)) {
        const viaZod = outcome(() => parseInput(schema, { ...params }, 'params'));
        const viaRoute = outcome(() => parseParams(schema, params));
        expect(viaRoute, `${key} ${JSON.stringify(params)}`).toEqual(viaZod);
        if (checkedParams(schema, params) !== null) checked++;
      }
    }
    // The check served some of them (the ids), zod the rest.
    expect(checked).toBeGreaterThan(WITH_PARAMS.length);
  });

  it('does not run zod for a parameter that passes, and runs it for one that does not', () => {
    const parse = vi.spyOn(idParams, 'safeParse');
    expect(parseRequest('GET /nodes/:id', { params: { id: 'country:uk' }, query: {} }).params).toEqual({
      id: 'country:uk',
    });
    expect(parse).not.toHaveBeenCalled();
    expect(() => parseRequest('GET /nodes/:id', { params: { id: 'x'.repeat(201) }, query: {} })).toThrow(
      'Invalid `id`: expected at most 200 characters.',
    );
    expect(parse).toHaveBeenCalledTimes(1);
  });

  it('reads the bounds from the schema, and leaves to zod any schema that does more than check lengths', () => {
    expect(paramBounds(z.object({ id: z.string().min(2).max(9) }).strict())).toEqual([['id', 2, 9]]);
    expect(paramBounds(z.object({ a: z.string(), b: z.string().max(3) }))).toEqual([
      ['a', 0, Infinity],
      ['b', 0, 3],
    ]);
    for (const field of [
      z.string().trim(),
      z.string().regex(/^a/),
      z.string().refine((s) => s !== 'x'),
      z.string().toLowerCase(),
      z.coerce.string(),
      z.string().optional(),
      z.string().transform((s) => s.length),
      z.enum(['a', 'b']),
      z.number(),
    ]) {
      expect(paramBounds(z.object({ id: field }).strict())).toBeNull();
    }
    expect(paramBounds(z.object({ id: z.string() }).catchall(z.string()))).toBeNull();
    expect(paramBounds(z.string())).toBeNull();
  });
});
