// A route's JSON answer: the bytes and headers `res.json` sends (ETag, 304, HEAD), built with less work per answer.
import type { ServerResponse } from 'node:http';
import type { Request, Response } from 'express';

export type EtagFn = (body: string | Buffer, encoding?: BufferEncoding) => string | undefined;

/**
 * Sends `out` as `res.json(out)` does, byte for byte and header for header: `Content-Type: application/json;
 * charset=utf-8`, `Content-Length`, the app's ETag (`etag fn`) and a 304 for a matching If-None-Match or
 * If-Modified-Since, no body on HEAD. What it skips is res.json's detours: a copy of the body into a Buffer for the
 * ETag, parsing the Content-Type it has just set to add the charset, and the freshness check of a request that
 * sent no validator. The body then goes out with the headers in one socket write instead of two. Anything
 * unusual (a handler that set its own Content-Type or ETag, a status without a body, an app JSON setting, a value
 * that is not JSON) is handed to `res.json` itself.
 */
export function sendJson(req: Request, res: Response, out: unknown): void {
  const app = req.app;
  const status = res.statusCode;
  const body = typeof out === 'object' && out !== null ? JSON.stringify(out) : undefined;
  if (
    body === undefined ||
    status < 200 ||
    status >= 300 ||
    status === 204 ||
    status === 205 ||
    res.hasHeader('content-type') ||
    res.hasHeader('etag') ||
    res.hasHeader('transfer-encoding') ||
    app.get('json replacer') !== undefined ||
    app.get('json spaces') !== undefined ||
    app.get('json escape')
  ) {
    res.json(out);
    return;
  }
  const bytes = jsonHeaders(res, body, app.get('etag fn') as EtagFn | undefined);
  // `req.fresh` is false without a validator (the `fresh` package's first test): look only when one was sent.
  if ((req.headers['if-none-match'] || req.headers['if-modified-since']) && req.fresh) {
    res.status(304);
    res.removeHeader('Content-Type');
    res.removeHeader('Content-Length');
    res.end();
    return;
  }
  if (req.method === 'HEAD') res.end();
  else res.end(bytes);
}

/**
 * The headers of a JSON answer as res.json sets them: Content-Type, Content-Length and the app's ETag, if any.
 * Returns the body's UTF-8 bytes, to send as they are: encoded once, where the length, the ETag's hash and the
 * socket's write each encoded or measured the string again (three passes over a 20 KB page of neighbours).
 */
export function jsonHeaders(res: ServerResponse, body: string, etagFn: EtagFn | undefined): Buffer {
  const bytes = Buffer.from(body, 'utf8');
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', String(bytes.length));
  const etag = typeof etagFn === 'function' ? etagFn(bytes) : undefined;
  if (etag) res.setHeader('ETag', etag);
  return bytes;
}
