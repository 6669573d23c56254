// The ETag of JSON answers: the same weak validator Express makes (`W/"<length>-<sha1>"`), hashed in one call.
import { hash } from 'node:crypto';

/** The `etag` package's value for an empty body. */
const EMPTY = 'W/"0-2jmj7l5rSw0yVb/vlWAYkK/YBwk"';

/**
 * Express's default ETag function (the `etag` package, weak), byte for byte, with `crypto.hash` in place of a
 * Hash object per answer: a fixed cost every answer paid. Set with `app.set('etag', weakEtag)`.
 */
export function weakEtag(body: string | Buffer, encoding?: BufferEncoding): string {
  const length = typeof body === 'string' ? Buffer.byteLength(body, encoding) : body.length;
  if (length === 0) return EMPTY;
  const digest =
    typeof body === 'string' && encoding && encoding !== 'utf8' && encoding !== 'utf-8'
      ? hash('sha1', Buffer.from(body, encoding), 'base64')
      : hash('sha1', body, 'base64');
  return `W/"${length.toString(16)}-${digest.slice(0, 27)}"`;
}
