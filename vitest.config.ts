// Test runner: two projects. `unit` is pure logic (no Neo4j, no browser); `integration` runs against one
// real Neo4j for the whole run (global setup), API and browser tests alike, files one after another.
import { configDefaults, defineConfig } from 'vitest/config';

/** Pure logic: the client's modules (tests/client/) and any file named `*.unit.test.ts`. */
const UNIT = ['tests/client/**/*.test.ts', 'tests/**/*.unit.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    reporters: ['default'],
    projects: [
      {
        extends: true,
        // One worker process for all unit files, not a fork each: 22-24 s instead of 32-38 s on the
        // loaded 2-core machine (load average 20). Unit tests keep no state between files.
        test: { name: 'unit', include: UNIT, isolate: false },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          // Every other test file: a new one needs Neo4j unless it is placed or named as a unit test.
          include: ['tests/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...UNIT],
          globalSetup: ['tests/setup/global-setup.ts'],
          // One shared database: files run in sequence so count comparisons see only their own writes.
          fileParallelism: false,
          // The files share one worker process, so the server modules, the driver and Playwright are
          // imported once rather than once per file (a fork and import per file took about 7 s each on a
          // busy 2-core machine). Every file closes what it opens in afterAll.
          isolate: false,
          // The first run resolves Neo4j through Maven and starts a JVM.
          hookTimeout: 240_000,
        },
      },
    ],
  },
});
