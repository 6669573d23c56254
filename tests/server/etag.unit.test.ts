// The API's ETag function gives exactly the weak ETag Express's default ETag function gives.
import express from 'express';
import { describe, expect, it } from 'vitest';
import { weakEtag } from '../../server/src/etag.js';

/** Express's own default (`etag` setting 'weak', compiled by Express into `etag fn`). */
const expressDefault = express().get('etag fn') as (
  body: string | Buffer,
  encoding?: BufferEncoding,
) => string;

describe('weakEtag', () => {
  it("matches Express's default for empty, ASCII, multi-byte and large bodies, as strings and buffers", () => {
    const bodies = [
      '',
      '{}',
      '{"id":"country:g-0000100","name":"Republic of Vopean"}',
      'héllo € 🌍'.repeat(50),
    ];
    bodies.push(
      JSON.stringify({ nodes: Array.from({ length: 2000 }, (_, i) => ({ id: `n${i}`, degree: i })) }),
    );
    for (const body of bodies) {
      expect(weakEtag(Buffer.from(body))).toBe(expressDefault(Buffer.from(body)));
      expect(weakEtag(body, 'utf8')).toBe(expressDefault(body, 'utf8'));
    }
  });

  it('differs when the body differs', () => {
    expect(weakEtag('{"a":1}')).not.toBe(weakEtag('{"a":2}'));
  });
});
