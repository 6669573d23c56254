// What the server and the extraction worker say to each other (structured-clone messages).
import type { ExtractionProgress, ExtractionResult, Vocabulary } from '../../ingest/types.js';

/** One article to extract; `vocabulary` is sent when the worker's is older than `stamp`. */
export interface WorkerJob {
  id: number;
  text: string;
  stamp: string;
  vocabulary?: Vocabulary;
}

export type WorkerReply =
  | { id: number; type: 'progress'; progress: ExtractionProgress }
  | { id: number; type: 'need-vocabulary' }
  | { id: number; type: 'done'; result: ExtractionResult; ms: number }
  | { id: number; type: 'failed'; message: string };
