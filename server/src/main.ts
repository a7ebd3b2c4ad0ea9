import 'reflect-metadata';
import { loadConfig } from './config/env.js';
import { createLogger } from './core/logger.js';
import { startServer } from './app/server.js';
import type { Orm } from './core/orm/orm.js';
import { reportFatal } from './scripts/cli.js';
import { DEMO_PASSWORD } from './seeders/demo.seeder.js';

/** Whether any active account can administer: a fresh production database has none. */
async function hasAdministrator(orm: Orm): Promise<boolean> {
  const [row] = await orm.em
    .fork()
    .getConnection()
    .execute<{ found: boolean }[]>(
      `select exists (select 1 from app_user where 'ADMIN' = any (roles) and status = 'ACTIVE') as found`,
    );
  return row?.found === true;
}

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const server = await startServer(config, logger);
  logger.info(
    {
      url: server.url,
      database: config.database.kind,
      pubSub: server.pubSubTransport,
    },
    'Kabinet is up',
  );
  const lines = [
    '',
    `  Kabinet is running at ${server.url}/`,
    `  GraphQL:  ${server.url}/graphql   GraphiQL: ${server.url}/graphiql`,
    `  Database: ${config.database.kind === 'embedded' ? `embedded PostgreSQL in ${config.database.dataDir}` : 'PostgreSQL (DATABASE_URL)'}`,
  ];
  if (server.demo) {
    lines.push(
      `  Demo institution: ${server.demo.organizationName}`,
      `  Demo logins (password ${DEMO_PASSWORD}): ${server.demo.logins.join(', ')}`,
    );
    if (config.nodeEnv === 'production')
      lines.push('  WARNING: demo accounts with a published password exist (SEED_DEMO=true).');
  }
  if (!(await hasAdministrator(server.orm))) {
    lines.push(
      '  No administrator yet: stop the server and run',
      '    npm run admin:create -- --organization "<full name of the institution>"',
      '  (it prints a generated password once).',
    );
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);

  let stopping = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    server.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

// Configuration and connectivity problems are the operator's to fix: one clear line, no stack.
main().catch(reportFatal);
