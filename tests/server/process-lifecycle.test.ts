// `npm start` end to end: it starts the embedded Neo4j, seeds it, serves, and leaves no JVM behind
// when interrupted (Ctrl+C) or even when killed outright.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { freePort } from '../../server/src/embedded-neo4j.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const dirs: string[] = [];
const children: ChildProcess[] = [];

afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** Pids of launcher JVMs whose data directory is `dataDir`. */
function jvmsFor(dataDir: string): number[] {
  const ps = spawnSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' }).stdout;
  return ps
    .split('\n')
    .filter((l) => l.includes('org.secgraph.Launcher') && l.includes(dataDir))
    .map((l) => Number(l.trim().split(/\s+/)[0]));
}

async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined> | T | undefined,
  ms: number,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function startApp(
  extraEnv: Record<string, string> = {},
): Promise<{ child: ChildProcess; port: number; dataDir: string; output: () => string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'secgraph-start-'));
  dirs.push(dataDir);
  const port = await freePort();
  // node + tsx's loader directly (what `npm start` runs), so signals reach our process, not a wrapper.
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      NEO4J_DATA_DIR: dataDir,
      NEO4J_URI: '',
      NEO4J_HEAP: '256m',
      NEO4J_PAGECACHE_MB: '64',
      LOG_LEVEL: 'info',
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  child.stdout!.on('data', (d) => {
    out += d;
  });
  child.stderr!.on('data', (d) => {
    out += d;
  });
  await waitFor(
    'the API to answer',
    async () => {
      if (child.exitCode !== null) throw new Error(`npm start exited early:\n${out.slice(-3000)}`);
      const r = await fetch(`http://127.0.0.1:${port}/api/health`).catch(() => null);
      return r?.ok ? true : undefined;
    },
    180_000,
  );
  return { child, port, dataDir, output: () => out };
}

describe('npm start', () => {
  it('seeds an empty database, serves the client and the API, and Ctrl+C stops its JVM', async () => {
    const { child, port, dataDir } = await startApp();
    const search = await (await fetch(`http://127.0.0.1:${port}/api/search?q=France`)).json();
    expect(search.nodes[0].id).toBe('country:fr');
    const page = await fetch(`http://127.0.0.1:${port}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div');
    expect(jvmsFor(dataDir)).toHaveLength(1);

    child.kill('SIGINT');
    const code = await waitFor('npm start to exit', () => child.exitCode ?? undefined, 60_000);
    expect(code).toBe(0);
    expect(jvmsFor(dataDir)).toEqual([]);
  }, 300_000);

  it('leaves no JVM even when the Node process is killed with SIGKILL', async () => {
    const { child, dataDir } = await startApp();
    expect(jvmsFor(dataDir)).toHaveLength(1);
    child.kill('SIGKILL');
    // The launcher notices its stdin pipe closing and shuts Neo4j down by itself.
    await waitFor(
      'the orphaned JVM to exit',
      () => (jvmsFor(dataDir).length === 0 ? true : undefined),
      60_000,
    );
  }, 300_000);

  it('with NEO4J_URI set, uses that server and starts no JVM of its own', async () => {
    const launchers = (): number =>
      spawnSync('ps', ['-eo', 'args'], { encoding: 'utf8' })
        .stdout.split('\n')
        .filter((l) => l.includes('org.secgraph.Launcher')).length;
    const before = launchers();
    const { child, port, dataDir } = await startApp({ NEO4J_URI: inject('neo4jUri') });
    const health = await (await fetch(`http://127.0.0.1:${port}/api/health`)).json();
    expect(health.neo4j.connected).toBe(true);
    const fr = await fetch(`http://127.0.0.1:${port}/api/nodes/country:fr`);
    expect(fr.status).toBe(200);
    expect(jvmsFor(dataDir)).toEqual([]);
    expect(launchers()).toBe(before);
    child.kill('SIGINT');
    expect(await waitFor('npm start to exit', () => child.exitCode ?? undefined, 60_000)).toBe(0);
  }, 300_000);
});
