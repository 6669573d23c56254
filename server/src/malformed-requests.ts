// Requests Node's HTTP parser refuses before Express sees them (oversized URL or headers, broken framing) get a JSON error too.
import { maxHeaderSize, STATUS_CODES, type Server } from 'node:http';
import type { Socket } from 'node:net';
import type { ErrorResponse } from '../../contract/index.js';

/** Parser errors that mean "the request line and headers are too long" (Node's limit is --max-http-header-size, 16 KB). */
const TOO_LARGE = new Set(['HPE_HEADER_OVERFLOW', 'HPE_URI_OVERFLOW']);

/** The raw HTTP answer for a parser error: 431 HEADERS_TOO_LARGE or 400 BAD_REQUEST, with the usual error body. */
export function malformedRequestAnswer(errCode: string | undefined, maxHeaderSize: number): string {
  const tooLarge = errCode !== undefined && TOO_LARGE.has(errCode);
  const status = tooLarge ? 431 : 400;
  const body: ErrorResponse = {
    error: tooLarge
      ? {
          code: 'HEADERS_TOO_LARGE',
          message: `The URL and headers are too large (at most ${maxHeaderSize} bytes); send long values in a POST body.`,
        }
      : { code: 'BAD_REQUEST', message: 'Malformed HTTP request.' },
  };
  const text = JSON.stringify(body);
  return `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(text)}\r\nConnection: close\r\n\r\n${text}`;
}

/**
 * Without this, Node answers a parser error with a bare status line and no body (e.g. a 431 for a 20 KB
 * query string), which breaks the API's rule that every 4xx carries `{error: {code, message}}`.
 */
export function answerMalformedRequests(server: Server): void {
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Socket) => {
    // A reset or a timed-out connection has no one left to answer.
    if (err.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    socket.end(malformedRequestAnswer(err.code, maxHeaderSize));
  });
}
