// Vite configuration: builds the browser client (client/) into dist/client and proxies /api in dev.
// `vite build --mode test` builds the same client with the browser tests' hooks into dist/client-test.
import { constants } from 'node:zlib';
import { defineConfig } from 'vite';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';

/** Port of the API server the dev server forwards /api to (`npm start` listens on 3000). */
const apiPort = process.env.API_PORT ?? 3000;

export default defineConfig(({ mode }) => ({
  root: 'client',
  plugins: [
    // Pre-compressed once at build time at the highest levels (brotli 11 is ~15% smaller than gzip but takes
    // seconds per megabyte, too slow per request); the server sends the .br or .gz beside each file.
    compression({
      algorithms: [
        defineAlgorithm('brotliCompress', { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
        defineAlgorithm('gzip', { level: 9 }),
      ],
      threshold: 1024,
    }),
  ],
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
        // The features loaded on first use (features/<name>/lazy.ts imports features/<name>/mount.ts) are
        // named after the feature, not "mount".
        chunkFileNames: (chunk) => {
          const lazy = /\/features\/([a-z-]+)\/mount\.ts$/.exec(chunk.facadeModuleId ?? '');
          return `assets/${lazy ? lazy[1] : '[name]'}-[hash].js`;
        },
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
