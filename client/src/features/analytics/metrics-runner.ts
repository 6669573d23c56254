// Keeps State.metrics in step with the visible scene: debounced, computed in a worker (inline if workers are unavailable).
import { sceneVisibility } from '../filters/scene-visibility';
import type { Actions } from '../../state/actions';
import type { State } from '../../state/state';
import type { ReadableStore } from '../../state/store';
import { debounce } from '../../shared/debounce';
import type { MetricsReply, MetricsRequest } from './metrics-worker';
import { computeSceneMetrics, type MetricsInput } from './scene-metrics';

/** Quiet time after the last scene change before measuring: an expansion lands in one go. */
const DEBOUNCE_MS = 200;

/** Handle on the runner. */
export interface MetricsRunner {
  /** Resolves once the metrics match the current scene. */
  whenCurrent(): Promise<void>;
}

/** What the metrics are computed over: the nodes and edges the filters leave drawn. */
function visibleInput(s: State): MetricsInput {
  const v = sceneVisibility(s);
  return {
    nodes: [...s.nodes.keys()].filter((id) => !v.hiddenNodes.has(id)),
    edges: [...s.edges.values()]
      .filter((e) => !v.hiddenEdges.has(e.id))
      .map((e) => ({ source: e.source, target: e.target })),
  };
}

function startWorker(): Worker | null {
  try {
    return new Worker(new URL('./metrics-worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return null;
  }
}

/** Starts measuring; reports failures through `onError`. */
export function startMetricsRunner(
  store: ReadableStore<State>,
  actions: Actions,
  onError: (err: unknown) => void,
): MetricsRunner {
  let worker = startWorker();
  let seq = 0;
  /** The request the metrics will answer once done; equal to `seq` when current. */
  let answered = 0;
  const waiters: (() => void)[] = [];

  const settle = (replySeq: number): void => {
    answered = Math.max(answered, replySeq);
    if (answered === seq && !schedule.pending) for (const w of waiters.splice(0)) w();
  };

  const accept = (reply: MetricsReply): void => {
    if (reply.seq !== seq) return; // superseded: a newer request is on its way
    if ('error' in reply) onError(new Error(`Analytics failed: ${reply.error}`));
    else actions.setMetrics(reply.metrics);
    settle(reply.seq);
  };

  const inline = (request: MetricsRequest): void => {
    try {
      accept({ seq: request.seq, metrics: computeSceneMetrics(request.input) });
    } catch (err) {
      accept({ seq: request.seq, error: err instanceof Error ? err.message : String(err) });
    }
  };

  if (worker) {
    worker.addEventListener('message', (e: MessageEvent<MetricsReply>) => accept(e.data));
    worker.addEventListener('error', (e) => {
      // The worker could not start (or crashed): measure on the main thread from now on.
      e.preventDefault();
      worker?.terminate();
      worker = null;
      inline({ seq, input: visibleInput(store.get()) });
    });
  }

  const run = (): void => {
    const request: MetricsRequest = { seq: ++seq, input: visibleInput(store.get()) };
    if (worker) worker.postMessage(request);
    else inline(request);
  };
  const schedule = debounce(run, DEBOUNCE_MS);

  store.subscribe((next, prev) => {
    if (next.nodes !== prev.nodes || next.edges !== prev.edges || next.filters !== prev.filters) schedule();
  });
  run();

  return {
    whenCurrent: () =>
      new Promise<void>((resolve) => {
        if (answered === seq && !schedule.pending) resolve();
        else waiters.push(resolve);
      }),
  };
}
