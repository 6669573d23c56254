// Vite configuration: builds the browser client (client/) into dist/client and proxies /api in dev.
import { defineConfig } from 'vite';

/** Port of the API server the dev server forwards /api to (`npm start` listens on 3000). */
const apiPort = process.env.API_PORT ?? 3000;

export default defineConfig({
  root: 'client',
  build: {
    outDir: '../dist/client',
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
});
