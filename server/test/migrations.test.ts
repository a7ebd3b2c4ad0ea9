import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../src/core/logger.js';
import { connectOrm, ormOptions, type Orm } from '../src/core/orm/orm.js';
import { entities } from '../src/app/entities.js';
import { createTestDatabase } from './harness.js';

describe('committed migrations', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let orm: Orm;

  beforeAll(async () => {
    database = await createTestDatabase();
    orm = await connectOrm(
      ormOptions({ entities, url: database.url, poolMax: 2 }, createLogger('silent')),
    );
  });
  afterAll(async () => {
    await orm?.close();
    await database?.drop();
  });

  it('build exactly the schema the entities describe (run `npm run db:migration:create` after changing them)', async () => {
    const diff = await orm.getSchemaGenerator().getUpdateSchemaSQL({ wrap: false });
    expect(diff.trim()).toBe('');
  });

  it('are all applied and recorded', async () => {
    const pending = await orm.getMigrator().getPendingMigrations();
    expect(pending).toEqual([]);
    expect((await orm.getMigrator().getExecutedMigrations()).length).toBeGreaterThan(0);
  });
});
