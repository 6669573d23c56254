// ApiError: every failed API call becomes one of these, with a code callers can branch on.
import type { ErrorCode } from '../../../contract';

/** Server error codes plus the failures only a client sees. */
export type ApiErrorCode = ErrorCode | 'NETWORK' | 'TIMEOUT' | 'BAD_RESPONSE';

/** A failed request: `code` from the server's `{error:{code,message}}`, or a client-side code. */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly code: ApiErrorCode,
    message: string,
    /** HTTP status; 0 when no response arrived. */
    readonly status: number,
    /** The request field the server blamed, when it named one. */
    readonly field?: string,
    /** With a 409 CONFLICT: the current state of what the request was based on (`error.current`). */
    readonly current?: unknown,
  ) {
    super(message);
  }

  /** True when trying again later may succeed (database down, network or timeout). */
  get retriable(): boolean {
    return this.code === 'DATABASE_UNAVAILABLE' || this.code === 'NETWORK' || this.code === 'TIMEOUT';
  }
}

/** True for a request the caller cancelled on purpose (a newer keystroke, say): not an error to show. */
export function isAbortError(err: unknown): boolean {
  return err instanceof DOMException && err.name === 'AbortError';
}

/** One line for the user: what failed, and what to do when retrying may help. */
export function describeError(err: unknown): string {
  if (err instanceof ApiError) {
    return err.retriable ? `${err.message} Try again in a moment.` : err.message;
  }
  return err instanceof Error ? err.message : String(err);
}
