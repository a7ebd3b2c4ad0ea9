import 'reflect-metadata';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { bootOnce } from './boot-once.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /**
     * Closed embedded data directories each test server copies (migrated; migrated + demo), set in
     * the embedded lane only.
     */
    embeddedTemplates?: { bare: string; demo: string };
  }
}

/** Copies a closed embedded data directory, without the lock file of the process that had it. */
export const copyDataDir = (from: string, to: string): Promise<void> =>
  fs.cp(from, to, { recursive: true, filter: (source) => path.basename(source) !== 'kabinet.pid' });

/**
 * Builds the embedded lane's data directories once per run (PGlite's first start, the migrations
 * and the demo seed cost seconds); every test server starts on a copy of one.
 */
export default async function setup(project: TestProject) {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'kabinet-embedded-templates-'));
  const bare = path.join(root, 'bare');
  const demo = path.join(root, 'demo');
  await bootOnce({ DATA_DIR: bare }, false);
  await copyDataDir(bare, demo);
  await bootOnce({ DATA_DIR: demo }, true);
  project.provide('embeddedTemplates', { bare, demo });
  return () => fs.rm(root, { recursive: true, force: true });
}
