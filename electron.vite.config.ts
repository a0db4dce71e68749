import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';

/**
 * The dev server injects React's fast-refresh preamble as an inline script (and talks to its websocket), which the
 * production CSP in renderer/index.html forbids. Relax it while serving only; built files keep the strict policy.
 */
const devCsp = (): Plugin => ({
  name: 'dispatchdesk-dev-csp',
  apply: 'serve',
  transformIndexHtml: (html) =>
    html.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'").replace("connect-src 'self'", "connect-src 'self' ws: http://localhost:*"),
});

export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'electron/main.ts'),
          // The headless host: the same core under plain Node, serving the renderer over HTTP.
          headless: resolve(__dirname, 'src/main/headless/index.ts'),
          // The plant-day simulator (npm run simulate): the same core driven through the contract.
          simulate: resolve(__dirname, 'src/main/simulation/cli.ts'),
          // The benchmark (npm run bench): counter operations on a five-year database against their raw SQL floor.
          bench: resolve(__dirname, 'src/main/bench/cli.ts'),
        },
      },
    },
  },
  preload: {
    build: { rollupOptions: { input: { index: resolve(__dirname, 'src/preload/index.ts') } } },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    build: { rollupOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } } },
    plugins: [react(), devCsp()],
  },
});
