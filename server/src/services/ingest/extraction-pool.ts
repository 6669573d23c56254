// The server's side of the extraction worker: one worker thread, started on first use, jobs one at a time in
// arrival order, progress passed on. A crashed worker fails its job and is replaced by the next one.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ExtractionProgress, ExtractionResult, Vocabulary } from '../../ingest/types.js';
import type { WorkerJob, WorkerReply } from './extraction-messages.js';

/** The extraction failed in the worker (a bug in a rule, or the worker died). */
export class ExtractionFailedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExtractionFailedError';
  }
}

/** What a job needs: the text, the vocabulary's stamp, and a way to get the vocabulary if the worker lacks it. */
export interface ExtractionRequest {
  text: string;
  stamp: string;
  vocabulary: () => Promise<Vocabulary>;
  onProgress?: (p: ExtractionProgress) => void;
}

/** Compiled (`npm start` runs dist/node/), this module and the worker are JavaScript; else both are TypeScript. */
const COMPILED = import.meta.url.endsWith('.js');
const WORKER_URL = new URL(COMPILED ? './extraction-worker.js' : './extraction-worker.ts', import.meta.url);

/**
 * Compiled, the worker is plain JavaScript. As TypeScript: under tsx the loader is inherited, but a bare Node
 * (vitest's workers, say) lacks it, so the worker registers tsx itself before importing the module.
 */
function startWorker(): Worker {
  if (COMPILED) {
    const compiled = new Worker(WORKER_URL);
    compiled.unref();
    return compiled;
  }
  const tsxApi = createRequire(import.meta.url)
    .resolve('tsx/esm/api')
    .replace(/index\.cjs$/, 'index.mjs');
  const boot = `import(${JSON.stringify(pathToFileURL(tsxApi).href)})
    .then((m) => { m.register(); return import(${JSON.stringify(WORKER_URL.href)}); });`;
  const w = new Worker(boot, { eval: true, execArgv: [] });
  // Extraction never keeps the process alive: a server that is stopping stops.
  w.unref();
  return w;
}

interface Pending {
  job: ExtractionRequest;
  resolve: (r: { result: ExtractionResult; ms: number }) => void;
  reject: (e: Error) => void;
}

/** A single extraction worker with a queue. */
export class ExtractionPool {
  private worker: Worker | null = null;
  private workerStamp: string | null = null;
  private queue: Pending[] = [];
  private current: (Pending & { id: number }) | null = null;
  private nextId = 1;

  /** Extracts `text` in the worker; resolves with the engine's result and its wall time. */
  run(job: ExtractionRequest): Promise<{ result: ExtractionResult; ms: number }> {
    return new Promise((resolve, reject) => {
      this.queue.push({ job, resolve, reject });
      void this.pump();
    });
  }

  /**
   * Starts the worker and loads the engine (TypeScript, compromise, the rules) with a short text, so the first
   * article does not wait for it: seconds on a busy machine.
   */
  async warmUp(): Promise<void> {
    await this.run({
      text: 'The forum met in Valletta. Ministers attended it.',
      stamp: 'warm-up',
      vocabulary: async () => ({ nodes: [] }),
    });
  }

  /** Jobs waiting or running. */
  get size(): number {
    return this.queue.length + (this.current ? 1 : 0);
  }

  /** Stops the worker (tests, shutdown); queued jobs fail. */
  async close(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    for (const p of this.queue.splice(0))
      p.reject(new ExtractionFailedError('The extraction worker stopped.'));
    if (w) await w.terminate();
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const w = startWorker();
    this.workerStamp = null;
    w.on('message', (m: WorkerReply) => void this.onReply(m));
    w.on('error', (err) => this.onDeath(w, err.message));
    w.on('exit', (code) => this.onDeath(w, `the extraction worker exited (code ${code})`));
    this.worker = w;
    return w;
  }

  private onDeath(w: Worker, why: string): void {
    if (this.worker !== w) return;
    this.worker = null;
    const cur = this.current;
    this.current = null;
    cur?.reject(new ExtractionFailedError(why));
    void this.pump();
  }

  private async send(withVocabulary: boolean): Promise<void> {
    const cur = this.current!;
    const msg: WorkerJob = { id: cur.id, text: cur.job.text, stamp: cur.job.stamp };
    if (withVocabulary) {
      msg.vocabulary = await cur.job.vocabulary();
      this.workerStamp = cur.job.stamp;
    }
    this.ensureWorker().postMessage(msg);
  }

  private async pump(): Promise<void> {
    if (this.current || !this.queue.length) return;
    const next = this.queue.shift()!;
    this.current = { ...next, id: this.nextId++ };
    // Referenced while it works (a CLI awaiting it must not exit), unreferenced when idle.
    this.ensureWorker().ref();
    try {
      await this.send(this.workerStamp !== next.job.stamp);
    } catch (err) {
      this.finish((p) => p.reject(err instanceof Error ? err : new Error(String(err))));
    }
  }

  private finish(settle: (p: Pending) => void): void {
    const cur = this.current;
    this.current = null;
    if (cur) settle(cur);
    if (!this.queue.length) this.worker?.unref();
    void this.pump();
  }

  private async onReply(m: WorkerReply): Promise<void> {
    const cur = this.current;
    if (!cur || m.id !== cur.id) return;
    if (m.type === 'progress') cur.job.onProgress?.(m.progress);
    else if (m.type === 'need-vocabulary') {
      try {
        await this.send(true);
      } catch (err) {
        this.finish((p) => p.reject(err instanceof Error ? err : new Error(String(err))));
      }
    } else if (m.type === 'done') this.finish((p) => p.resolve({ result: m.result, ms: m.ms }));
    else this.finish((p) => p.reject(new ExtractionFailedError(m.message)));
  }
}

/** The process's one pool (the server and `npm run ingest` each have their own). */
export const extractionPool = new ExtractionPool();
