// Password hashing with argon2id and the server's secret (pepper): a stolen hash is useless without the secret.
import argon2 from 'argon2';

/** Hashes and checks passwords; `verifyDummy` spends the same time when there is no user to check against. */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  /** True when `password` matches `hash`; false for a wrong password or a malformed hash. */
  verify(hash: string, password: string): Promise<boolean>;
  /** Verifies `password` against a hash of a random password, so an unknown username costs as much as a known one. */
  verifyDummy(password: string): Promise<false>;
}

/** argon2id with the library defaults (64 MiB, 3 passes, 4 lanes: OWASP's recommended range). */
export function createPasswordHasher(secret: Buffer): PasswordHasher {
  const options = { type: argon2.argon2id, secret } as const;
  let dummy: Promise<string> | undefined;
  const hasher: PasswordHasher = {
    hash: (password) => argon2.hash(password, options),
    async verify(hash, password) {
      try {
        return await argon2.verify(hash, password, { secret });
      } catch {
        return false;
      }
    },
    async verifyDummy(password) {
      dummy ??= argon2.hash(`dummy-${Math.random()}-${Date.now()}`, options);
      await hasher.verify(await dummy, password);
      return false;
    },
  };
  return hasher;
}
