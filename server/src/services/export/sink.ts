// Where an export writes: chunks in order, each write waiting while the receiver is full (backpressure).
import type { Response } from 'express';

/** A destination for export chunks; `write` resolves once the chunk may be followed by the next. */
export interface ExportSink {
  write(chunk: string | Uint8Array): Promise<void>;
}

/** Elements per chunk: big enough to keep writes few, small enough to start the download at once. */
export const BATCH = 500;

/** The client went away mid-download; the export stops quietly. */
export class ClientGoneError extends Error {
  constructor() {
    super('The client closed the connection during the export.');
    this.name = 'ClientGoneError';
  }
}

/** Writes to an HTTP response, honouring `res.write`'s backpressure and stopping when the client leaves. */
export function responseSink(res: Response): ExportSink {
  return {
    write(chunk) {
      if (res.destroyed || res.writableEnded) return Promise.reject(new ClientGoneError());
      if (res.write(chunk)) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const done = (err?: Error): void => {
          res.off('drain', onDrain);
          res.off('close', onClose);
          if (err) reject(err);
          else resolve();
        };
        const onDrain = (): void => done();
        const onClose = (): void => done(new ClientGoneError());
        res.on('drain', onDrain);
        res.on('close', onClose);
      });
    },
  };
}

/** Collects everything written (tests, and formats that need the whole text, such as a briefing's figure). */
export function memorySink(): ExportSink & { chunks: (string | Uint8Array)[] } {
  const chunks: (string | Uint8Array)[] = [];
  return {
    chunks,
    write(chunk) {
      chunks.push(chunk);
      return Promise.resolve();
    },
  };
}

/** Writes `items` in batches of BATCH, each batch rendered by `render` into one chunk. */
export async function writeBatched<T>(
  sink: ExportSink,
  items: readonly T[],
  render: (item: T) => string,
): Promise<void> {
  for (let i = 0; i < items.length; i += BATCH) {
    let chunk = '';
    for (const item of items.slice(i, i + BATCH)) chunk += render(item);
    await sink.write(chunk);
  }
}
