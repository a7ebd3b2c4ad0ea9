import { fromKopecks } from '../core/money.js';
import { calendarOf, isWorkingDay, workingDaysIn } from '../modules/calendar/index.js';
import {
  compensationDays,
  leaveBalance,
  type LeaveKind,
  postLeave,
} from '../modules/leave/index.js';
import { ndflToWithhold } from '../modules/payroll/index.js';
import {
  periodsFor,
  type PersonalFileRows,
  seniorityOn,
  sickPayPercent,
} from '../modules/seniority/index.js';
import type { GeneratedInstitution, Random } from './institution.generator.js';
import type { GeneratedPersonalFile } from './personal-file.generator.js';
import {
  addDays,
  DAY_MS as DAY,
  formatLocalDate as iso,
  pad,
  parseLocalDate as parse,
} from '../core/local-date.js';
import { ruDate } from '../core/local-date.js';

export interface GeneratedPeriod {
  id: string;
  year: number;
  month: number;
  startDate: string;
  published: boolean;
}

export interface GeneratedPayslip {
  id: string;
  periodId: string;
  employeeId: string;
  openingBalance: string;
  closingBalance: string;
  normDays: number;
  workedDays: number;
}

/**
 * A line in one flat list, in each payslip's order: the seeder folds it into its payslip's `lines`
 * (id and sortOrder are not stored), the import generator into its payslip record.
 */
export interface GeneratedLine {
  id: string;
  payslipId: string;
  kind: 'ACCRUAL' | 'DEDUCTION' | 'PAYMENT';
  payCode: string;
  incomeCode: string | null;
  name: string;
  relatesTo: string;
  days: number | null;
  amount: string;
  paidOn: string | null;
  sortOrder: number;
}

/** Стаж the file holds beyond its assignments and earlier employers (military service …). */
export interface GeneratedSeniorityPeriod {
  employeeId: string;
  kind: 'INSURANCE';
  startDate: string;
  endDate: string;
  factor: string;
}

/** Monthly salaries (оклад, RUB) of the demo posts at a full rate. */
const salaries: Record<string, number> = {
  Директор: 78_000,
  'Главный бухгалтер': 56_000,
  'Заместитель директора по учебно-воспитательной работе': 62_000,
  'Руководитель методического объединения': 44_000,
  Учитель: 38_500,
  Бухгалтер: 36_000,
  'Бухгалтер по расчёту заработной платы': 38_000,
  'Начальник отдела кадров': 46_000,
  'Специалист по кадрам': 34_000,
  'Секретарь руководителя': 29_000,
  'Инженер-программист': 41_000,
  'Социальный педагог': 33_500,
  'Педагог-психолог': 34_500,
  'Заведующий хозяйством': 36_500,
};
const MINIMUM_WAGE = 27_093;
/** Leave paid by average earnings, and so 3 days ahead (ст. 136 ТК). */
const paidLeaveKinds = new Set(['ANNUAL_BASIC', 'ANNUAL_ADDITIONAL', 'STUDY']);
/** The employer pays the first days of a sick leave, the Social Fund the rest (ст. 3 255-ФЗ). */
const EMPLOYER_SICK_DAYS = 3;

type Leave = GeneratedPersonalFile['leaves'][number];
type Assignment = GeneratedPersonalFile['assignments'][number];
type LineDraft = Omit<GeneratedLine, 'id' | 'payslipId' | 'sortOrder'>;

const monthStart = (year: number, month: number) => `${year}-${pad(month)}-01`;
const monthEnd = (year: number, month: number) => iso(Date.UTC(year, month, 0));
const rub = (kopecks: bigint) => fromKopecks(kopecks);
const share = (kopecks: bigint, part: bigint | number, whole: bigint | number) =>
  BigInt(whole) === 0n ? 0n : (kopecks * BigInt(part)) / BigInt(whole);
const min = (a: bigint, b: bigint) => (a < b ? a : b);
const maxDate = (a: string, b: string) => (a > b ? a : b);
/** Rate "0.50" as hundredths. */
const rateOf = (rate: string) => BigInt(Math.round(Number(rate) * 100));

const dayOf = (date: string) => parse(date) / DAY;
const dateOf = (day: number) => iso(day * DAY);

/**
 * The production calendars of the years the payroll spans, each built once (`calendarOf`) and
 * held as running counts of working days, so a span's working days are one subtraction.
 */
class WorkCalendar {
  private readonly years = new Map<number, { first: number; before: Int32Array }>();
  private readonly norms = new Map<number, number>();

  /** The month's norm: its working days by the year's calendar. */
  norm(year: number, month: number): number {
    const key = year * 12 + month;
    let norm = this.norms.get(key);
    if (norm === undefined)
      this.norms.set(key, (norm = workingDaysIn(year, month, calendarOf(year))));
    return norm;
  }

  /** Working days from `from` to `to`, day numbers, both inclusive. */
  count(from: number, to: number): number {
    let total = 0;
    for (let day = from; day <= to;) {
      const { first, before } = this.year(new Date(day * DAY).getUTCFullYear());
      const last = Math.min(to, first + before.length - 2);
      total += before[last - first + 1]! - before[day - first]!;
      day = last + 1;
    }
    return total;
  }

  /** Pay falling on a day off is paid the working day before (ст. 136 ТК). */
  payday(date: string): string {
    let day = dayOf(date);
    while (this.count(day, day) === 0) day -= 1;
    return dateOf(day);
  }

  private year(year: number) {
    let counts = this.years.get(year);
    if (!counts) {
      const days = calendarOf(year);
      const first = Date.UTC(year, 0, 1) / DAY;
      const before = new Int32Array(Date.UTC(year + 1, 0, 1) / DAY - first + 1);
      for (let i = 0; i + 1 < before.length; i += 1)
        before[i + 1] = before[i]! + (isWorkingDay(dateOf(first + i), days) ? 1 : 0);
      this.years.set(year, (counts = { first, before }));
    }
    return counts;
  }
}

/** [start, end] cut to [from, to] (day numbers), or null when they do not meet. */
function clip(start: number, end: number, from: number, to: number): [number, number] | null {
  const a = Math.max(start, from);
  const b = Math.min(end, to);
  return a <= b ? [a, b] : null;
}

/** The payroll months: `months` back from `asOf`'s month and that month itself, unpublished. */
function generatePeriods(asOf: string, months: number, newId: () => string): GeneratedPeriod[] {
  const periods: GeneratedPeriod[] = [];
  const [asOfYear, asOfMonth] = asOf.split('-').map(Number) as [number, number];
  for (let back = months; back >= 0; back--) {
    const date = new Date(Date.UTC(asOfYear, asOfMonth - 1 - back, 1));
    const year = date.getUTCFullYear();
    const month = date.getUTCMonth() + 1;
    periods.push({
      id: newId(),
      year,
      month,
      startDate: monthStart(year, month),
      published: back > 0,
    });
  }
  return periods;
}

/** A leave as the payroll reads it: its days as day numbers, its payday and sick-pay percent. */
interface PayrollLeave extends Leave {
  from: number;
  to: number;
  /** Paid leave: when the holiday pay goes out. */
  paidOn: string | null;
  /** Sick leave: the days the employer pays (day numbers) and at what percent. */
  employer: { from: number; to: number; percent: number } | null;
}

/** What the payroll of one employee reads from the rest of their file. */
interface EmployeeFile {
  /** Pays union dues, 1 % of what is accrued. */
  unionMember: boolean;
  hire: number;
  dismissal: number | null;
  dismissalDate: string | null;
  assignments: Assignment[];
  leaves: PayrollLeave[];
  /** Days of unused annual leave compensated on dismissal, in hundredths (ст. 127 ТК). */
  compensationHundredths: bigint;
}

/**
 * Days of unused leave compensated on dismissal, in hundredths, as the leave section computes them
 * (`leaveBalance` + `compensationDays`, the entitlement of the post); 0 for those still employed.
 */
function compensationOf(
  employee: GeneratedInstitution['employees'][number],
  postName: string,
  leaves: readonly Leave[],
): bigint {
  if (employee.dismissalDate === null) return 0n;
  const balance = leaveBalance({
    hireDate: employee.hireDate,
    entitlement: { basicDays: postLeave(postName).basicDays, additionalDays: 0 },
    leaves: leaves.map((leave) => ({
      kind: leave.kind as LeaveKind,
      start: leave.startDate,
      end: leave.endDate,
      days: leave.days,
    })),
    asOf: employee.dismissalDate,
    dismissalDate: employee.dismissalDate,
  });
  return BigInt(Math.round(compensationDays(balance) * 100));
}

/** Groups rows by their employee. */
function byEmployee<R extends { employeeId: string }>(rows: readonly R[]): Map<string, R[]> {
  const map = new Map<string, R[]>();
  for (const row of rows) map.set(row.employeeId, [...(map.get(row.employeeId) ?? []), row]);
  return map;
}

/**
 * The sick-pay percent as the portal's seniority section gives it: страховой стаж from the same
 * periods (`periodsFor`) on the day the sick leave opens, the days before it (ст. 7 255-ФЗ).
 */
function sickPercentOf(
  assignments: readonly Assignment[],
  previous: GeneratedPersonalFile['previousEmployment'],
  entered: readonly GeneratedSeniorityPeriod[],
): (date: string) => number {
  // periodsFor reads these fields only for INSURANCE: the rows stand in for the stored entities.
  const rows = {
    assignments: assignments.map((a) => ({ ...a, position: null })),
    previous,
    entered: entered.map((p) => ({ ...p })),
    leaves: [],
    positions: new Map(),
  } as unknown as PersonalFileRows;
  const periods = periodsFor('INSURANCE', rows);
  return (date) => sickPayPercent(seniorityOn(periods, date).duration);
}

/** The leaves with what the payroll needs of each, worked out once. */
function payrollLeaves(
  leaves: readonly Leave[],
  hireDate: string,
  calendar: WorkCalendar,
  sickPercent: (date: string) => number,
): PayrollLeave[] {
  return leaves.map((leave) => {
    const from = dayOf(leave.startDate);
    const paid = paidLeaveKinds.has(leave.kind);
    const sick = leave.kind === 'SICK';
    return {
      ...leave,
      from,
      to: dayOf(leave.endDate),
      // A leave in the first days of work cannot be paid 3 days ahead: it is paid on the first.
      paidOn: paid ? maxDate(calendar.payday(addDays(leave.startDate, -3)), hireDate) : null,
      employer: sick
        ? {
            from,
            to: from + Math.min(EMPLOYER_SICK_DAYS, leave.days) - 1,
            percent: sickPercent(leave.startDate),
          }
        : null,
    };
  });
}

/**
 * Three years of monthly payslips per employee, drawn from the rest of their file: оклад by the
 * assignment's post and rate for the days worked against the production calendar's norm,
 * стимулирующие, a quarterly премия, holiday pay paid as its own payout on a working day at least
 * 3 days before the leave (ст. 136 ТК), the employer's first 3 sick days at the percent the file's
 * страховой стаж gives (255-ФЗ), НДФЛ cumulative from the start of the year (ст. 226 НК), the
 * advance on the 20th and the final pay on the 5th of the next month (the working day before when
 * these are days off, December's before the January holidays), everything owed paid on the day of
 * dismissal with the compensation for unused leave the leave section computes (ст. 127 ТК). Average earnings are estimated from the salary, not from the payslips before. The
 * last month is unpublished.
 */
export function generatePayroll(
  institution: GeneratedInstitution,
  files: GeneratedPersonalFile,
  random: Random,
  asOf: string,
  months: number,
  newId: () => string,
  seniority: readonly GeneratedSeniorityPeriod[] = [],
) {
  const periods = generatePeriods(asOf, months, newId);
  const payslips: GeneratedPayslip[] = [];
  const lines: GeneratedLine[] = [];
  const calendar = new WorkCalendar();
  const positionName = new Map(institution.positions.map((p) => [p.id, p.name]));
  const leavesOf = byEmployee(files.leaves);
  const assignmentsOf = byEmployee(files.assignments);
  const previousOf = byEmployee(files.previousEmployment);
  const enteredOf = byEmployee(seniority);

  for (const employee of institution.employees) {
    const assignments = (assignmentsOf.get(employee.id) ?? []).filter(
      (a) => a.kind === 'HIRE' || a.kind === 'TRANSFER',
    );
    const sickPercent = sickPercentOf(
      assignments,
      previousOf.get(employee.id) ?? [],
      enteredOf.get(employee.id) ?? [],
    );
    const file: EmployeeFile = {
      unionMember: random.chance(0.3),
      hire: dayOf(employee.hireDate),
      dismissal: employee.dismissalDate === null ? null : dayOf(employee.dismissalDate),
      dismissalDate: employee.dismissalDate,
      assignments,
      leaves: payrollLeaves(
        leavesOf.get(employee.id) ?? [],
        employee.hireDate,
        calendar,
        sickPercent,
      ),
      compensationHundredths: compensationOf(
        employee,
        positionName.get(employee.positionId) ?? '',
        leavesOf.get(employee.id) ?? [],
      ),
    };
    const salaryOf = (a: Assignment) =>
      share(
        BigInt(Math.max(salaries[positionName.get(a.positionId) ?? ''] ?? 30_000, MINIMUM_WAGE)) *
          100n,
        rateOf(a.rate),
        100,
      );
    const ledger = { owed: 0n, year: 0, income: 0n, withheld: 0n };
    for (const period of periods) {
      const { year, month } = period;
      if (employee.hireDate > monthEnd(year, month)) continue;
      if (employee.dismissalDate && employee.dismissalDate < monthStart(year, month)) continue;
      if (ledger.year !== year) Object.assign(ledger, { year, income: 0n, withheld: 0n });
      const payslipId = newId();
      const slip = monthOf(file, period, salaryOf, calendar, ledger);
      payslips.push({ id: payslipId, periodId: period.id, employeeId: employee.id, ...slip.head });
      slip.lines.forEach((line, index) =>
        lines.push({ ...line, id: newId(), payslipId, sortOrder: index }),
      );
    }
  }
  return { periods, payslips, lines };
}

interface Ledger {
  /** Owed to the employee at the end of the last month. */
  owed: bigint;
  year: number;
  /** This year's taxable income and НДФЛ withheld so far. */
  income: bigint;
  withheld: bigint;
}

/** A payslip's lines as they are added, kept in the payslip's order: accruals, deductions, payments. */
class Slip {
  readonly accruals: LineDraft[] = [];
  readonly deductions: LineDraft[] = [];
  readonly payments: LineDraft[] = [];
  accrued = 0n;
  withheld = 0n;
  paid = 0n;

  constructor(
    readonly relatesTo: string,
    private readonly ledger: Ledger,
  ) {}

  accrue(
    line: { payCode: string; incomeCode: string; name: string; days: number | null },
    amount: bigint,
    relatesTo = this.relatesTo,
  ): void {
    if (amount <= 0n) return;
    this.accrued += amount;
    this.accruals.push({ kind: 'ACCRUAL', ...line, relatesTo, amount: rub(amount), paidOn: null });
  }

  deduct(payCode: string, name: string, amount: bigint): void {
    this.withheld += amount;
    this.deductions.push(this.plain('DEDUCTION', payCode, name, amount, null));
  }

  /** A line with no income code or days: a deduction or a payment. */
  private plain(
    kind: 'DEDUCTION' | 'PAYMENT',
    payCode: string,
    name: string,
    amount: bigint,
    paidOn: string | null,
  ): LineDraft {
    const line = { payCode, incomeCode: null, name, relatesTo: this.relatesTo, days: null };
    return { kind, ...line, amount: rub(amount), paidOn };
  }

  /** НДФЛ on income paid now: the year's tax to date less what was withheld (ст. 226 НК). */
  withholdNdfl(year: number, income: bigint, name: string): bigint {
    this.ledger.income += income;
    const tax = ndflToWithhold(year, this.ledger.income, this.ledger.withheld);
    this.ledger.withheld += tax;
    this.deduct('900', name, tax);
    return tax;
  }

  pay(payCode: string, name: string, amount: bigint, paidOn: string): void {
    if (amount <= 0n) return;
    this.paid += amount;
    this.payments.push(this.plain('PAYMENT', payCode, name, amount, paidOn));
  }

  get lines(): LineDraft[] {
    return [...this.accruals, ...this.deductions, ...this.payments];
  }
}

/** The days of a month the payslip counts, by the production calendar. */
function daysOf(file: EmployeeFile, year: number, month: number, calendar: WorkCalendar) {
  const [first, last] = [Date.UTC(year, month - 1, 1) / DAY, Date.UTC(year, month, 0) / DAY];
  const employed = clip(file.hire, file.dismissal ?? last, first, last)!;
  // Days in leave, counted once where leaves overlap (a sick note inside a holiday).
  const away = file.leaves
    .map((leave) => clip(leave.from, leave.to, ...employed))
    .filter((span) => span !== null)
    .sort((x, y) => x[0] - y[0]);
  let absent = 0;
  let counted = -Infinity;
  for (const [from, to] of away) {
    if (to > counted) absent += calendar.count(Math.max(from, counted + 1), to);
    counted = Math.max(counted, to);
  }
  return {
    first: dateOf(first),
    last: dateOf(last),
    employed,
    norm: calendar.norm(year, month),
    worked: calendar.count(...employed) - absent,
  };
}

/**
 * Holiday pay for each leave whose payday falls in the month: a working day at least 3 days before
 * it starts (ст. 136 ТК), paid out on its own with its НДФЛ withheld; returns what goes out when.
 */
function holidayPay(
  slip: Slip,
  file: EmployeeFile,
  year: number,
  [first, last]: [string, string],
  averageDaily: bigint,
): [name: string, net: bigint, paidOn: string][] {
  const payouts: [string, bigint, string][] = [];
  for (const leave of file.leaves) {
    const paidOn = leave.paidOn;
    if (paidOn === null || paidOn < first || paidOn > last) continue;
    const amount = averageDaily * BigInt(leave.days);
    const since = `с ${ruDate(leave.startDate)}`;
    const name = `Оплата отпуска ${since}`;
    slip.accrue(
      { payCode: '100', incomeCode: '2012', name, days: leave.days },
      amount,
      `${leave.startDate.slice(0, 8)}01`,
    );
    const tax = slip.withholdNdfl(year, amount, `НДФЛ с отпускных ${since}`);
    const dues = file.unionMember ? amount / 100n : 0n;
    if (dues > 0n) slip.deduct('910', `Профсоюзные взносы (1%) с отпускных ${since}`, dues);
    payouts.push([
      `Отпускные за отпуск ${since} (перечисление в банк)`,
      amount - tax - dues,
      paidOn,
    ]);
  }
  return payouts;
}

/** The employer's first sick days of each sick leave inside `employed`, at the стаж percent. */
function sickPay(slip: Slip, file: EmployeeFile, employed: [number, number], sickDaily: bigint) {
  for (const leave of file.leaves) {
    if (!leave.employer) continue;
    const employer = clip(leave.employer.from, leave.employer.to, ...employed);
    if (!employer) continue;
    const days = employer[1] - employer[0] + 1;
    const percent = leave.employer.percent;
    const name = `Пособие по временной нетрудоспособности за счёт работодателя, ${percent} % (больничный с ${ruDate(leave.startDate)})`;
    slip.accrue(
      { payCode: '200', incomeCode: '2300', name, days },
      share(sickDaily * BigInt(days), percent, 100),
    );
  }
}

/**
 * Compensation for unused annual leave in the month of dismissal (ст. 127 ТК): the leave section's
 * days (exact to hundredths) at the average daily earnings of ст. 139; НДФЛ income code 2013.
 */
function compensation(slip: Slip, hundredths: bigint, averageDaily: bigint) {
  if (hundredths <= 0n) return;
  const days = (Number(hundredths) / 100).toFixed(2).replace('.', ',');
  slip.accrue(
    {
      payCode: '120',
      incomeCode: '2013',
      name: `Компенсация за неиспользованный отпуск при увольнении, ${days} дн.`,
      days: null,
    },
    (averageDaily * hundredths) / 100n,
  );
}

/**
 * The month's payments: last month's pay on the 5th, holiday pay on its days, the advance on the
 * 20th, all of it on the day of dismissal (ст. 140 ТК), and this month's pay before the month ends
 * when the 5th of the next falls in a holiday (January); returns what is still owed.
 */
function payOut(
  slip: Slip,
  file: EmployeeFile,
  opening: bigint,
  {
    year,
    month,
    last,
    employed,
  }: { year: number; month: number; last: string; employed: [number, number] },
  salary: bigint,
  payouts: readonly [name: string, net: bigint, paidOn: string][],
  calendar: WorkCalendar,
): bigint {
  const dismissed = file.dismissalDate !== null && file.dismissalDate <= last;
  const fifth = calendar.payday(`${year}-${pad(month)}-05`);
  const finalDay = dismissed && file.dismissalDate! < fifth ? file.dismissalDate! : fifth;
  slip.pay('800', 'Зарплата за предыдущий месяц (перечисление в банк)', opening, finalDay);
  for (const [name, amount, paidOn] of payouts) slip.pay('820', name, amount, paidOn);
  const due = () => opening + slip.accrued - slip.withheld - slip.paid;
  if (dismissed) {
    slip.pay(
      '850',
      'Окончательный расчёт при увольнении (перечисление в банк)',
      due(),
      file.dismissalDate!,
    );
    return due();
  }
  const twentieth = calendar.payday(`${year}-${pad(month)}-20`);
  if (dateOf(employed[0]) <= twentieth)
    slip.pay('810', 'Аванс (перечисление в банк)', min(share(salary, 40, 100), due()), twentieth);
  const next = new Date(Date.UTC(year, month, 5)).toISOString().slice(0, 10);
  const nextPayday = calendar.payday(next);
  if (nextPayday <= last)
    slip.pay('800', 'Зарплата за месяц (перечисление в банк до праздников)', due(), nextPayday);
  return due();
}

/** One month's payslip of one employee; moves the ledger on to the month's end. */
function monthOf(
  file: EmployeeFile,
  period: GeneratedPeriod,
  salaryOf: (assignment: Assignment) => bigint,
  calendar: WorkCalendar,
  ledger: Ledger,
) {
  const { year, month } = period;
  const { first, last, employed, norm, worked } = daysOf(file, year, month, calendar);
  const assignment =
    file.assignments.filter((a) => dayOf(a.startDate) <= employed[1]).at(-1) ??
    file.assignments[0]!;
  const base = salaryOf(assignment);
  // Average daily earnings: a quarter above the salary, over 29.3 days a month for leave (ст. 139
  // ТК) and over 730 days of two years for sick pay (ст. 14 255-ФЗ).
  const averageDaily = (base * 125n) / 2930n;
  const sickDaily = (base * 125n * 24n) / 73_000n;
  const slip = new Slip(period.startDate, ledger);

  // Holiday pay first: it goes out, with its НДФЛ withheld, before the month's wages.
  const payouts = holidayPay(slip, file, year, [first, last], averageDaily);
  const before = slip.accrued;
  const salary = share(base, worked, norm);
  slip.accrue({ payCode: '001', incomeCode: '2000', name: 'Оклад по дням', days: worked }, salary);
  const bonus = { incomeCode: '2000', name: 'Стимулирующие выплаты', days: null };
  slip.accrue({ payCode: '035', ...bonus }, share(salary, 25, 100));
  if (month % 3 === 0 && worked > 0) {
    const premium = { incomeCode: '2002', name: 'Премия по итогам квартала', days: null };
    slip.accrue({ payCode: '050', ...premium }, share(base, 50, 100));
  }
  sickPay(slip, file, employed, sickDaily);
  if (file.dismissalDate !== null && file.dismissalDate <= last)
    compensation(slip, file.compensationHundredths, averageDaily);
  slip.withholdNdfl(year, slip.accrued - before, 'НДФЛ');
  if (file.unionMember)
    slip.deduct('910', 'Профсоюзные взносы (1%)', (slip.accrued - before) / 100n);

  const opening = ledger.owed;
  ledger.owed = payOut(
    slip,
    file,
    opening,
    { year, month, last, employed },
    salary,
    payouts,
    calendar,
  );
  return {
    head: {
      openingBalance: rub(opening),
      closingBalance: rub(ledger.owed),
      normDays: norm,
      workedDays: worked,
    },
    lines: slip.lines,
  };
}
