// The password pepper: AUTH_SECRET, else a random secret generated once into a 0600 file; hashes need it to verify.
import { chmodSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AuthSecretError, resolveAuthSecret } from '../../server/src/auth/auth-secret.js';
import { createPasswordHasher } from '../../server/src/auth/password-hasher.js';

const dir = (): string => mkdtempSync(join(tmpdir(), 'auth-secret-'));

describe('the auth secret', () => {
  it('is generated once into a 0600 file (directories created) and read back the same afterwards', () => {
    const file = join(dir(), 'nested', 'auth-secret');
    const first = resolveAuthSecret({ file });
    expect(first.length).toBeGreaterThanOrEqual(48);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(resolveAuthSecret({ file }).equals(first)).toBe(true);
    expect(readFileSync(file, 'utf8').trim()).toBe(first.toString('utf8'));
  });

  it('prefers AUTH_SECRET, refuses short secrets, and tightens a file readable by others', () => {
    const file = join(dir(), 'auth-secret');
    expect(resolveAuthSecret({ secret: 'x'.repeat(40), file }).toString()).toBe('x'.repeat(40));
    expect(() => resolveAuthSecret({ secret: 'short', file })).toThrow(AuthSecretError);
    writeFileSync(file, 'too short\n');
    expect(() => resolveAuthSecret({ file })).toThrow(/fewer than 32 characters/);
    writeFileSync(file, `${'y'.repeat(40)}\n`);
    chmodSync(file, 0o644);
    resolveAuthSecret({ file });
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('makes a hash useless without it: the same password fails to verify under another secret', async () => {
    const a = createPasswordHasher(Buffer.from('a'.repeat(40)));
    const b = createPasswordHasher(Buffer.from('b'.repeat(40)));
    const hash = await a.hash('correct horse battery');
    expect(hash).toMatch(/^\$argon2id\$/);
    expect(await a.verify(hash, 'correct horse battery')).toBe(true);
    expect(await a.verify(hash, 'wrong horse battery')).toBe(false);
    expect(await b.verify(hash, 'correct horse battery')).toBe(false);
    expect(await a.verify('not a hash', 'x')).toBe(false);
  });
});
