// The extraction worker thread: runs the engine (server/src/ingest/) off the server's event loop, so a long
// article never stalls other requests. It keeps the engine prepared for the last vocabulary it was sent.
import { parentPort } from 'node:worker_threads';
import { extract, prepareEngine, type Engine } from '../../ingest/extract.js';
import type { WorkerReply, WorkerJob } from './extraction-messages.js';

let prepared: { stamp: string; engine: Engine } | null = null;

const port = parentPort!;
port.on('message', (job: WorkerJob) => {
  const reply = (m: WorkerReply) => port.postMessage(m);
  try {
    if (job.vocabulary) prepared = { stamp: job.stamp, engine: prepareEngine(job.vocabulary) };
    if (!prepared || prepared.stamp !== job.stamp) {
      reply({ id: job.id, type: 'need-vocabulary' });
      return;
    }
    const t0 = performance.now();
    const result = extract(job.text, prepared.engine, {
      onProgress: (p) => reply({ id: job.id, type: 'progress', progress: p }),
    });
    reply({ id: job.id, type: 'done', result, ms: performance.now() - t0 });
  } catch (err) {
    reply({ id: job.id, type: 'failed', message: err instanceof Error ? err.message : String(err) });
  }
});
