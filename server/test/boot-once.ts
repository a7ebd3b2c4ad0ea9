import 'reflect-metadata';
import { createLogger } from '../src/core/logger.js';
import { startServer } from '../src/app/server.js';
import { loadConfig } from '../src/config/env.js';

/** What every test server runs with unless a test says otherwise: quiet, and cheap password hashes. */
export const testServerEnv = {
  PORT: '0',
  HOST: '127.0.0.1',
  NODE_ENV: 'test',
  PASSWORD_HASHING: 'test',
} as const;

/**
 * Starts and stops the real server on a database (`DATABASE_URL` or `DATA_DIR` in `env`), as
 * `npm start` would: migrated, the production calendar synced, the demo seeded when asked. Leaves
 * the database closed, ready to be a template.
 */
export async function bootOnce(env: Record<string, string>, seedDemo: boolean): Promise<void> {
  const config = loadConfig({
    ...testServerEnv,
    LOG_LEVEL: 'silent',
    SEED_DEMO: String(seedDemo),
    ...env,
  });
  const server = await startServer(config, createLogger('silent'));
  await server.stop();
}
