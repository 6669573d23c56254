// Web worker: computes scene metrics off the main thread, so betweenness on thousands of elements never freezes the page.
import { computeSceneMetrics, type MetricsInput, type SceneMetrics } from './scene-metrics';

/** A request to the worker: `seq` lets the caller drop answers to requests it has superseded. */
export interface MetricsRequest {
  seq: number;
  input: MetricsInput;
}
/** The worker's answer. */
export type MetricsReply = { seq: number; metrics: SceneMetrics } | { seq: number; error: string };

self.addEventListener('message', (event: MessageEvent<MetricsRequest>) => {
  const { seq, input } = event.data;
  let reply: MetricsReply;
  try {
    reply = { seq, metrics: computeSceneMetrics(input) };
  } catch (err) {
    reply = { seq, error: err instanceof Error ? err.message : String(err) };
  }
  self.postMessage(reply);
});
