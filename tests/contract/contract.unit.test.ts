// The contract stands on its own: it imports only its own files, the model and zod, so server, client and seed
// can all import it; and the schemas it gives the routes say what the types it gives the client say.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ENTITY_KINDS } from '../../model/index.js';
import {
  ENDPOINTS,
  isGraphRule,
  nodeCreateBody,
  NOTHING,
  type NodeCreateRequest,
} from '../../contract/index.js';

/** Every .ts file under `dir` (relative to the repository), recursively. */
function tsFiles(dir: string): string[] {
  const root = fileURLToPath(new URL(`../../${dir}/`, import.meta.url));
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(root, f));
}

/** Every `from '…'` and `import('…')` specifier of a TypeScript file. */
const specifiersOf = (text: string): string[] =>
  [...text.matchAll(/\bfrom\s+'([^']+)'|\bimport\s*\(\s*'([^']+)'/g)].map((m) => (m[1] ?? m[2])!);

describe('the contract module', () => {
  it('imports only its own files, the model and zod: nothing of server/, client/, seed/, Node or the DOM', () => {
    const dir = new URL('../../contract/', import.meta.url);
    const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));
    expect(files).toContain('index.ts');
    for (const f of files) {
      const text = readFileSync(new URL(f, dir), 'utf8');
      for (const s of specifiersOf(text))
        expect(s, `${f} imports ${s}`).toMatch(/^(\.\/[a-z-]+\.js|\.\.\/model\/index\.js|zod)$/);
      expect(text, f).not.toMatch(/\b(document|window|process|Buffer)\./);
    }
  });

  it('limits.ts, which the client may import for values, does not pull in zod', () => {
    const text = readFileSync(new URL('../../contract/limits.ts', import.meta.url), 'utf8');
    expect(specifiersOf(text)).toEqual([]);
  });

  it('has an answer (or says it has none) for every endpoint, and a path relative to /api', () => {
    const keys = Object.keys(ENDPOINTS);
    expect(keys.length).toBeGreaterThanOrEqual(40);
    for (const k of keys) {
      expect(k).toMatch(/^(GET|POST|PUT|PATCH|DELETE) \/[a-z-]+(\/(:[a-z]+|[a-z-]+))*$/i);
      expect(ENDPOINTS[k as keyof typeof ENDPOINTS]).toHaveProperty('response');
    }
  });

  it('takes a new node as its type says: a label a curator may create and evidence, other labels a 422 rule', () => {
    const ok: NodeCreateRequest = {
      label: 'Country',
      name: 'Testland',
      evidence: [{ curatorAsserted: true, note: 'test' }],
    };
    expect(nodeCreateBody.parse(ok)).toEqual(ok);
    for (const label of ENTITY_KINDS) expect(nodeCreateBody.safeParse({ ...ok, label }).success).toBe(true);
    for (const bad of [
      { ...ok, label: 'Source' },
      { ...ok, label: 'Planet' },
      { ...ok, evidence: [] },
      { label: 'Country', name: 'x' },
    ]) {
      const r = nodeCreateBody.safeParse(bad);
      expect(r.success, JSON.stringify(bad)).toBe(false);
      expect(r.error!.issues.every(isGraphRule), JSON.stringify(r.error!.issues)).toBe(true);
    }
    // A malformed body is not a graph rule: it stays a 400.
    const malformed = nodeCreateBody.safeParse({ ...ok, name: 42 });
    expect(malformed.error!.issues.some(isGraphRule)).toBe(false);
  });

  it('refuses any key where an endpoint takes nothing', () => {
    expect(NOTHING.safeParse({}).success).toBe(true);
    expect(NOTHING.safeParse({ x: 1 }).error!.issues[0]!.code).toBe('unrecognized_keys');
  });
});

describe('who imports whom', () => {
  it('no file of the client imports from server/: the wire types come from the contract', () => {
    const files = tsFiles('client');
    expect(files.length).toBeGreaterThan(50);
    const offenders = files.flatMap((f) =>
      specifiersOf(readFileSync(f, 'utf8'))
        .filter((s) => /(^|\/)server\//.test(s))
        .map((s) => `${f} imports ${s}`),
    );
    expect(offenders).toEqual([]);
    // The client's API layer is typed by the contract.
    const api = readFileSync(
      fileURLToPath(new URL('../../client/src/api/endpoint.ts', import.meta.url)),
      'utf8',
    );
    expect(specifiersOf(api)).toContain('../../../contract');
  });

  it('seed/ imports only the model and its own files, so the server may import its reader without a cycle', () => {
    const files = tsFiles('seed');
    expect(files.length).toBeGreaterThan(2);
    for (const f of files)
      for (const s of specifiersOf(readFileSync(f, 'utf8')))
        expect(s, `${f} imports ${s}`).toMatch(/^(\.\/[a-z-]+\.js|\.\.\/model\/index\.js|zod|node:[a-z]+)$/);
  });
});
