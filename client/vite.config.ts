import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const here = (file: string): string => fileURLToPath(new URL(file, import.meta.url));

/** The sign-in page's initial JavaScript must stay under this, gzipped (issue 7). */
const SIGN_IN_BUDGET_BYTES = 300 * 1024;

/**
 * Reports the gzipped size of the JavaScript the portal's entry loads before anything lazy (the
 * entry chunk and its static imports: what the sign-in page needs), writes it to
 * dist/size-report.json and fails the build over budget.
 */
function signInSizeReport(): Plugin {
  return {
    name: 'kabinet-sign-in-size',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = new Map(
        Object.values(bundle)
          .filter((output) => output.type === 'chunk')
          .map((chunk) => [chunk.fileName, chunk]),
      );
      const entry = [...chunks.values()].find(
        (chunk) => chunk.isEntry && chunk.facadeModuleId?.endsWith('/index.html'),
      );
      if (!entry) return;
      const initial = new Set<string>();
      const visit = (fileName: string) => {
        if (initial.has(fileName)) return;
        initial.add(fileName);
        for (const imported of chunks.get(fileName)?.imports ?? []) visit(imported);
      };
      visit(entry.fileName);
      const files = [...initial].map((fileName) => ({
        file: fileName,
        bytes: Buffer.byteLength(chunks.get(fileName)!.code),
        gzipBytes: gzipSync(chunks.get(fileName)!.code, { level: 9 }).length,
      }));
      const gzipBytes = files.reduce((sum, file) => sum + file.gzipBytes, 0);
      const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
      this.emitFile({
        type: 'asset',
        fileName: 'size-report.json',
        source: JSON.stringify(
          { signInInitialJs: { gzipBytes, budgetBytes: SIGN_IN_BUDGET_BYTES, files } },
          null,
          2,
        ),
      });
      const line = `Sign-in page initial JS: ${kb(gzipBytes)} gzipped in ${files.length} file(s) (budget ${kb(SIGN_IN_BUDGET_BYTES)})`;
      if (gzipBytes > SIGN_IN_BUDGET_BYTES) this.error(line);
      process.stdout.write(`\n${line}\n`);
    },
  };
}

/**
 * Ships the portal's trusted documents (codegen's persisted-documents.json: SHA-256 → operation)
 * in dist/ as trusted-documents.json, where the server reads which operations a browser may run.
 */
function trustedDocuments(): Plugin {
  return {
    name: 'kabinet-trusted-documents',
    apply: 'build',
    generateBundle() {
      this.emitFile({
        type: 'asset',
        fileName: 'trusted-documents.json',
        source: readFileSync(here('./src/gql/persisted-documents.json'), 'utf8'),
      });
    },
  };
}

export default defineConfig({
  root: here('.'),
  // The server serves client/dist at the site root, so asset URLs must be absolute from '/'.
  base: '/',
  plugins: [react(), signInSizeReport(), trustedDocuments()],
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
    // `npm run dev`: API calls, the subscription socket and file downloads go to the local server
    // (KABINET_API to point elsewhere). The Host header is kept, so the server's same-origin
    // WebSocket check and the session cookie work through the proxy.
    proxy: {
      '/graphql': { target: process.env['KABINET_API'] ?? 'http://127.0.0.1:4000', ws: true },
      '/files': { target: process.env['KABINET_API'] ?? 'http://127.0.0.1:4000' },
    },
  },
});
