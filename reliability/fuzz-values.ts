// Hostile value generators for the fuzzer: strings, numbers, query-string text, JSON values and raw body text.
import fc from 'fast-check';

/** Strings people and attackers send: control characters, lone surrogates, RTL overrides, Lucene and Cypher syntax, long text. */
export const SPECIAL_STRINGS: readonly string[] = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\uD800',
  '\uDFFF',
  'x\uDBFFy',
  '\u202Eevil\u202C',
  '\u200B',
  '\uFEFF',
  '👩‍👩‍👧‍👦',
  'ﷺ',
  'İ',
  'ß',
  '\r\n',
  '\t',
  '\\',
  '"',
  "'",
  '`',
  '%',
  '%00',
  '%zz',
  '../..',
  '..%2f..',
  '/etc/passwd',
  'C:\\Windows',
  '*',
  '*:*',
  '~',
  '?',
  'a~2',
  '"unterminated',
  'AND',
  'OR NOT',
  '(',
  ')',
  '[',
  '{',
  '}',
  '/regex/',
  '+-&&||!^',
  "' OR 1=1 --",
  '$id',
  '${x}',
  '{{7*7}}',
  '__proto__',
  'constructor',
  'prototype',
  'null',
  'undefined',
  'NaN',
  'true',
  '<script>alert(1)</script>',
  'javascript:alert(1)',
  'a'.repeat(201),
  'x'.repeat(5_001),
  'é'.repeat(70_000),
];

/** Numbers as text, as they arrive in query strings: negative, huge, fractional, NaN-ish, hex, padded. */
export const NUMBERISH: readonly string[] = [
  '0',
  '-1',
  '-0',
  '1.5',
  '1e3',
  '1e309',
  '-1e309',
  'NaN',
  'Infinity',
  '-Infinity',
  '0x10',
  '0b1',
  '0o7',
  ' 5',
  '5 ',
  '+5',
  '9007199254740993',
  '99999999999999999999999',
  '9'.repeat(400),
  '1_000',
  '١٢',
  '５',
  '',
  ' ',
  '1,2',
  '[]',
  '{}',
];

/** Any hostile or random string. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...SPECIAL_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 300 }) },
  { weight: 1, arbitrary: fc.constantFrom(...NUMBERISH) },
);

/** Bytes that are not UTF-8 (`%C0%AF`, lone `%ED%A0%80`, truncated `%E2%82`) or a broken escape, as they appear in a URL. */
export const rawUrlText: fc.Arbitrary<string> = fc.oneof(
  fc
    .uint8Array({ minLength: 1, maxLength: 12 })
    .map((b) => [...b].map((x) => `%${x.toString(16).padStart(2, '0')}`).join('')),
  fc.constantFrom(
    '%',
    '%E',
    '%E2%82',
    '%ED%A0%80',
    '%C0%AF',
    '%2e%2e%2f',
    '..%2f..%2fetc%2fpasswd',
    '%252e',
    '%00',
    '%FF%FE',
  ),
);

/** Percent-encodes every UTF-16 unit sequence as UTF-8 (lone surrogates become U+FFFD, as a browser would send them). */
export function encodeText(s: string): string {
  return [...Buffer.from(s, 'utf8')]
    .map((b) =>
      /[A-Za-z0-9_.~-]/.test(String.fromCharCode(b))
        ? String.fromCharCode(b)
        : `%${b.toString(16).padStart(2, '0').toUpperCase()}`,
    )
    .join('');
}

/** A query-string or path value: encoded hostile text, raw bytes, or a number-like string. */
export const urlValue: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: hostileString.map(encodeText) },
  { weight: 1, arbitrary: rawUrlText },
  { weight: 2, arbitrary: fc.constantFrom(...NUMBERISH).map(encodeText) },
);

/** JSON numbers a schema may not expect: negative, huge, fractional, unsafe integers, -0. */
export const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(0, -0, -1, 1.5, 2 ** 31, 2 ** 53 + 2, -(2 ** 63), 1e21, 1e308, -1e308, Number.MIN_VALUE),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** Any JSON value, shallow or a few levels deep, with hostile leaves. */
export const jsonValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    hostileString,
    hostileNumber,
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(hostileString, tie('value'), { maxKeys: 4 }),
  ),
})).value;

/** Text of a value nested `depth` deep, built without recursion (JSON.stringify of such a value would overflow). */
export function deepJsonText(depth: number, kind: 'array' | 'object'): string {
  return kind === 'array'
    ? '['.repeat(depth) + ']'.repeat(depth)
    : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
}

/** A deeply nested JSON value as text: 10k levels by default, the size that overflows recursive code. */
export const deepJson: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(40, 1_000, 10_000, 50_000), fc.constantFrom('array' as const, 'object' as const))
  .map(([d, k]) => deepJsonText(d, k));

/** Bodies that are not valid JSON at all, or JSON that is not an object. */
export const malformedBody: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '',
    '{',
    '}',
    '{"a":',
    '{"a":1,}',
    "{'a':1}",
    '{a:1}',
    'NaN',
    'Infinity',
    '[1,2',
    '"\\ud800"',
    '"\\u00"',
    'null',
    'true',
    '42',
    '[]',
    '"text"',
    '{"__proto__": {"polluted": true}}',
    '{"constructor": {"prototype": {"polluted": true}}}',
    '\uFEFF{}',
    '{"a":1}garbage',
    '{"a":"\u0000"}',
  ),
  fc.string({ unit: 'binary', maxLength: 200 }),
  deepJson,
);

/** Content types a client might send by mistake or on purpose; JSON most of the time, so bodies reach the handlers. */
export const contentType: fc.Arbitrary<string | undefined> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.constantFrom('application/json', 'application/json; charset=utf-8', 'Application/JSON'),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      undefined,
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/json; charset=utf-16',
      'application/json; charset=latin1',
      'application/merge-patch+json',
      'application/*',
      '*/*',
      'json',
      'application/json; charset=',
    ),
  },
);
