import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actors, startTestServer, type TestServer } from '../../../test/harness.js';
import { addDays } from '../../core/local-date.js';
import { toKopecks } from '../../core/money.js';
import { cumulativeNdfl } from './ndfl.rules.js';
import type { PayslipLineData } from './payslip-lines.js';

/**
 * Every payslip of the demo as the app seeds it, read from the database and checked against the
 * rest of the same file: balances, the API's totals, НДФЛ, sick pay, holiday pay and norms. Each
 * failure names the employee and the month.
 */

interface Row {
  id: string;
  employeeId: string;
  who: string;
  hireDate: string;
  year: number;
  month: number;
  opening: string;
  closing: string;
  normDays: number | null;
  workedDays: number | null;
  lines: PayslipLineData[];
}

interface LeaveRow {
  employeeId: string;
  kind: string;
  startDate: string;
  days: number;
}

let server: TestServer;
let as: Awaited<ReturnType<typeof actors>>['as'];
let payslips: Row[];
let leaves: LeaveRow[];

const label = (row: Pick<Row, 'who' | 'year' | 'month'>) => `${row.who}, ${monthOf(row)}`;
const sum = (lines: readonly PayslipLineData[]) =>
  lines.reduce((total, line) => total + toKopecks(line.amount), 0n);
const ofKind = (row: Row, kind: PayslipLineData['kind']) =>
  row.lines.filter((line) => line.kind === kind);
const monthOf = (row: Pick<Row, 'year' | 'month'>) =>
  `${row.year}-${String(row.month).padStart(2, '0')}`;
/** Whether a date falls in the months of an employee's payslips (from the second, unless `first`). */
const inMonths = (date: string, months: readonly Row[], first: boolean) =>
  months.length > 0 &&
  (first ? date.slice(0, 7) >= monthOf(months[0]!) : date.slice(0, 7) > monthOf(months[0]!)) &&
  date.slice(0, 7) <= monthOf(months.at(-1)!);
const ruDate = (date: string) => date.split('-').reverse().join('.');
/** The leave a line names: «… с 14.07.2025 …». */
const since = (name: string) =>
  /с (\d\d)\.(\d\d)\.(\d{4})/.exec(name)?.slice(1).reverse().join('-');

beforeAll(async () => {
  server = await startTestServer({ demo: true });
  ({ as } = await actors(server, ['accountant', 'hr']));
  const em = server.orm.em.fork();
  payslips = await em.execute<Row[]>(
    `select s.id, s.employee_id as "employeeId",
            e.last_name || ' ' || e.first_name || ' (таб. № ' || e.personnel_number || ')' as who,
            e.hire_date::text as "hireDate",
            p.year, p.month, s.opening_balance::text as opening, s.closing_balance::text as closing,
            s.norm_days as "normDays", s.worked_days as "workedDays", s.lines
       from payslip s
       join payroll_period p on p.id = s.period_id
       join employee e on e.id = s.employee_id
      where s.deleted_at is null
      order by e.personnel_number, p.year, p.month`,
  );
  leaves = await em.execute<LeaveRow[]>(
    `select employee_id as "employeeId", kind, start_date::text as "startDate", days
       from leave_record order by employee_id, start_date`,
  );
});
afterAll(async () => {
  await server?.close();
});

describe('demo payroll', () => {
  it('balances every payslip, and each month opens with the closing of the one before', () => {
    const problems: string[] = [];
    payslips.forEach((row, index) => {
      const accrued = sum(ofKind(row, 'ACCRUAL'));
      const deducted = sum(ofKind(row, 'DEDUCTION'));
      const paid = sum(ofKind(row, 'PAYMENT'));
      const closing = toKopecks(row.opening) + accrued - deducted - paid;
      if (closing !== toKopecks(row.closing))
        problems.push(
          `${label(row)}: opening + accrued − deducted − paid = ${closing}, closing ${row.closing}`,
        );
      const next = payslips[index + 1];
      if (next?.employeeId !== row.employeeId) return;
      const consecutive = next.year * 12 + next.month === row.year * 12 + row.month + 1;
      if (!consecutive) problems.push(`${label(next)} does not follow ${label(row)}`);
      else if (next.opening !== row.closing)
        problems.push(
          `${label(next)}: opens with ${next.opening}, the month before closed ${row.closing}`,
        );
    });
    expect(payslips.length).toBeGreaterThan(1000);
    expect(problems).toEqual([]);
  });

  it("sums each payslip's lines to the totals the API gives", async () => {
    const problems: string[] = [];
    const employees = [...new Set(payslips.map((row) => row.employeeId))];
    const byId = new Map(payslips.map((row) => [row.id, row]));
    let seen = 0;
    for (const employeeId of employees) {
      const result = await as<{
        payslips: { id: string; totals: { accrued: string; deducted: string; paid: string } }[];
      }>(
        'accountant',
        `query($id: ID) { payslips(employeeId: $id) { id totals { accrued deducted paid } } }`,
        {
          id: employeeId,
        },
      );
      expect(result.errors).toBeUndefined();
      for (const { id, totals } of result.data!.payslips) {
        const row = byId.get(id)!;
        seen += 1;
        const lines = {
          accrued: sum(ofKind(row, 'ACCRUAL')),
          deducted: sum(ofKind(row, 'DEDUCTION')),
          paid: sum(ofKind(row, 'PAYMENT')),
        };
        for (const key of ['accrued', 'deducted', 'paid'] as const) {
          if (toKopecks(totals[key]) !== lines[key])
            problems.push(
              `${label(row)}: ${key} ${totals[key]}, lines sum to ${lines[key]} kopecks`,
            );
        }
      }
    }
    expect(seen).toBe(payslips.length);
    expect(problems).toEqual([]);
  });

  it('withholds НДФЛ cumulatively from the start of each year (ст. 226, 224 НК РФ)', () => {
    const problems: string[] = [];
    const years = new Map<string, Row[]>();
    for (const row of payslips) {
      const key = `${row.employeeId}:${row.year}`;
      years.set(key, [...(years.get(key) ?? []), row]);
    }
    for (const months of years.values()) {
      const income = months.map((row) =>
        sum(ofKind(row, 'ACCRUAL').filter((line) => line.incomeCode !== null)),
      );
      const expected = cumulativeNdfl(months[0]!.year, income);
      months.forEach((row, index) => {
        const withheld = sum(ofKind(row, 'DEDUCTION').filter((line) => line.payCode === '900'));
        if (withheld !== expected[index])
          problems.push(`${label(row)}: НДФЛ ${withheld} kopecks, cumulatively ${expected[index]}`);
      });
    }
    expect(problems).toEqual([]);
  });

  it('pays the employer-paid sick days at the percent of the страховой стаж the file shows (255-ФЗ)', async () => {
    const problems: string[] = [];
    const sickLines = payslips.flatMap((row) =>
      ofKind(row, 'ACCRUAL')
        .filter((line) => line.payCode === '200')
        .map((line) => ({ row, line, start: since(line.name) })),
    );
    const percentOf = new Map<string, number | null>();
    for (const { row, start } of sickLines) {
      const key = `${row.employeeId}:${start}`;
      if (!start || percentOf.has(key)) continue;
      const result = await as<{
        employee: { seniority: { kinds: { kind: string; sickPayPercent: number | null }[] } };
      }>(
        'hr',
        `query($id: ID!, $asOf: LocalDate) { employee(id: $id) { seniority(asOf: $asOf) { kinds { kind sickPayPercent } } } }`,
        {
          id: row.employeeId,
          asOf: start,
        },
      );
      expect(result.errors).toBeUndefined();
      const insurance = result.data!.employee.seniority.kinds.find((k) => k.kind === 'INSURANCE');
      percentOf.set(key, insurance?.sickPayPercent ?? null);
    }
    const paidDays = new Map<string, number>();
    for (const { row, line, start } of sickLines) {
      const sick = leaves.find(
        (leave) =>
          leave.employeeId === row.employeeId && leave.kind === 'SICK' && leave.startDate === start,
      );
      if (!start || !sick) {
        problems.push(`${label(row)}: «${line.name}» names no sick leave of the file`);
        continue;
      }
      const percent = Number(/, (\d+) %/.exec(line.name)?.[1]);
      const expected = percentOf.get(`${row.employeeId}:${start}`);
      if (percent !== expected)
        problems.push(
          `${label(row)}: sick leave from ${start} paid at ${percent} %, стаж gives ${expected} %`,
        );
      const key = `${row.employeeId}:${start}`;
      paidDays.set(key, (paidDays.get(key) ?? 0) + (line.days ?? 0));
    }
    // Every sick leave inside the payroll months has its first 3 days (or fewer) paid, once.
    for (const sick of leaves.filter((leave) => leave.kind === 'SICK')) {
      const months = payslips.filter((row) => row.employeeId === sick.employeeId);
      if (!inMonths(sick.startDate, months, true)) continue;
      const days = paidDays.get(`${sick.employeeId}:${sick.startDate}`) ?? 0;
      if (days !== Math.min(3, sick.days))
        problems.push(
          `${months[0]!.who}: sick leave from ${sick.startDate}: the employer paid ${days} days, not the first ${Math.min(3, sick.days)}`,
        );
    }
    expect(sickLines.length).toBeGreaterThan(10);
    expect(new Set(percentOf.values()).size).toBeGreaterThan(1);
    expect(problems).toEqual([]);
  });

  it('pays holiday pay on its own at least 3 days before the leave, in the month it is paid (ст. 136 ТК)', () => {
    const problems: string[] = [];
    const paidFor = new Map<string, number>();
    for (const row of payslips) {
      for (const line of ofKind(row, 'ACCRUAL').filter((l) => l.payCode === '100')) {
        const start = since(line.name);
        const leave = leaves.find((l) => l.employeeId === row.employeeId && l.startDate === start);
        if (!start || !leave) {
          problems.push(`${label(row)}: «${line.name}» names no leave of the file`);
          continue;
        }
        const key = `${row.employeeId}:${start}`;
        paidFor.set(key, (paidFor.get(key) ?? 0) + 1);
        if (line.days !== leave.days)
          problems.push(
            `${label(row)}: holiday pay for ${line.days} days, the leave from ${start} has ${leave.days}`,
          );
        const payout = ofKind(row, 'PAYMENT').find((l) => l.name.includes(`с ${ruDate(start)}`));
        if (!payout?.paidOn) {
          problems.push(
            `${label(row)}: holiday pay for the leave from ${start} is not paid out on its own`,
          );
          continue;
        }
        // A leave starting in the first 3 days of work can only be paid on the first.
        const due = addDays(start, -3) < row.hireDate ? row.hireDate : addDays(start, -3);
        if (payout.paidOn > due)
          problems.push(
            `${label(row)}: the leave from ${start} is paid on ${payout.paidOn}, later than 3 days before`,
          );
        if (payout.paidOn.slice(0, 7) !== monthOf(row))
          problems.push(
            `${label(row)}: holiday pay paid on ${payout.paidOn}, outside the payslip's month`,
          );
      }
    }
    // Every paid leave the payroll months cover from the employee's second month on has it once.
    for (const leave of leaves) {
      if (!['ANNUAL_BASIC', 'ANNUAL_ADDITIONAL', 'STUDY'].includes(leave.kind)) continue;
      const months = payslips.filter((row) => row.employeeId === leave.employeeId);
      if (!inMonths(leave.startDate, months, false)) continue;
      const count = paidFor.get(`${leave.employeeId}:${leave.startDate}`) ?? 0;
      if (count !== 1)
        problems.push(
          `${months[0]!.who}: the leave from ${leave.startDate} has holiday pay ${count} times`,
        );
    }
    expect(paidFor.size).toBeGreaterThan(100);
    expect(problems).toEqual([]);
  });

  it('compensates unused leave on dismissal with the days the leave section gives (ст. 127 ТК)', async () => {
    const problems: string[] = [];
    const dismissed = await server.orm.em
      .fork()
      .execute<{ id: string; dismissalDate: string }[]>(
        `select id, dismissal_date::text as "dismissalDate" from employee where dismissal_date is not null`,
      );
    let compensated = 0;
    for (const { id, dismissalDate } of dismissed) {
      const months = payslips.filter((row) => row.employeeId === id);
      const last = months.at(-1);
      if (!last || monthOf(last) !== dismissalDate.slice(0, 7)) continue;
      const result = await as<{ employee: { leave: { compensationDays: string | null } } }>(
        'hr',
        `query($id: ID!) { employee(id: $id) { leave { compensationDays } } }`,
        { id },
      );
      expect(result.errors).toBeUndefined();
      const expected = Number(result.data!.employee.leave.compensationDays);
      const lines = payslips
        .filter((row) => row.employeeId === id)
        .flatMap((row) => ofKind(row, 'ACCRUAL').filter((line) => line.incomeCode === '2013'));
      const days = lines.map((line) =>
        Number(/, ([\d,]+) дн\./.exec(line.name)?.[1]?.replace(',', '.')),
      );
      if (expected === 0 ? lines.length !== 0 : days.length !== 1 || days[0] !== expected)
        problems.push(
          `${label(last)}: compensated ${JSON.stringify(days)} days on dismissal, the leave section gives ${expected}`,
        );
      if (lines.length > 0 && !ofKind(last, 'ACCRUAL').includes(lines[0]!))
        problems.push(`${label(last)}: the compensation is not in the payslip of the dismissal`);
      compensated += lines.length;
    }
    expect(compensated).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });

  it("counts days by the norm of the production calendar of the payslip's own month", async () => {
    const problems: string[] = [];
    const norms = new Map<number, number[]>();
    for (const year of new Set(payslips.map((row) => row.year))) {
      const result = await as<{ productionCalendar: { workingDaysByMonth: number[] } }>(
        'accountant',
        `query($year: Int!) { productionCalendar(year: $year) { workingDaysByMonth } }`,
        { year },
      );
      expect(result.errors).toBeUndefined();
      norms.set(year, result.data!.productionCalendar.workingDaysByMonth);
    }
    for (const row of payslips) {
      const norm = norms.get(row.year)![row.month - 1];
      if (row.normDays !== norm)
        problems.push(`${label(row)}: norm ${row.normDays} days, the calendar gives ${norm}`);
      if (row.workedDays === null || row.workedDays < 0 || row.workedDays > norm!)
        problems.push(`${label(row)}: worked ${row.workedDays} days of ${norm}`);
    }
    expect(new Set(payslips.map((row) => row.normDays)).size).toBeGreaterThan(5);
    expect(problems).toEqual([]);
  });
});
