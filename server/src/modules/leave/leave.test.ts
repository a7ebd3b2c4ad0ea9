import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../core/local-date.js';
import { todayIn } from '../../core/time.js';
import { Employee } from '../employee/employee.entity.js';
import { Task } from '../task/task.entity.js';
import { actors, errorCode, startTestServer, type TestServer } from '../../../test/harness.js';
import { statutoryHolidays } from './leave.rules.js';

/**
 * Leave over GraphQL on the demo: the dismissed employees' files as HR opens them, requestLeave's
 * balance (LEAVE_BALANCE_EXCEEDED, the leave-in-advance setting), ст. 125's 14-day part
 * (LEAVE_PART_TOO_SHORT), HR's deadlines by kind, and saveLeave's days without the holidays.
 */

let server: TestServer;
let as: Awaited<ReturnType<typeof actors>>['as'];
let fileOf: (who: string) => Promise<string>;
const today = todayIn('Europe/Moscow');

const SECTION = `query($id: ID!) { employee(id: $id) { hireDate dismissalDate leave {
  remainingToday remainingAfterPlanned compensationDays
  balance { index start end entitled { basic additional } used { basic additional } remaining { basic additional total } }
} } }`;

interface Figures {
  basic: string;
  additional: string;
}
interface SectionData {
  employee: {
    hireDate: string;
    dismissalDate: string | null;
    leave: {
      remainingToday: string;
      remainingAfterPlanned: string;
      compensationDays: string | null;
      balance: {
        index: number;
        start: string;
        end: string;
        entitled: Figures;
        used: Figures;
        remaining: Figures & { total: string };
      }[];
    };
  };
}

interface LeaveTask {
  id: string;
  status: string;
  dueDate: string;
  deadlineBasis: string;
  leave: { kind: string; startDate: string; endDate: string; days: number };
}

const requestLeave = (kind: string, startDate: string, endDate: string) =>
  as<{ requestLeave: LeaveTask }>(
    'employee',
    `mutation($input: LeaveRequestInput!) { requestLeave(input: $input) {
       id status dueDate deadlineBasis leave { kind startDate endDate days } } }`,
    { input: { kind, startDate, endDate } },
  );

const setAdvance = (allow: boolean) =>
  as<{ updateOrganizationSettings: { allowLeaveInAdvance: boolean } }>(
    'admin',
    `mutation($allow: Boolean!) { updateOrganizationSettings(input: { allowLeaveInAdvance: $allow }) {
       allowLeaveInAdvance } }`,
    { allow },
  );

const decimal = /^-?\d+(\.\d{1,2})?$/;

/** The first day from `from` on with no public holiday in the next `length` days. */
function holidayFree(from: string, length: number): string {
  let start = from;
  while (statutoryHolidays(start, addDays(start, length - 1)).size > 0) start = addDays(start, 1);
  return start;
}

beforeAll(async () => {
  server = await startTestServer({ demo: true });
  ({ as, fileOf } = await actors(server, ['hr', 'employee', 'other', 'admin']));
});
afterAll(async () => {
  await server?.close();
});

describe('the leave section of a dismissed employee', () => {
  it('opens for HR on every dismissed demo file, with decimal figures and the ст. 127 days', async () => {
    const dismissed = await server.orm.em
      .fork()
      .find(Employee, { dismissalDate: { $ne: null } }, { fields: ['id'] });
    expect(dismissed.length).toBeGreaterThan(0);
    for (const { id } of dismissed) {
      const result = await as<SectionData>('hr', SECTION, { id });
      expect(result.errors, id).toBeUndefined();
      const { leave } = result.data!.employee;
      const total = leave.balance.reduce((sum, year) => sum + Number(year.remaining.total), 0);
      expect(Number(leave.remainingToday)).toBeCloseTo(total, 2);
      expect(leave.remainingAfterPlanned).toBe(leave.remainingToday);
      expect(leave.compensationDays).toMatch(decimal);
      expect(Number(leave.compensationDays)).toBe(Math.max(0, Number(leave.remainingToday)));
      for (const year of leave.balance) {
        for (const figure of [year.entitled.basic, year.used.basic, year.remaining.total]) {
          expect(figure).toMatch(decimal);
        }
      }
      // The last working year pro rata: at most the full year of the earlier ones.
      const [first, last] = [leave.balance[0]!, leave.balance.at(-1)!];
      expect(Number(last.entitled.basic)).toBeLessThanOrEqual(Number(first.entitled.basic));
    }
  });

  it('has no compensation figure while employed', async () => {
    const result = await as<SectionData>('hr', SECTION, { id: await fileOf('employee') });
    expect(result.errors).toBeUndefined();
    expect(result.data!.employee.leave.compensationDays).toBeNull();
  });
});

describe('requestLeave', () => {
  /** The employee's balance, and the working year after the current one (no leave recorded yet). */
  async function nextYear() {
    const result = await as<SectionData>('hr', SECTION, { id: await fileOf('employee') });
    const { leave } = result.data!.employee;
    const current = leave.balance.at(-1)!;
    const entitled = Number(current.entitled.basic);
    const start = addDays(current.end, 1);
    return {
      entitled,
      // every working year up to the one the leave starts in, each in full (ст. 122)
      available: Number(leave.remainingAfterPlanned) + entitled,
      start: start < addDays(today, 15) ? addDays(today, 15) : start,
    };
  }

  it('refuses annual leave beyond the balance, with the days available, and writes nothing', async () => {
    const { available, start } = await nextYear();
    const tasksBefore = await server.orm.em.fork().count(Task, {});
    // 40 calendar days more than available: holidays inside cannot make up for that
    const refused = await requestLeave('ANNUAL_BASIC', start, addDays(start, available + 39));
    expect(errorCode(refused)).toBe('LEAVE_BALANCE_EXCEEDED');
    const error = refused.errors![0]!;
    expect(error.extensions!['field']).toEqual(['input', 'endDate']);
    expect(error.extensions!['availableDays']).toBe(available);
    expect(error.message).toMatch(/^Запрошено \d+ дн\. ежегодного основного отпуска/);
    expect(await server.orm.em.fork().count(Task, {})).toBe(tasksBefore);
    // The demo teacher's post gives no additional days.
    const additional = await requestLeave('ANNUAL_ADDITIONAL', start, addDays(start, 2));
    expect(errorCode(additional)).toBe('LEAVE_BALANCE_EXCEEDED');
    expect(additional.errors![0]!.extensions!['availableDays']).toBe(0);
  });

  /** Where each test's requests go, one after the other: the 14-day-part test's days are free of holidays. */
  async function windows() {
    const { start: from } = await nextYear();
    const parts = holidayFree(from, 56);
    return { parts, advance: addDays(parts, 60), deadlines: addDays(parts, 230) };
  }

  it('keeps one part of the working year at least 14 days (ст. 125)', async () => {
    const { entitled } = await nextYear();
    const start = (await windows()).parts;
    // Three parts of 13 days: after each, a 14-day part still fits in the year's entitlement.
    let taken = 0;
    for (let part = 0; part < 3; part++) {
      const first = addDays(start, part * 14);
      const granted = await requestLeave('ANNUAL_BASIC', first, addDays(first, 12));
      expect(granted.errors).toBeUndefined();
      expect(granted.data!.requestLeave.leave.days).toBe(13);
      taken += 13;
    }
    // A part that leaves under 14 days of the year and no 14-day part: refused.
    const short = entitled - taken - 13;
    const tooShort = await requestLeave(
      'ANNUAL_BASIC',
      addDays(start, 42),
      addDays(start, 42 + short),
    );
    expect(errorCode(tooShort)).toBe('LEAVE_PART_TOO_SHORT');
    expect(tooShort.errors![0]!.extensions!['field']).toEqual(['input', 'endDate']);
    expect(tooShort.errors![0]!.extensions!['leftDays']).toBe(entitled - taken - short - 1);
    expect(tooShort.errors![0]!.message).toContain('ст. 125 ТК РФ');
    // A part of 14 days is always allowed, and after it short ones are too.
    const long = await requestLeave('ANNUAL_BASIC', addDays(start, 42), addDays(start, 55));
    expect(long.errors).toBeUndefined();
  });

  it('grants leave beyond the balance once the organization allows leave in advance', async () => {
    const setting = await setAdvance(true);
    expect(setting.data!.updateOrganizationSettings.allowLeaveInAdvance).toBe(true);
    try {
      const { available } = await nextYear();
      const start = (await windows()).advance;
      const granted = await requestLeave('ANNUAL_BASIC', start, addDays(start, available + 39));
      expect(granted.errors).toBeUndefined();
      expect(granted.data!.requestLeave.status).toBe('MANAGER_APPROVAL');
    } finally {
      expect((await setAdvance(false)).data!.updateOrganizationSettings.allowLeaveInAdvance).toBe(
        false,
      );
    }
  });

  it('sets HR’s deadline by kind: paid leave 3 days before (ст. 136), unpaid the day before (ст. 128)', async () => {
    const from = (await windows()).deadlines;
    const unpaidStart = from;
    const unpaid = await requestLeave('UNPAID', unpaidStart, addDays(unpaidStart, 4));
    expect(unpaid.errors).toBeUndefined();
    expect(unpaid.data!.requestLeave.dueDate).toBe(addDays(unpaidStart, -1));
    expect(unpaid.data!.requestLeave.deadlineBasis).toContain('ст. 128 ТК РФ');
    expect(unpaid.data!.requestLeave.deadlineBasis).not.toContain('отпускные');
    const studyStart = addDays(from, 10);
    const study = await requestLeave('STUDY', studyStart, addDays(studyStart, 4));
    expect(study.errors).toBeUndefined();
    expect(study.data!.requestLeave.dueDate).toBe(addDays(studyStart, -3));
    expect(study.data!.requestLeave.deadlineBasis).toContain('ст. 136 ТК РФ');
  });
});

describe('saveLeave', () => {
  it('counts an annual leave’s days without the public holidays inside (ст. 120)', async () => {
    const year = Number(today.slice(0, 4)) + 1;
    const result = await as<{ saveLeave: { days: number } }>(
      'hr',
      `mutation($input: LeaveInput!) { saveLeave(input: $input) { days } }`,
      {
        input: {
          employeeId: await fileOf('other'),
          kind: 'ANNUAL_BASIC',
          startDate: `${year}-06-08`,
          endDate: `${year}-06-21`,
        },
      },
    );
    expect(result.errors).toBeUndefined();
    // Jun 8..21 = 14 calendar days, less Jun 12 (Russia Day, ст. 112) = 13
    expect(result.data!.saveLeave.days).toBe(13);
  });
});
