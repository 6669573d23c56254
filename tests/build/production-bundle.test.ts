// The production bundle (`vite build`: what `npm start` serves) carries none of the browser tests' hooks,
// and the test build (`vite build --mode test`: what tests/browser serves) carries them. `npm test` builds both first.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Strings only the hooks bring: the global's name, two hook names, the module that installs them, the synthetic scenes they load. */
const HOOK_MARKERS = ['__explorer', 'analyticsSettled', 'loadSynthetic', 'test-build', 'synthetic-scene'];

/** Every file the build wrote (index.html and assets), as text. */
function bundle(dir: string): string {
  const root = join(ROOT, dir);
  if (!existsSync(join(root, 'index.html')))
    throw new Error(
      `${dir} is missing: run \`npm test\` (it builds both) or \`npx vite build\` and \`npx vite build --mode test\``,
    );
  const assets = readdirSync(join(root, 'assets')).map((f) => readFileSync(join(root, 'assets', f), 'utf8'));
  return [readFileSync(join(root, 'index.html'), 'utf8'), ...assets].join('\n');
}

describe('test hooks only in test builds', () => {
  it('the production bundle has no window.__explorer nor anything that builds it', () => {
    const prod = bundle('dist/client');
    expect(prod.includes('Security Cooperation Explorer'), 'the explorer is in the bundle').toBe(true);
    expect(HOOK_MARKERS.filter((m) => prod.includes(m))).toEqual([]);
  });

  it('the test build has them, so the check above would see them', () => {
    const test = bundle('dist/client-test');
    expect(HOOK_MARKERS.filter((m) => !test.includes(m))).toEqual([]);
  });
});
