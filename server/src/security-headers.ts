// Security headers on every answer: helmet's set with our CSP, and HSTS only on answers that went out over https.
import type { RequestHandler } from 'express';
import helmet, { strictTransportSecurity } from 'helmet';
import { CONTENT_SECURITY_POLICY } from './content-security-policy.js';

/**
 * helmet (CSP, nosniff, frame and referrer policies...) without its HSTS, which it would send over plain
 * http too: RFC 6797 says a host must not (browsers ignore it there anyway). HSTS goes out when the request
 * is https as Express sees it (`req.secure`: TLS, or X-Forwarded-Proto from a proxy that TRUST_PROXY trusts).
 */
export function securityHeaders(): RequestHandler[] {
  const hsts = strictTransportSecurity({ maxAge: 365 * 24 * 3600, includeSubDomains: true });
  return [
    helmet({
      contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
      strictTransportSecurity: false,
    }),
    (req, res, next) => (req.secure ? hsts(req, res, next) : next()),
  ];
}
