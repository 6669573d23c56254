// The API server as its own process (as `npm start` runs it), for the benchmark and the reliability runner.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** A cold start may build the client and start Neo4j: allow for a busy machine. */
const HEALTHY_WITHIN_MS = 120_000;

const built = new Set<string>();
/**
 * Compiles the server into `<root>/dist/node/` as `npm start` does (incremental: a no-op when nothing changed), once
 * per process and checkout, so what is measured and killed is the production server, not tsx's loader.
 */
export function buildServer(root = ROOT): void {
  if (built.has(root)) return;
  const tsc = join(root, 'node_modules/typescript/bin/tsc');
  const r = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], {
    cwd: root,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`server build failed:\n${r.stdout}${r.stderr}`);
  built.add(root);
}

export interface ApiProcess {
  child: ChildProcess;
  pid: number;
  port: number;
  baseUrl: string;
  /** Everything the process wrote to stderr (and stdout when `capture` was asked), last 20,000 characters. */
  output(): string;
  /** Resolves with the exit code (or the signal's name) once the process has exited. */
  exited: Promise<number | string>;
}

export interface ApiProcessOptions {
  /** The Neo4j to use; empty starts the embedded one (then set NEO4J_DATA_DIR in `env`). */
  uri: string;
  port: number;
  /** Extra environment (AUTH_SECRET, LOG_LEVEL, AUTO_SEED...); defaults: AUTO_SEED=false, LOG_LEVEL=warn. */
  env?: Record<string, string>;
  /** Also keep stdout (otherwise ignored). */
  capture?: boolean;
  /** How long start-up may take (default 120 s; starting an embedded Neo4j and seeding it takes longer). */
  healthyWithinMs?: number;
  /** Whether `/api/health` must say connected (default) or merely answer. */
  waitForDatabase?: boolean;
  /**
   * The checkout whose server to build and run (default this one): the benchmark's `--api-root` compares another
   * branch's server with this one's in the same session.
   */
  root?: string;
  /** The compiled entry to run, relative to `root` (default the server's, dist/node/scripts/start.js). */
  entry?: string;
}

/**
 * The Node.js flags `npm start` runs the server with (package.json's `config.serverNodeFlags`, which the start
 * script reads as `$npm_package_config_serverNodeFlags`): the benchmark's API and floor processes get the same.
 */
export function serverNodeFlags(root = ROOT): string[] {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    config?: { serverNodeFlags?: string };
  };
  return (pkg.config?.serverNodeFlags ?? '').split(' ').filter(Boolean);
}

/**
 * The Node.js flags this process runs with, without the TypeScript loader's (`--import tsx` and the like). `npm
 * run bench` gives the benchmark the server's flags: its raw side runs the driver in this process, and the raw
 * driver is the reference only if it runs under the same V8 settings as the server it is compared with.
 */
export function benchNodeFlags(): string[] {
  const out: string[] = [];
  const argv = process.execArgv;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--import' || a === '--require' || a === '-r' || a === '--loader') i++;
    else if (!/^--(import|require|loader)=/.test(a)) out.push(a);
  }
  return out;
}

/** Starts the API server as its own process (so its RSS is its own) against `uri`; resolves once healthy. */
export async function startApiProcess(opts: ApiProcessOptions): Promise<ApiProcess> {
  // node on the compiled entry directly, with the start script's flags (what `npm start` runs after building), so
  // signals reach the server.
  const root = opts.root ?? ROOT;
  buildServer(root);
  const entry = join(root, opts.entry ?? 'dist/node/scripts/start.js');
  const child = spawn(process.execPath, [...serverNodeFlags(root), entry], {
    cwd: root,
    stdio: ['ignore', opts.capture ? 'pipe' : 'ignore', 'pipe'],
    env: {
      ...process.env,
      NEO4J_URI: opts.uri,
      PORT: String(opts.port),
      AUTO_SEED: 'false',
      LOG_LEVEL: 'warn',
      ...opts.env,
    },
  });
  let out = '';
  const keep = (d: Buffer): void => {
    out = (out + d.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<number | string>((res) =>
    child.once('exit', (code, signal) => res(code ?? signal ?? 'unknown')),
  );
  const baseUrl = `http://127.0.0.1:${opts.port}`;
  const within = opts.healthyWithinMs ?? HEALTHY_WITHIN_MS;
  const deadline = Date.now() + within;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`the API server exited with ${child.exitCode}:\n${out.slice(-3000)}`);
    try {
      const r = await fetch(`${baseUrl}/api/health`);
      if (r.ok || (opts.waitForDatabase === false && r.status === 503))
        return { child, pid: child.pid!, port: opts.port, baseUrl, output: () => out, exited };
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  child.kill('SIGKILL');
  throw new Error(`the API server did not become healthy within ${within / 1000} s:\n${out.slice(-3000)}`);
}

/** A process's resident set size in MiB, from /proc (NaN once it has exited). */
export function rssMiB(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}
