// Test runner: one real Neo4j for the whole run (global setup), test files one after another.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/setup/global-setup.ts'],
    // One shared database: files run in sequence so count comparisons see only their own writes.
    fileParallelism: false,
    testTimeout: 30_000,
    // The first run resolves Neo4j through Maven and starts a JVM.
    hookTimeout: 240_000,
    reporters: ['default'],
  },
});
