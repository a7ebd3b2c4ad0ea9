import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Cursor, type FilterQuery } from '@mikro-orm/core';
import { startTestServer, type TestServer } from '../../../test/harness.js';
import { Employee } from '../../modules/employee/index.js';
import { Notification } from '../../modules/notification/index.js';
import { findRows, findStatement, type RowFindOptions } from './rows.js';
import { StatementPlans } from './statement-plans.js';

const ORG = '0190a1b2-0000-7000-8000-000000000001';
const ids = Array.from({ length: 4 }, (_, i) => `0190a1b2-0000-7000-8000-00000000001${i}`);
const byName: RowFindOptions<Employee> = {
  first: 50,
  overfetch: true,
  orderBy: { lastName: 'asc', firstName: 'asc', id: 'asc' },
  join: ['department', 'position'],
};

describe('StatementPlans', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  /** Each call of a shape, planned, gives the very statement the builder writes for it. */
  function expectSameAsWritten<T extends object>(
    plans: StatementPlans,
    entity: new () => T,
    calls: readonly { where: FilterQuery<T>; options: RowFindOptions<T> }[],
  ) {
    const em = server.orm.em.fork();
    for (const { where, options } of calls) {
      const planned = findStatement(em, entity, where, options, plans);
      const written = findStatement(em, entity, where, options, null);
      expect(planned).toEqual({ sql: written.sql, bindings: written.bindings });
    }
  }

  it('puts each call’s values where the builder put them, pages and cursors included', () => {
    const plans = new StatementPlans();
    const cursor = (last: string, first: string, id: string) => Cursor.encode([last, first, id]);
    expectSameAsWritten(plans, Employee, [
      { where: { organization: ORG }, options: byName },
      { where: { organization: ids[0]! }, options: byName },
      { where: { organization: ORG }, options: { ...byName, after: cursor('Ан', 'Ия', ids[1]!) } },
      {
        where: { organization: ids[2]! },
        options: { ...byName, after: cursor('Я', 'Б', ids[3]!) },
      },
      {
        where: {
          organization: ORG,
          $or: [{ department: { $in: [ids[0]!] } }, { manager: ids[1]! }],
        },
        options: byName,
      },
      {
        where: {
          organization: ORG,
          $or: [{ department: { $in: [ids[2]!] } }, { manager: ids[3]! }],
        },
        options: byName,
      },
      {
        where: { organization: ORG, $or: [{ department: { $in: ids } }, { manager: ids[0]! }] },
        options: byName,
      },
      { where: { organization: ORG, dismissalDate: null }, options: byName },
      { where: { organization: ORG, dismissalDate: { $ne: null } }, options: byName },
      { where: { lastName: { $like: '%ов%' }, organization: ORG }, options: { limit: 5 } },
      { where: { lastName: { $like: 'И%' }, organization: ids[1]! }, options: { limit: 5 } },
      { where: { id: { $in: [ids[0]!, ids[1]!] } }, options: {} },
      { where: { id: { $in: [ids[2]!, ids[3]!] } }, options: {} },
    ]);
    // Eight shapes (a page, a cursor, two $in lengths, null, not null, a pattern, ids), each planned.
    expect(plans.planned).toBe(8);
  });

  it('never plans what would not come through as given: instants write anew every time', () => {
    const plans = new StatementPlans();
    const newest = { first: 20, overfetch: true, orderBy: { createdAt: 'desc', id: 'desc' } };
    const after = (at: string, id: string) => Cursor.encode([new Date(at), id]);
    expectSameAsWritten(plans, Notification, [
      { where: { recipientUserId: ids[0]! }, options: newest as RowFindOptions<Notification> },
      {
        where: { recipientUserId: ids[0]! },
        options: { ...newest, after: after('2026-01-02T03:04:05.000Z', ids[1]!) } as never,
      },
      {
        where: { recipientUserId: ids[2]! },
        options: { ...newest, after: after('2025-05-06T07:08:09.000Z', ids[3]!) } as never,
      },
      {
        where: { recipientUserId: ids[1]!, createdAt: { $gte: new Date('2026-01-01T00:00:00Z') } },
        options: newest as RowFindOptions<Notification>,
      },
    ]);
    // Only the first page, whose filter holds no instant.
    expect(plans.planned).toBe(1);
  });

  it('reads the same rows planned as written, page after page', async () => {
    const em = server.orm.em.fork();
    const [anyone] = await em.find(Employee, {}, { limit: 1 });
    const where = { organization: anyone!.organization.id };
    const options: RowFindOptions<Employee> = { ...byName, first: 3 };
    let after: string | undefined;
    const planned: string[] = [];
    for (let page = 0; page < 4; page += 1) {
      const rows = await findRows(em, Employee, where, { ...options, ...(after ? { after } : {}) });
      planned.push(...rows.slice(0, 3).map((row) => row.id));
      const last = rows[2];
      if (!last) break;
      after = Cursor.encode([last.lastName, last.firstName, last.id]);
    }
    const expected = await em.find(Employee, where, {
      orderBy: { lastName: 'asc', firstName: 'asc', id: 'asc' },
      limit: planned.length,
    });
    expect(planned.length).toBeGreaterThan(6);
    expect(planned).toEqual(expected.map((employee) => employee.id));
  });
});
