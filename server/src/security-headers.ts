// Security headers on every answer: helmet's set with our CSP, and HSTS only on answers that went out over https.
import type { ServerResponse } from 'node:http';
import type { Request, RequestHandler, Response } from 'express';
import helmet, { strictTransportSecurity } from 'helmet';
import { CONTENT_SECURITY_POLICY } from './content-security-policy.js';

/**
 * The headers `middleware` sets, found by running it once on a stand-in response. helmet's set depends on no
 * request (our CSP has no nonces), so each request gets the same list in one loop instead of a chain of a dozen
 * middleware calls (helmet's own per-request cost in a profile of small reads).
 */
function headersOf(middleware: RequestHandler): {
  set: readonly (readonly [string, string])[];
  removed: readonly string[];
} {
  const headers = new Map<string, string>();
  const removed = new Set<string>();
  const res = {
    setHeader: (name: string, value: unknown) => headers.set(name, String(value)),
    removeHeader: (name: string) => {
      headers.delete(name);
      removed.add(name);
    },
  };
  let called = false;
  void middleware({} as Request, res as unknown as Response, () => {
    called = true;
  });
  // A helmet that waited for something, or read the request, would need to run per request again.
  if (!called) throw new Error('security headers: helmet did not finish synchronously');
  return { set: [...headers], removed: [...removed] };
}

/**
 * helmet (CSP, nosniff, frame and referrer policies...) without its HSTS, which it would send over plain
 * http too: RFC 6797 says a host must not (browsers ignore it there anyway). HSTS goes out when the request
 * is https as Express sees it (`req.secure`: TLS, or X-Forwarded-Proto from a proxy that TRUST_PROXY trusts).
 */
export function securityHeaders(): RequestHandler {
  const { always, hsts } = securityHeaderSets();
  return (req, res, next) => {
    applySecurityHeaders(res, always);
    if (req.secure) for (const [name, value] of hsts.set) res.setHeader(name, value);
    next();
  };
}

type HeaderSet = ReturnType<typeof headersOf>;

/** helmet's fixed set (our CSP, no HSTS) and the HSTS header, each worked out once. */
export function securityHeaderSets(): { always: HeaderSet; hsts: HeaderSet } {
  return {
    always: headersOf(
      helmet({
        contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
        strictTransportSecurity: false,
      }),
    ),
    hsts: headersOf(strictTransportSecurity({ maxAge: 365 * 24 * 3600, includeSubDomains: true })),
  };
}

/** Sets the headers of an answer that went out over plain http (the read lane's answers, read-lane.ts). */
export function applySecurityHeaders(
  res: Pick<ServerResponse, 'setHeader' | 'removeHeader'>,
  set: HeaderSet,
): void {
  for (const name of set.removed) res.removeHeader(name);
  for (const [name, value] of set.set) res.setHeader(name, value);
}
