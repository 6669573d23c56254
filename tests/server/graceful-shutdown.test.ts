// SIGTERM to `npm start`: the read in flight completes with 200, a new connection is refused, the driver closes,
// the embedded Neo4j stops (no JVM left for its data directory), and the process exits 0.
import { describe, expect, it } from 'vitest';
import { runGracefulShutdown } from '../../reliability/graceful-shutdown.js';

describe('graceful shutdown', () => {
  it('drains the request in flight, refuses new ones, stops the embedded Neo4j and exits 0', async () => {
    const r = await runGracefulShutdown();
    const figures = JSON.stringify(r);
    expect(r.inFlight.status, figures).toBe(200);
    expect(
      r.inFlight.answeredAfterSigterm,
      `the slow read was still in flight at the SIGTERM: ${figures}`,
    ).toBe(true);
    expect(r.newRequestRefused, figures).toBe(true);
    expect(r.exitCode, figures).toBe(0);
    expect(r.jvmsLeft, figures).toBe(0);
  }, 480_000);
});
