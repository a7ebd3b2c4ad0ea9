import { fromKopecks } from '../core/money.js';
import type { GeneratedInstitution, Random } from './institution.generator.js';
import type { GeneratedPersonalFile } from './personal-file.generator.js';
import {
  DAY_MS as DAY,
  formatLocalDate as iso,
  pad,
  parseLocalDate as parse,
} from '../core/local-date.js';

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
/** Working days a month, as a production calendar of a recent year gives them. */
const workingDays = [17, 19, 21, 22, 18, 21, 23, 21, 22, 23, 19, 22];

const monthStart = (year: number, month: number) => `${year}-${pad(month)}-01`;
const monthEnd = (year: number, month: number) => iso(Date.UTC(year, month, 0));
const rub = (kopecks: bigint) => fromKopecks(kopecks);
const share = (kopecks: bigint, part: number, whole: number) =>
  whole === 0 ? 0n : (kopecks * BigInt(part)) / BigInt(whole);

/** Calendar days of [start, end] inside the month. */
function daysIn(start: string, end: string, year: number, month: number): number {
  const from = Math.max(parse(start), parse(monthStart(year, month)));
  const to = Math.min(parse(end), parse(monthEnd(year, month)));
  return to < from ? 0 : (to - from) / DAY + 1;
}

/**
 * Three years of monthly payslips per employee, consistent with their leave: оклад for days worked,
 * стимулирующие, quarterly премия, отпускные and the employer's sick days, НДФЛ 13% in whole
 * roubles, the advance on the 20th and the final pay on the 5th of the next month, so each month
 * closes owing the final pay. The last month is left unpublished.
 */
export function generatePayroll(
  institution: GeneratedInstitution,
  files: GeneratedPersonalFile,
  random: Random,
  asOf: string,
  months: number,
  newId: () => string,
) {
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
  const payslips: GeneratedPayslip[] = [];
  const lines: GeneratedLine[] = [];
  const positionName = new Map(institution.positions.map((p) => [p.id, p.name]));
  const leavesOf = new Map<string, GeneratedPersonalFile['leaves']>();
  for (const leave of files.leaves)
    leavesOf.set(leave.employeeId, [...(leavesOf.get(leave.employeeId) ?? []), leave]);

  for (const employee of institution.employees) {
    const base =
      BigInt(
        Math.max(salaries[positionName.get(employee.positionId) ?? ''] ?? 30_000, MINIMUM_WAGE),
      ) * 100n;
    const unionMember = random.chance(0.3);
    let owed = 0n;
    for (const period of periods) {
      const { year, month } = period;
      if (employee.hireDate > monthEnd(year, month)) continue;
      if (employee.dismissalDate && employee.dismissalDate < monthStart(year, month)) continue;
      const payslipId = newId();
      const norm = workingDays[month - 1]!;
      const leaves = leavesOf.get(employee.id) ?? [];
      const absent = (kind: string) =>
        leaves
          .filter((l) => l.kind === kind)
          .reduce((sum, l) => sum + daysIn(l.startDate, l.endDate, year, month), 0);
      const vacationDays = absent('ANNUAL_BASIC');
      const sickDays = absent('SICK');
      const worked = Math.max(0, norm - Math.round(((vacationDays + sickDays) * 5) / 7));
      // Average daily earnings: a quarter above the salary, over 29.3 days a month (ст. 139 ТК).
      const averageDaily = (base * 125n) / 2930n;
      const relatesTo = period.startDate;
      const out: Omit<GeneratedLine, 'id' | 'payslipId' | 'sortOrder' | 'relatesTo'>[] = [];
      let accrued = 0n;
      const accrue = (
        payCode: string,
        incomeCode: string,
        name: string,
        amount: bigint,
        days: number | null,
      ) => {
        if (amount <= 0n) return;
        accrued += amount;
        out.push({
          kind: 'ACCRUAL',
          payCode,
          incomeCode,
          name,
          days,
          amount: rub(amount),
          paidOn: null,
        });
      };
      const salary = share(base, worked, norm);
      accrue('001', '2000', 'Оклад по дням', salary, worked);
      accrue('035', '2000', 'Стимулирующие выплаты', share(salary, 25, 100), null);
      if (month % 3 === 0 && worked > 0)
        accrue('050', '2002', 'Премия по итогам квартала', share(base, 50, 100), null);
      accrue(
        '100',
        '2012',
        'Оплата отпуска',
        averageDaily * BigInt(vacationDays),
        vacationDays || null,
      );
      accrue(
        '200',
        '2300',
        'Пособие по временной нетрудоспособности за счёт работодателя',
        share(averageDaily * BigInt(Math.min(3, sickDays)), 80, 100),
        Math.min(3, sickDays) || null,
      );
      // НДФЛ is withheld in whole roubles.
      const tax = (((accrued * 13n) / 100n + 50n) / 100n) * 100n;
      const deductions: [string, string, bigint][] = [['900', 'НДФЛ', tax]];
      if (unionMember) deductions.push(['910', 'Профсоюзные взносы (1%)', accrued / 100n]);
      for (const [payCode, name, amount] of deductions) {
        out.push({
          kind: 'DEDUCTION',
          payCode,
          incomeCode: null,
          name,
          days: null,
          amount: rub(amount),
          paidOn: null,
        });
      }
      const withheld = deductions.reduce((sum, [, , amount]) => sum + amount, 0n);
      const net = accrued - withheld;
      const advance =
        net > 0n
          ? share(share(base, worked, norm), 40, 100) < net
            ? share(share(base, worked, norm), 40, 100)
            : net
          : 0n;
      if (owed > 0n) {
        out.push({
          kind: 'PAYMENT',
          payCode: '800',
          incomeCode: null,
          name: 'Зарплата за предыдущий месяц (перечисление в банк)',
          days: null,
          amount: rub(owed),
          paidOn: `${year}-${pad(month)}-05`,
        });
      }
      if (advance > 0n) {
        out.push({
          kind: 'PAYMENT',
          payCode: '810',
          incomeCode: null,
          name: 'Аванс (перечисление в банк)',
          days: null,
          amount: rub(advance),
          paidOn: `${year}-${pad(month)}-20`,
        });
      }
      const opening = owed;
      const paid = (opening > 0n ? opening : 0n) + advance;
      owed = opening + net - paid;
      payslips.push({
        id: payslipId,
        periodId: period.id,
        employeeId: employee.id,
        openingBalance: rub(opening),
        closingBalance: rub(owed),
        normDays: norm,
        workedDays: worked,
      });
      out.forEach((line, index) =>
        lines.push({ ...line, id: newId(), payslipId, relatesTo, sortOrder: index }),
      );
    }
  }
  return { periods, payslips, lines };
}
