import 'reflect-metadata';
import type { Logger } from 'pino';
import { createLogger } from '../core/logger.js';
import { ConfigError, loadConfig, type AppConfig } from '../config/env.js';
import { EmbeddedDatabaseLockedError } from '../core/orm/embedded-postgres.js';
import { DatabaseUnavailableError } from '../core/orm/orm.js';
import { openDatabase, type OpenDatabase } from '../core/orm/database.js';
import { entities } from '../app/entities.js';

/** Problems an operator fixes (config, connectivity): reported as one line, without a stack. */
export function isOperatorError(error: unknown): error is Error {
  return (
    error instanceof ConfigError ||
    error instanceof DatabaseUnavailableError ||
    error instanceof EmbeddedDatabaseLockedError
  );
}

export function reportFatal(error: unknown): never {
  const text = isOperatorError(error)
    ? error.message
    : error instanceof Error
      ? (error.stack ?? error.message)
      : String(error);
  process.stderr.write(`kabinet: ${text}\n`);
  process.exit(1);
}

/** Runs a command-line task against the configured database, closing it afterwards. */
export async function runWithDatabase(
  task: (db: OpenDatabase, config: AppConfig, logger: Logger) => Promise<void>,
): Promise<void> {
  try {
    const config = loadConfig();
    const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
    const db = await openDatabase(config, entities, logger);
    try {
      await task(db, config, logger);
    } finally {
      await db.close();
    }
  } catch (error) {
    reportFatal(error);
  }
}
