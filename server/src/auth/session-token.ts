// Session and CSRF tokens: 256 random bits; the database keeps only a SHA-256 of the session token.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A fresh random 256-bit token, base64url (43 characters). */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What is stored for a session token: its SHA-256 in hex (a leaked database does not yield live sessions). */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Compares two secrets in time independent of where they differ. */
export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}
