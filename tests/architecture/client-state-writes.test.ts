// The client's rules that the compiler cannot see: only the update function writes the store, and only graph/
// touches Cytoscape. A file that breaks one is named, so the rule stays true as the client grows.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../../client/src', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const path = join(dir, f);
    if (statSync(path).isDirectory()) return sources(path);
    return f.endsWith('.ts') && !f.endsWith('.d.ts') ? [path] : [];
  });
}

const files = sources(SRC).map((path) => ({ path: relative(SRC, path), text: readFileSync(path, 'utf8') }));

describe('client architecture', () => {
  it('reads the client sources', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(files.map((f) => f.path)).toContain('state/update.ts');
  });

  it('only state/update.ts calls set() on the store', () => {
    const writers = files.filter((f) => /\bstore\.set\(/.test(f.text)).map((f) => f.path);
    expect(writers).toEqual(['state/update.ts']);
  });

  it('write access to the store is held only where it is created and by the update function', () => {
    const holders = files
      .filter((f) => f.path !== 'state/store.ts' && /\bWritableStore\b/.test(f.text))
      .map((f) => f.path)
      .sort();
    expect(holders).toEqual(['state/actions.ts', 'state/update.ts']);
  });

  it('only graph/ imports Cytoscape', () => {
    const users = files.filter((f) => /from 'cytoscape/.test(f.text)).map((f) => f.path);
    expect(users.length).toBeGreaterThan(0);
    expect(users.filter((p) => !p.startsWith('graph/'))).toEqual([]);
  });
});
