// Starts and stops the embedded default Neo4j (the Maven launcher in neo4j/) as a child JVM.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { join, resolve } from 'node:path';
import { REPO_ROOT } from './repo-root.js';

const LAUNCHER_DIR = join(REPO_ROOT, 'neo4j');
const CACHE_DIR = join(REPO_ROOT, '.cache');
/** First start downloads Neo4j through Maven; later starts take a few seconds. */
const START_TIMEOUT_MS = 180_000;
/** How long a clean shutdown (checkpoint and close) may take before the JVM is killed. */
const STOP_TIMEOUT_MS = 30_000;
/** The JVM flags the stock Neo4j server runs with (Netty and the page cache need them). */
const JVM_FLAGS = [
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '-Dio.netty.tryReflectionSetAccessible=true',
];

export interface EmbeddedOptions {
  dataDir: string;
  port?: number;
  heap?: string;
  pageCacheMb?: number;
  /** Receives the launcher's progress lines (Maven resolution, ready, stopping). */
  onLog?: (line: string) => void;
}

export interface EmbeddedNeo4j {
  uri: string;
  port: number;
  pid: number;
  /** Stops the JVM cleanly; resolves when it has exited. Safe to call twice. */
  stop(): Promise<void>;
}

/** Missing Java or Maven: the message says what to install, or to set NEO4J_URI. */
export class PrerequisiteError extends Error {
  readonly code = 'PREREQUISITE_MISSING';
  constructor(message: string) {
    super(message);
    this.name = 'PrerequisiteError';
  }
}

function javaMajorVersion(): number | null {
  const r = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) return null;
  const m = /version "(\d+)(?:\.(\d+))?/.exec(r.stderr);
  if (!m) return null;
  return m[1] === '1' ? Number(m[2]) : Number(m[1]);
}

function checkJava(): void {
  const v = javaMajorVersion();
  if (v === null)
    throw new PrerequisiteError(
      'Java 17+ not found: install a JDK 17 or 21 (e.g. apt-get install openjdk-17-jdk-headless), or set NEO4J_URI to use your own Neo4j.',
    );
  if (v < 17)
    throw new PrerequisiteError(
      `Java ${v} found, but the embedded Neo4j 5.26 needs Java 17+: install a JDK 17 or 21, or set NEO4J_URI to use your own Neo4j.`,
    );
}

/** Compiles the launcher and resolves its classpath once; cached by the hash of pom.xml and the launcher source. */
function resolveClasspath(onLog: (line: string) => void): string {
  const source = join(LAUNCHER_DIR, 'src/main/java/org/secgraph/Launcher.java');
  const hash = createHash('sha256')
    .update(readFileSync(join(LAUNCHER_DIR, 'pom.xml')))
    .update(readFileSync(source))
    .digest('hex')
    .slice(0, 16);
  const cacheFile = join(CACHE_DIR, `neo4j-classpath-${hash}.txt`);
  const classes = join(LAUNCHER_DIR, 'target/classes');
  if (existsSync(cacheFile) && existsSync(join(classes, 'org/secgraph/Launcher.class'))) {
    return `${classes}:${readFileSync(cacheFile, 'utf8').trim()}`;
  }
  const mvn = spawnSync('mvn', ['-v'], { encoding: 'utf8' });
  if (mvn.error || mvn.status !== 0)
    throw new PrerequisiteError(
      'Maven not found: install Maven 3.8+ (e.g. apt-get install maven), or set NEO4J_URI to use your own Neo4j.',
    );
  onLog('Resolving Neo4j 5.26 with Maven (first run only; downloads about 100 MB)...');
  mkdirSync(CACHE_DIR, { recursive: true });
  const tmp = `${cacheFile}.tmp`;
  const r = spawnSync(
    'mvn',
    [
      '-q',
      '-B',
      '-f',
      join(LAUNCHER_DIR, 'pom.xml'),
      'compile',
      'dependency:build-classpath',
      `-Dmdep.outputFile=${tmp}`,
    ],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  );
  if (r.status !== 0)
    throw new Error(`Maven could not build the Neo4j launcher:\n${(r.stdout + r.stderr).slice(-2000)}`);
  writeFileSync(cacheFile, readFileSync(tmp, 'utf8'));
  return `${classes}:${readFileSync(cacheFile, 'utf8').trim()}`;
}

/** Asks the OS for a free port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.once('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? res(addr.port) : rej(new Error('no port'))));
    });
  });
}

function boltAnswers(port: number): Promise<boolean> {
  return new Promise((res) => {
    const s = connect({ port, host: '127.0.0.1' });
    s.once('connect', () => {
      s.destroy();
      res(true);
    });
    s.once('error', () => res(false));
  });
}

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((res) => {
    const t = setTimeout(() => res(false), ms);
    child.once('exit', () => {
      clearTimeout(t);
      res(true);
    });
  });
}

/** Starts the embedded Neo4j and resolves once Bolt answers. The JVM also exits if this process dies. */
export async function startEmbeddedNeo4j(opts: EmbeddedOptions): Promise<EmbeddedNeo4j> {
  const log = opts.onLog ?? (() => {});
  checkJava();
  const classpath = resolveClasspath(log);
  const port = opts.port ?? (await freePort());
  const dataDir = resolve(REPO_ROOT, opts.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const args = [
    `-Xmx${opts.heap ?? '512m'}`,
    ...JVM_FLAGS,
    '-cp',
    classpath,
    'org.secgraph.Launcher',
    dataDir,
    String(port),
    String(opts.pageCacheMb ?? 512),
  ];
  // stdin stays a pipe: the launcher exits when it closes, so no JVM outlives us.
  const child = spawn('java', args, { stdio: ['pipe', 'pipe', 'pipe'] });
  let output = '';
  const onData = (chunk: Buffer): void => {
    output = (output + chunk.toString()).slice(-8000);
    for (const line of chunk.toString().split('\n')) if (line.startsWith('NEO4J_')) log(line.trim());
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const killOnExit = (): void => {
    child.kill('SIGTERM');
  };
  process.once('exit', killOnExit);

  const deadline = Date.now() + START_TIMEOUT_MS;
  while (!output.includes('NEO4J_READY') || !(await boltAnswers(port))) {
    if (child.exitCode !== null)
      throw new Error(
        `Embedded Neo4j exited during start-up (code ${child.exitCode}):\n${output.slice(-2000)}`,
      );
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(
        `Embedded Neo4j did not start within ${START_TIMEOUT_MS / 1000}s:\n${output.slice(-2000)}`,
      );
    }
    await new Promise((r) => setTimeout(r, 200));
  }

  let stopping: Promise<void> | null = null;
  return {
    uri: `bolt://127.0.0.1:${port}`,
    port,
    pid: child.pid!,
    stop() {
      stopping ??= (async () => {
        process.off('exit', killOnExit);
        child.kill('SIGTERM');
        if (!(await waitForExit(child, STOP_TIMEOUT_MS))) {
          child.kill('SIGKILL');
          await waitForExit(child, 5000);
        }
      })();
      return stopping;
    },
  };
}
