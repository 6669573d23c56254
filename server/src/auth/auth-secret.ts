// The server secret (pepper) mixed into every password hash: AUTH_SECRET, else a random one kept in a 0600 file.
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** 48 random bytes: well past argon2's 256-bit security level; base64 keeps the file printable. */
const GENERATED_BYTES = 48;
/** A secret shorter than this is a typo or a placeholder, not a secret. */
const MIN_SECRET_CHARS = 32;

/** The secret is missing, unreadable, too short or too widely readable; the message says which and where. */
export class AuthSecretError extends Error {
  readonly code = 'AUTH_SECRET_INVALID';
  constructor(message: string) {
    super(message);
    this.name = 'AuthSecretError';
  }
}

/**
 * Resolves the pepper: `secret` (from AUTH_SECRET) when given, else the contents of `file`
 * (AUTH_SECRET_FILE, default `.data/auth-secret`), created once with a random secret and mode 0600.
 * Losing the secret makes every stored password unusable: back it up with the database.
 */
export function resolveAuthSecret(opts: { secret?: string; file: string }): Buffer {
  if (opts.secret !== undefined) {
    if (opts.secret.length < MIN_SECRET_CHARS)
      throw new AuthSecretError(`AUTH_SECRET: expected at least ${MIN_SECRET_CHARS} characters.`);
    return Buffer.from(opts.secret, 'utf8');
  }
  const file = resolve(opts.file);
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    // 'wx' fails if another process created it meanwhile; then its secret is read below.
    try {
      writeFileSync(file, `${randomBytes(GENERATED_BYTES).toString('base64')}\n`, {
        mode: 0o600,
        flag: 'wx',
      });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST')
        throw new AuthSecretError(`AUTH_SECRET_FILE: cannot create ${file}: ${(err as Error).message}`);
    }
  }
  if (process.platform !== 'win32' && (statSync(file).mode & 0o077) !== 0) {
    // Readable by others: tighten rather than refuse, so a copied file keeps working.
    chmodSync(file, 0o600);
  }
  const text = readFileSync(file, 'utf8').trim();
  if (text.length < MIN_SECRET_CHARS)
    throw new AuthSecretError(
      `AUTH_SECRET_FILE: ${file} holds fewer than ${MIN_SECRET_CHARS} characters; delete it to generate a new secret (existing passwords then stop working).`,
    );
  return Buffer.from(text, 'utf8');
}
