// Vite configuration: builds the browser client (client/) into dist/client and proxies /api in dev.
// `vite build --mode test` builds the same client with the browser tests' hooks into dist/client-test.
import { defineConfig } from 'vite';

/** Port of the API server the dev server forwards /api to (`npm start` listens on 3000). */
const apiPort = process.env.API_PORT ?? 3000;

export default defineConfig(({ mode }) => ({
  root: 'client',
  define: {
    // Dead code elsewhere, so production bundles carry none of the test hooks (tests/build checks).
    __TEST_HOOKS__: JSON.stringify(mode === 'test'),
  },
  build: {
    outDir: mode === 'test' ? '../dist/client-test' : '../dist/client',
    emptyOutDir: true,
    rollupOptions: {
      output: {
        // Vendor code changes rarely; separate chunks cache well and keep each under the size warning.
        manualChunks: {
          cytoscape: ['cytoscape'],
          fcose: ['cytoscape-fcose'],
          d3: ['d3'],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': { target: `http://127.0.0.1:${apiPort}` },
    },
  },
}));
