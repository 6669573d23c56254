// One versioned write from a form: send it; on 409 show the conflict and let the curator reapply or discard.
import type { GraphEdge, GraphNode } from '../../../contract';
import { ApiError } from '../api/api-error';
import { openConflictDialog } from './conflict-dialog';
import { currentElement, reapplied } from './conflict';

type Element = GraphNode | GraphEdge;

/** A write based on `base` at its version. */
export interface VersionedWrite<R extends { version: number }, T> {
  /** Names the target in the conflict dialog ("United Kingdom"). */
  what: string;
  base: Element;
  request: R;
  /** False for a delete: the dialog then offers to delete the latest version. */
  isChange: boolean;
  send(request: R): Promise<T>;
  /** Reads the element as it is now, when a 409 does not carry it. */
  loadCurrent(): Promise<Element>;
  onDone(result: T): void;
  /** The curator dropped their change: show `current`. */
  onDiscard(current: Element): void;
  /** Any other failure (a 422 for the form to place next to its field, say). */
  onError(err: unknown): void;
}

/** Runs the write; resolves once it succeeded, failed, or handed over to the conflict dialog. */
export async function runVersionedWrite<R extends { version: number }, T>(
  w: VersionedWrite<R, T>,
): Promise<void> {
  try {
    w.onDone(await w.send(w.request));
  } catch (err) {
    if (!(err instanceof ApiError && err.code === 'CONFLICT')) {
      w.onError(err);
      return;
    }
    let current = currentElement(err.current);
    if (!current) {
      try {
        current = await w.loadCurrent();
      } catch (loadErr) {
        w.onError(loadErr);
        return;
      }
    }
    const latest = current;
    openConflictDialog({
      what: w.what,
      base: w.base,
      current: latest,
      request: w.isChange ? (w.request as unknown as Record<string, unknown>) : null,
      reapply: async () => {
        try {
          w.onDone(await w.send(reapplied(w.request, latest)));
        } catch (again) {
          // A third save slipped in: start over from the newest state.
          if (again instanceof ApiError && again.code === 'CONFLICT') {
            await runVersionedWrite({ ...w, base: latest, request: reapplied(w.request, latest) });
            return;
          }
          throw again;
        }
      },
      discard: () => w.onDiscard(latest),
    });
  }
}
