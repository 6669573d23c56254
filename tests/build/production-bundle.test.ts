// The production bundle (`vite build`: what `npm start` serves) carries none of the browser tests' hooks,
// and the test build (`vite build --mode test`: what tests/browser serves) carries them; the first load carries
// only the explorer: the console, curation and analytics are chunks of their own. `npm test` builds both first.
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

/**
 * Strings each split feature's code carries and the explorer's does not: CodeMirror's theme classes and the
 * console's controls; the curation edit form, dialogs and menu entries; graphology's errors and the analytics
 * panel's controls. (The stand-ins in the first load use other test ids: console-toggle, changes-toggle,
 * history-toggle, analytics-open.)
 */
const SPLIT_MARKERS = {
  console: ['cm-scroller', 'cm-gutters', 'console-run', 'console-params'],
  curation: ['element-editor', 'merge-into', 'menu-start-relationship', 'relationship-dialog'],
  analytics: ['Graph.addNode', 'louvain', 'size-by', 'broker-entry'],
} as const;

/** The scripts index.html loads (its module script and modulepreloads): the first load, by file name. */
function firstLoadScripts(dir: string): string[] {
  const html = readFileSync(join(ROOT, dir, 'index.html'), 'utf8');
  return [...html.matchAll(/(?:src|href)="\/assets\/([^"]+\.js)"/g)].map((m) => m[1]!);
}

describe('the first load carries only the explorer', () => {
  const dir = 'dist/client';
  const scripts = (): { first: Map<string, string>; later: Map<string, string> } => {
    bundle(dir); // says how to build when missing
    const first = new Set(firstLoadScripts(dir));
    const all = readdirSync(join(ROOT, dir, 'assets')).filter((f) => f.endsWith('.js'));
    const read = (f: string): [string, string] => [f, readFileSync(join(ROOT, dir, 'assets', f), 'utf8')];
    return {
      first: new Map(all.filter((f) => first.has(f)).map(read)),
      later: new Map(all.filter((f) => !first.has(f)).map(read)),
    };
  };

  it('index.html loads the explorer, and none of the console, curation or analytics code', () => {
    const { first } = scripts();
    const text = [...first.values()].join('\n');
    expect(text.includes('Security Cooperation Explorer'), 'the explorer is in the first load').toBe(true);
    for (const [feature, markers] of Object.entries(SPLIT_MARKERS))
      expect(
        markers.filter((m) => text.includes(m)),
        `${feature} code in the first load`,
      ).toEqual([]);
  });

  it('each of them is a chunk of its own, loaded later', () => {
    const { later } = scripts();
    for (const [feature, markers] of Object.entries(SPLIT_MARKERS)) {
      const holders = [...later].filter(([, text]) => markers.some((m) => text.includes(m)));
      expect(holders.length, `a chunk with the ${feature} code`).toBeGreaterThan(0);
      const text = holders.map(([, t]) => t).join('\n');
      expect(
        markers.filter((m) => !text.includes(m)),
        `${feature} markers missing from its chunks`,
      ).toEqual([]);
    }
  });
});
