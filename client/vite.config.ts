import { fileURLToPath } from 'node:url';

import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = (file: string): string => fileURLToPath(new URL(file, import.meta.url));

export default defineConfig({
  root: here('.'),
  // The server serves client/dist at the site root, so asset URLs must be absolute from '/'.
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Monaco (inside GraphiQL) is big; GraphiQL is a developer tool, not the portal.
    chunkSizeWarningLimit: 4096,
    rolldownOptions: {
      input: {
        index: here('./index.html'),
        graphiql: here('./graphiql.html'),
      },
      onLog(level, log, handler) {
        // GraphiQL ships React Compiler "use no memo" directives; dropping them is harmless.
        if (log.code === 'MODULE_LEVEL_DIRECTIVE' && log.message.includes('use no memo')) return;
        handler(level, log);
      },
    },
  },
  optimizeDeps: {
    // These modules import Monaco workers with Vite's `?worker` suffix, which the dependency
    // pre-bundler cannot load; serving them through the normal transform pipeline handles it.
    exclude: ['graphiql/setup-workers/vite', '@graphiql/react/setup-workers/vite'],
  },
  server: {
    // `npm run dev -w client`: send API calls (and the subscription socket) to the local server.
    proxy: {
      '/graphql': { target: 'http://127.0.0.1:4000', ws: true },
    },
  },
});
