import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

/**
 * The console is served by the API under /ui/ (the API's own routes sit at the root, so the
 * console's paths cannot collide with them); `npm run build:web` writes dist/web.
 */
export default defineConfig({
  root: import.meta.dirname,
  base: '/ui/',
  plugins: [react()],
  // Labels, stages and KPI definitions come from the pure domain library: defined once, shown here.
  resolve: { alias: { '@zs/domain': resolve(import.meta.dirname, '../../libs/domain/src/index.ts') } },
  build: {
    outDir: resolve(import.meta.dirname, '../../dist/web'),
    emptyOutDir: true,
    // ECharts (only the dashboard and the Gantt use it) in a chunk of its own; Ant Design is left to the
    // bundler's splitting, so a first visit loads only the components the shell and its page use
    // (322 KiB gzip against 475 with all of Ant Design in one chunk).
    chunkSizeWarningLimit: 700,
    rollupOptions: {
      output: {
        manualChunks(id: string) {
          if (id.includes('node_modules/echarts') || id.includes('node_modules/zrender')) return 'echarts';
          if (id.includes('node_modules/react') || id.includes('node_modules/scheduler')) return 'react';
          return undefined;
        },
      },
    },
  },
  server: {
    // `npm run dev:web`: the console with hot reload against an API on :3000.
    proxy: { '^/(?!ui/).*': { target: process.env.API_URL ?? 'http://127.0.0.1:3000', changeOrigin: true } },
  },
});
