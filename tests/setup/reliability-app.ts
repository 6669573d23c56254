// A test app with a fresh curator and admin logged in, as the reliability probes (fuzz, hostile corpus) need them.
import { afterAll, beforeAll } from 'vitest';
import type { ProbeHeaders } from '../../reliability/probe.js';
import { dropUser, loginAs, type LoggedIn } from './auth.js';
import { startTestApp, type TestApp, type TestAppOptions } from './test-app.js';

export interface ReliabilityApp {
  readonly app: TestApp;
  /** Bearer headers of the curator and the admin, for `runFuzz` / `runHostile`. */
  readonly headers: ProbeHeaders;
}

/** Registers beforeAll/afterAll hooks: starts the app, logs in a curator and an admin, and removes both users afterwards. */
export function useReliabilityApp(opts: TestAppOptions = {}): ReliabilityApp {
  let app: TestApp | undefined;
  let curator: LoggedIn | undefined;
  let admin: LoggedIn | undefined;
  beforeAll(async () => {
    app = await startTestApp(opts);
    curator = await loginAs(app, 'curator');
    admin = await loginAs(app, 'admin');
  });
  afterAll(async () => {
    if (!app) return;
    if (curator) await dropUser(app, curator.username);
    if (admin) await dropUser(app, admin.username);
    await app.close();
  });
  return {
    get app() {
      if (!app) throw new Error('reliability app not started');
      return app;
    },
    get headers() {
      if (!curator || !admin) throw new Error('reliability app not started');
      return { curator: curator.headers, admin: admin.headers };
    },
  };
}
