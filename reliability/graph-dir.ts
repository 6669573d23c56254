// A generated graph's data directory for `npm run reliability -- --graph <dir>`: checked, then copied so the run's
// writes and kills leave the original as it was (other people use the same directory).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statfsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** A refusal the user can act on (printed without a stack). */
export class GraphDirError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GraphDirError';
  }
}

export interface GraphDir {
  /** The directory named by --graph. */
  source: string;
  /** Where the run's Neo4j keeps its data: a copy of `source`, or `source` itself with --in-place. */
  dataDir: string;
  copied: boolean;
  /** How long the copy took (null in place). */
  copySec: number | null;
  /** Size of `source` (du), and of its store files alone (what the page cache should hold). */
  sizeMiB: number;
  storeMiB: number;
  /** Removes the copy (nothing in place). */
  remove(): void;
}

const duMiB = (dir: string): number => {
  const r = spawnSync('du', ['-sk', dir], { encoding: 'utf8' });
  return r.status === 0 ? Math.ceil(Number(r.stdout.split(/\s/)[0]) / 1024) : NaN;
};

/** Pids of launcher JVMs whose data directory is exactly `dir` (a prefix such as `/work/data-1m-copy` does not count). */
export function jvmsOn(dir: string): number[] {
  const ps = spawnSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' }).stdout;
  return ps
    .split('\n')
    .map((l) => l.trim().split(/\s+/))
    .filter((a) => a.includes('org.secgraph.Launcher') && a[a.indexOf('org.secgraph.Launcher') + 1] === dir)
    .map((a) => Number(a[0]));
}

/**
 * Checks that `dir` is an embedded Neo4j data directory (as `npm run generate` leaves it) that no Neo4j has open,
 * then copies it (`cp -a`) under the system's temporary directory after checking the free space, or with
 * `inPlace` uses it as it is (the run then adds its users, nodes and Changes to it).
 */
export function prepareGraphDir(dir: string, opts: { inPlace: boolean }): GraphDir {
  const source = resolve(dir);
  if (!existsSync(join(source, 'data/databases')))
    throw new GraphDirError(
      `--graph ${dir}: expected a Neo4j data directory written by npm run generate (with data/databases), found none`,
    );
  const holders = jvmsOn(source);
  if (holders.length)
    throw new GraphDirError(
      `--graph ${dir}: a Neo4j (pid ${holders.join(', ')}) has it open; stop it first (one Neo4j per data directory, and a copy of an open store is not consistent)`,
    );
  const sizeMiB = duMiB(source);
  const storeMiB = duMiB(join(source, 'data/databases'));
  if (opts.inPlace)
    return { source, dataDir: source, copied: false, copySec: null, sizeMiB, storeMiB, remove: () => {} };
  const fs = statfsSync(tmpdir());
  const freeMiB = Math.floor((fs.bavail * fs.bsize) / 2 ** 20);
  // The copy, plus what the run writes (transaction logs of the kills and the soak) and room for everyone else.
  const needMiB = Math.ceil(sizeMiB * 1.2) + 2048;
  if (!(freeMiB >= needMiB))
    throw new GraphDirError(
      `--graph ${dir}: copying it needs about ${needMiB} MiB free under ${tmpdir()}, there are ${freeMiB} MiB; free some space, or use --in-place on a directory you own`,
    );
  const dataDir = mkdtempSync(join(tmpdir(), 'secgraph-reliability-graph-'));
  const t0 = Date.now();
  const cp = spawnSync('cp', ['-a', `${source}/.`, dataDir], { encoding: 'utf8' });
  if (cp.status !== 0) {
    rmSync(dataDir, { recursive: true, force: true });
    throw new GraphDirError(`--graph ${dir}: cp -a failed: ${cp.stderr.slice(0, 500)}`);
  }
  // A Neo4j started on the original while we copied would leave an inconsistent copy.
  if (jvmsOn(source).length) {
    rmSync(dataDir, { recursive: true, force: true });
    throw new GraphDirError(`--graph ${dir}: a Neo4j opened it while it was being copied; run again later`);
  }
  return {
    source,
    dataDir,
    copied: true,
    copySec: Math.round((Date.now() - t0) / 100) / 10,
    sizeMiB,
    storeMiB,
    remove: () => rmSync(dataDir, { recursive: true, force: true }),
  };
}
