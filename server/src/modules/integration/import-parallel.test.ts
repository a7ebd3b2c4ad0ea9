import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/harness.js';
import { createLogger } from '../../core/logger.js';
import { connectOrm, ormOptions, type Orm } from '../../core/orm/orm.js';
import { entities } from '../../app/entities.js';
import type { ImportResult } from './import-run-record.js';
import { ImportService, type ReadingOptions } from './import.service.js';
import { ndjsonBlocks } from './ndjson.js';

/**
 * A batch read by worker threads (as every batch past 20,000 records is) is the same batch read
 * on the main thread: the same rows, the same counts, the same problems on the same lines. The
 * fixture is cut into blocks of a few hundred bytes so that both workers get many, out of order.
 * Staged without COPY (the embedded database's way), it writes the same rows too.
 */

const fixturePath = path.resolve(import.meta.dirname, '../../../../scripts/import-fixture.ndjson');
const fixture = fs.readFileSync(fixturePath, 'utf8');

const mainThread: ReadingOptions = { copy: true, workers: 0 };
const workers: ReadingOptions = { copy: true, workers: 2, parallelFrom: 0 };
/** As on the embedded database, whose socket carries no COPY: multi-row inserts from JSON. */
const inserts: ReadingOptions = { copy: false, workers: 2, parallelFrom: 0 };

interface Database {
  orm: Orm;
  drop(): Promise<void>;
}

const databases: Database[] = [];

async function freshDatabase(): Promise<Database> {
  const database = await createTestDatabase();
  const orm = await connectOrm(
    ormOptions({ entities, url: database.url, poolMax: 2 }, createLogger('silent')),
  );
  const fresh = { orm, drop: () => database.drop() };
  databases.push(fresh);
  return fresh;
}

async function importInto(database: Database, text: string, reading: ReadingOptions) {
  async function* chunks() {
    const bytes = Buffer.from(text);
    for (let at = 0; at < bytes.length; at += 700) yield bytes.subarray(at, at + 700);
  }
  return new ImportService(database.orm, null, createLogger('silent'), reading).run(
    ndjsonBlocks(chunks(), undefined, 300),
    {
      channel: 'CLI',
      actor: { userId: null, label: 'cli:test', login: 'cli' },
      organizationId: null,
      createOrganization: true,
    },
  );
}

/** What a batch left in the portal, by external id (the row ids differ between two imports). */
async function contents(database: Database) {
  const em = database.orm.em.fork();
  const tables = [
    'department',
    'position',
    'employee',
    'assignment',
    'leave_record',
    'education_record',
    'payroll_period',
  ];
  const keys: Record<string, string[]> = {};
  for (const table of tables)
    keys[table] = (
      await em.execute<{ external_id: string }[]>(
        `select external_id from ${table} where external_id is not null order by external_id`,
      )
    ).map((row) => row.external_id);
  const payslips = await em.execute(
    `select s.external_id, e.external_id as employee, p.external_id as period,
            s.opening_balance::text, s.closing_balance::text, s.lines
       from payslip s join employee e on e.id = s.employee_id join payroll_period p on p.id = s.period_id
      order by s.external_id`,
  );
  const people = await em.execute(
    `select external_id, last_name, first_name, snils, hire_date::text from employee order by external_id`,
  );
  return { keys, payslips, people };
}

const summary = (result: ImportResult) => ({
  status: result.status,
  records: result.records,
  byType: result.byType,
  errors: result.errors,
});

describe('a batch read by worker threads', () => {
  let one: Database;
  let other: Database;

  beforeAll(async () => {
    [one, other] = await Promise.all([freshDatabase(), freshDatabase()]);
  });
  afterAll(async () => {
    for (const database of databases) {
      await database.orm.close();
      await database.drop();
    }
  });

  it('writes what the main thread writes, and counts the same', async () => {
    const alone = await importInto(one, fixture, mainThread);
    const shared = await importInto(other, fixture, workers);
    expect(alone.status).toBe('APPLIED');
    expect(summary(shared)).toEqual(summary(alone));
    expect(shared.records).toBe(fixture.trim().split('\n').length - 1);
    const [expected, actual] = await Promise.all([contents(one), contents(other)]);
    expect(actual).toEqual(expected);
    expect(actual.payslips.length).toBeGreaterThan(10);
  });

  it('writes the same without COPY, as on the embedded database', async () => {
    const [byCopy, byInsert] = await Promise.all([freshDatabase(), freshDatabase()]);
    const copied = await importInto(byCopy, fixture, mainThread);
    const inserted = await importInto(byInsert, fixture, inserts);
    expect(inserted.status).toBe('APPLIED');
    expect(summary(inserted)).toEqual(summary(copied));
    expect(await contents(byInsert)).toEqual(await contents(byCopy));
  });

  it('finds the same problems on the same lines, and writes nothing', async () => {
    const lines = fixture.trim().split('\n');
    const organization = lines.findIndex((line) => line.includes('"type":"organization"'));
    const payslip = lines.findIndex((line) => line.includes('"type":"payslip"'));
    const broken = [...lines];
    broken[5] = '{"type":"employee","op":"upsert",';
    broken[payslip] = broken[payslip]!.replace(
      /"closingBalance":"[^"]*"/,
      '"closingBalance":"1.00"',
    );
    broken.push(lines[organization]!, '{"type":"leave","op":"upsert","externalId":"x"}', '', '[]');
    const text = `${broken.join('\n')}\n`;
    const [alone, shared] = await Promise.all([
      importInto(await freshDatabase(), text, mainThread),
      importInto(await freshDatabase(), text, workers),
    ]);
    expect(alone.status).toBe('REJECTED');
    expect(alone.errors.map((error) => error.line)).toEqual(
      expect.arrayContaining([6, payslip + 1, broken.length - 3, broken.length - 2, broken.length]),
    );
    expect(summary(shared)).toEqual(summary(alone));
  });
});
