// Flags Vite replaces at build time (vite.config.ts `define`).

/** True only in test builds (`vite build --mode test`): the browser tests' hooks are compiled in. */
declare const __TEST_HOOKS__: boolean;
