import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEmployeeUser, buildLeaveRecord, buildOrganization } from '../../../test/factories.js';
import { openUseCaseDatabase, type UseCaseDatabase } from '../../../test/use-case.js';
import { AppError } from '../../core/errors.js';
import { addDays } from '../../core/local-date.js';
import { todayIn } from '../../core/time.js';
import type { Employee } from '../employee/employee.entity.js';
import type { User } from '../identity/user.entity.js';
import { statutoryHolidays } from '../leave/leave.rules.js';
import {
  OrganizationSettings,
  PortalSections,
  defaultManagerSections,
} from '../organization/organization-settings.entity.js';
import { TaskRequestService } from './task-requests.service.js';
import { Task } from './task.entity.js';

/** requestLeave called directly in a unit of work, on data the factories built: no server, no demo. */

let db: UseCaseDatabase;
const today = todayIn('Europe/Moscow');

/** The first `days`-day period from `from` on with no public holiday in it, so each day is charged. */
const clearPeriod = (from: string, days: number) => {
  let start = from;
  while (statutoryHolidays(start, addDays(start, days - 1)).size > 0) start = addDays(start, 1);
  return { startDate: start, endDate: addDays(start, days - 1) };
};

/** The same day a year later. */
const yearAfter = (date: string) => `${Number(date.slice(0, 4)) + 1}${date.slice(4)}`;

/** Far enough ahead for the 14 days' notice annual leave needs. */
const ahead = addDays(today, 20);

const requestLeave = (user: User, period: { startDate: string; endDate: string }) =>
  db.asUser(user, (unit) =>
    new TaskRequestService(unit).requestLeave({ kind: 'ANNUAL_BASIC', ...period }),
  );

/** The AppError a call was refused with. */
const refusal = async (call: Promise<unknown>): Promise<AppError> => {
  const error = await call.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
};

const openRequestsOf = (employee: Employee) =>
  db.em().count(Task, { type: 'LEAVE_REQUEST', subject: employee.id, closedAt: null });

/** A teacher with 28 days of basic leave a year, hired `daysAgo` days before today. */
const newcomer = async (daysAgo: number) =>
  buildEmployeeUser(db.em(), { hireDate: addDays(today, -daysAgo) });

beforeAll(async () => {
  db = await openUseCaseDatabase();
});
afterAll(async () => {
  await db?.close();
});

describe('requestLeave (use case)', () => {
  it('refuses LEAVE_BALANCE_EXCEEDED past the first working year’s 28 days, writing nothing', async () => {
    const { employee, user } = await newcomer(30);
    const error = await refusal(requestLeave(user, clearPeriod(ahead, 40)));
    expect(error.extensions).toMatchObject({
      code: 'LEAVE_BALANCE_EXCEEDED',
      field: ['input', 'endDate'],
      availableDays: 28,
    });
    expect(await openRequestsOf(employee)).toBe(0);
  });

  it('counts the leave already recorded in the file against the balance', async () => {
    const { employee, user } = await newcomer(60);
    await buildLeaveRecord(db.em(), {
      employee,
      startDate: addDays(today, -50),
      endDate: addDays(today, -31),
      days: 20,
    });
    const error = await refusal(requestLeave(user, clearPeriod(ahead, 10)));
    expect(error.extensions).toMatchObject({ code: 'LEAVE_BALANCE_EXCEEDED', availableDays: 8 });
    // Within what is left it goes through, to be approved.
    const task = await requestLeave(user, clearPeriod(addDays(ahead, 30), 8));
    expect(task.details).toMatchObject({ leave: { kind: 'ANNUAL_BASIC', days: 8 } });
    expect(await openRequestsOf(employee)).toBe(1);
  });

  it('grants the same request where the organization allows leave in advance', async () => {
    const em = db.em();
    const organization = await buildOrganization(em);
    em.create(OrganizationSettings, {
      organization: organization.id,
      managerSections: [...defaultManagerSections],
      enabledSections: [...PortalSections],
      allowLeaveInAdvance: true,
    });
    await em.flush();
    const { employee, user } = await buildEmployeeUser(em, {
      organization,
      hireDate: addDays(today, -30),
    });
    const task = await requestLeave(user, clearPeriod(ahead, 40));
    expect(task.details).toMatchObject({ leave: { kind: 'ANNUAL_BASIC', days: 40 } });
    expect(await openRequestsOf(employee)).toBe(1);
  });

  it('refuses LEAVE_PART_TOO_SHORT when no 14-day part would be left, counting open requests', async () => {
    const { employee, user } = await newcomer(30);
    const first = clearPeriod(ahead, 10);
    const task = await requestLeave(user, first);
    expect(task.details).toMatchObject({ leave: { days: 10 } });
    // 10 days requested and 10 more would leave 8 of the year's 28: no part of 14 days any more.
    const error = await refusal(requestLeave(user, clearPeriod(addDays(first.endDate, 7), 10)));
    expect(error.extensions).toMatchObject({
      code: 'LEAVE_PART_TOO_SHORT',
      field: ['input', 'endDate'],
      leftDays: 8,
      workingYearStart: employee.hireDate,
      workingYearEnd: addDays(yearAfter(employee.hireDate), -1),
    });
    expect(await openRequestsOf(employee)).toBe(1);
  });
});
