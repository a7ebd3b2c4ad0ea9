import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { createLogger } from '../src/core/logger.js';
import { connectOrm, ormOptions } from '../src/core/orm/orm.js';
import { entities } from '../src/app/entities.js';
import { bootOnce } from './boot-once.js';

declare module 'vitest' {
  export interface ProvidedContext {
    adminDatabaseUrl: string;
    templateDatabase: string;
    /** The migrated template with the demo seeded (at the test password cost). */
    demoTemplateDatabase: string;
  }
}

/** The PostgreSQL server tests use; each run gets fresh databases on it and drops them after. */
export const adminDatabaseUrl =
  process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export async function withAdminClient<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminDatabaseUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const databaseUrl = (name: string): string => {
  const url = new URL(adminDatabaseUrl);
  url.pathname = `/${name}`;
  return url.toString();
};

/**
 * Builds two templates every test database is cloned from: one with the committed migrations, and
 * a copy of it on which the real server started once and seeded the demo (seconds a start saved).
 */
export default async function setup(project: TestProject) {
  const prefix = `kabinet_test_${process.pid}_${Date.now().toString(36)}`;
  const templateDatabase = `${prefix}_template`;
  const demoTemplateDatabase = `${prefix}_demo_template`;
  await withAdminClient((client) => client.query(`create database "${templateDatabase}"`));

  const orm = await connectOrm(
    ormOptions(
      { entities, url: databaseUrl(templateDatabase), poolMax: 2 },
      createLogger('silent'),
    ),
  );
  try {
    await orm.getMigrator().up();
  } finally {
    await orm.close();
  }
  await withAdminClient((client) =>
    client.query(`create database "${demoTemplateDatabase}" template "${templateDatabase}"`),
  );
  await bootOnce({ DATABASE_URL: databaseUrl(demoTemplateDatabase), DATABASE_POOL_MAX: '4' }, true);

  project.provide('adminDatabaseUrl', adminDatabaseUrl);
  project.provide('templateDatabase', templateDatabase);
  project.provide('demoTemplateDatabase', demoTemplateDatabase);

  return async () => {
    await withAdminClient(async (client) => {
      const { rows } = await client.query<{ datname: string }>(
        `select datname from pg_database where datname like $1`,
        [`${prefix}%`],
      );
      for (const { datname } of rows) {
        await client.query(`drop database if exists "${datname}" with (force)`);
      }
    });
  };
}
