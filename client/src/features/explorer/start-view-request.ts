// The start view's request, sent alongside GET /api/auth/me when the last visit needed no login.
// Why: waiting for the login state first puts a whole round trip before the graph's first request; but with
// AUTH_REQUIRED that request would be refused (a 401 the browser logs and the login dialog answers), so it goes
// early only when this browser last saw reads open, and waits as before on a first visit.
import type { NeighboursResponse } from '../../../../contract';

/** Set from each GET /api/auth/me: '1' when reads needed no login. */
const OPEN_READS_KEY = 'secgraph:open-reads';

export interface StartViewRequest {
  /**
   * Records the login state just read; returns the early request when it was sent and may be used (reads are
   * open), else undefined: the caller then asks once reads are allowed.
   */
  settle(authRequired: boolean): Promise<NeighboursResponse> | undefined;
}

export function startViewRequest(o: {
  storage: Storage | null;
  request: () => Promise<NeighboursResponse>;
  /** False when the page opens something else (a workspace). */
  enabled: boolean;
}): StartViewRequest {
  let early: Promise<NeighboursResponse> | undefined;
  if (o.enabled && o.storage?.getItem(OPEN_READS_KEY) === '1') {
    early = o.request();
    // Its failure is reported by whoever awaits it; one nobody awaits (reads turned out closed) stays quiet.
    early.catch(() => undefined);
  }
  return {
    settle(authRequired) {
      try {
        o.storage?.setItem(OPEN_READS_KEY, authRequired ? '0' : '1');
      } catch {
        /* storage full or refused: the next visit waits, as a first one does */
      }
      return authRequired ? undefined : early;
    },
  };
}
