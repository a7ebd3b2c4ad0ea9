import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEmployee, buildEmployeeUser, buildLeaveRecord } from '../../../test/factories.js';
import { openUseCaseDatabase, type UseCaseDatabase } from '../../../test/use-case.js';
import { AppError } from '../../core/errors.js';
import { AccessLogEntry } from '../access-log/access-log.entity.js';
import type { Employee } from '../employee/employee.entity.js';
import type { User } from '../identity/user.entity.js';
import { LeaveRecord } from '../leave/leave.entity.js';
import type { LeaveInput } from './file-edits.inputs.js';
import { FileEditsService } from './file-edits.service.js';

/** HR's saveLeave called directly in a unit of work, on files the factories built. */

let db: UseCaseDatabase;
let hr: User;
let file: Employee;

const saveLeave = (as: User, input: Omit<LeaveInput, 'employeeId'>, employee = file) =>
  db.asUser(as, (unit) =>
    new FileEditsService(unit).saveLeave({ employeeId: employee.id, ...input }),
  );

const refusal = async (call: Promise<unknown>): Promise<AppError> => {
  const error = await call.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
};

const leavesOf = async (employee: Employee) =>
  (
    await db.em().find(LeaveRecord, { employee: employee.id }, { orderBy: { startDate: 'asc' } })
  ).map((leave) => `${leave.kind} ${leave.startDate}..${leave.endDate} ${leave.days}`);

beforeAll(async () => {
  db = await openUseCaseDatabase();
  const em = db.em();
  ({ user: hr } = await buildEmployeeUser(em, { roles: ['EMPLOYEE', 'HR'], lastName: 'Кадрова' }));
  file = await buildEmployee(em, { organization: hr.organization, hireDate: '2019-09-01' });
  await buildLeaveRecord(em, {
    employee: file,
    startDate: '2025-07-01',
    endDate: '2025-07-28',
    days: 28,
  });
});
afterAll(async () => {
  await db?.close();
});

describe('saveLeave (use case)', () => {
  it('charges annual leave without the public holidays in it when no days are given', async () => {
    const saved = await saveLeave(hr, {
      kind: 'ANNUAL_BASIC',
      startDate: '2026-01-01',
      endDate: '2026-01-14',
    });
    // 1–8 January are holidays (ст. 112 ТК): 14 calendar days, 6 charged (ст. 120).
    expect(saved.days).toBe(6);
    const journal = await db.em().find(AccessLogEntry, { subjectEmployeeId: file.id });
    expect(journal.map((entry) => [entry.section, entry.action, entry.operation])).toEqual([
      ['LEAVE', 'CHANGE', 'saveLeave'],
    ]);
  });

  it('refuses a leave overlapping another with the field and the other leave, writing nothing', async () => {
    const before = await leavesOf(file);
    const error = await refusal(
      saveLeave(hr, { kind: 'UNPAID', startDate: '2025-07-20', endDate: '2025-08-02' }),
    );
    expect(error.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: ['input', 'startDate'],
    });
    expect(error.message).toBe('Overlaps the leave from 2025-07-01 to 2025-07-28');
    expect(await leavesOf(file)).toEqual(before);
  });

  it('lets a sick note overlap annual leave (ст. 124 ТК), and not unpaid leave', async () => {
    const sick = await saveLeave(hr, {
      kind: 'SICK',
      startDate: '2025-07-10',
      endDate: '2025-07-14',
      sickNoteNumber: '910000000001',
    });
    expect(sick.kind).toBe('SICK');
    await saveLeave(hr, { kind: 'UNPAID', startDate: '2025-09-01', endDate: '2025-09-05' });
    const error = await refusal(
      saveLeave(hr, {
        kind: 'SICK',
        startDate: '2025-09-03',
        endDate: '2025-09-08',
        sickNoteNumber: '910000000002',
      }),
    );
    expect(error.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: ['input', 'startDate'],
    });
  });

  it('refuses bad input by field before reading anything else', async () => {
    const cases: [Omit<LeaveInput, 'employeeId'>, string[]][] = [
      [
        { kind: 'ANNUAL_BASIC', startDate: '2025-10-10', endDate: '2025-10-01' },
        ['input', 'endDate'],
      ],
      [
        { kind: 'ANNUAL_BASIC', startDate: '2205-01-10', endDate: '2205-01-20' },
        ['input', 'startDate'],
      ],
      [
        { kind: 'ANNUAL_BASIC', startDate: '2025-10-01', endDate: '2025-10-10', days: -1 },
        ['input', 'days'],
      ],
    ];
    for (const [input, field] of cases) {
      const error = await refusal(saveLeave(hr, input));
      expect(error.extensions, JSON.stringify(input)).toMatchObject({
        code: 'BAD_USER_INPUT',
        field,
      });
    }
  });

  it('is HR’s alone: the owner is refused, HR of another organization is told the file is not there', async () => {
    const { user: self, employee: own } = await buildEmployeeUser(db.em(), {
      organization: hr.organization,
    });
    const input = { kind: 'UNPAID', startDate: '2025-11-10', endDate: '2025-11-11' };
    expect((await refusal(saveLeave(self, input, own))).extensions['code']).toBe('FORBIDDEN');
    const { user: stranger } = await buildEmployeeUser(db.em(), { roles: ['EMPLOYEE', 'HR'] });
    expect((await refusal(saveLeave(stranger, input))).extensions['code']).toBe('NOT_FOUND');
    expect(await leavesOf(own)).toEqual([]);
  });
});
