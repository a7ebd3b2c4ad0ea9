import type { FilterQuery } from '@mikro-orm/core';
import { viewerOf, type AppContext } from '../../core/context.js';
import { forbidden } from '../../core/auth/viewer.js';
import { can } from '../../core/policy.js';
import { payrollActions } from './payroll.policy.js';
import { badInput, notFound } from '../../core/errors.js';
import { isLocalDate } from '../../core/graphql/scalars.js';
import { isUuid } from '../../core/ids.js';
import { fromKopecks, toKopecks } from '../../core/money.js';
import {
  Employee,
  employeeById,
  type EmployeePolicy,
  type EmployeeRow,
  policyOf,
} from '../employee/index.js';
import { Payslip } from './payroll.entity.js';
import { DynamicsGrouping, type SalaryBucket } from './payroll.type.js';

interface Range {
  from?: string | null;
  to?: string | null;
}

/** Pay, as the payroll office publishes it: the PAYROLL section of a file, read through its policy. */
export class PayrollService {
  private readonly policy: EmployeePolicy;

  constructor(private readonly ctx: AppContext) {
    this.policy = policyOf(ctx);
  }

  /** Payslips of one employee (the viewer by default), newest first. */
  async payslips(
    employeeId: string | null | undefined,
    range: Range,
    operation = 'payslips',
  ): Promise<Payslip[]> {
    const employee = await this.employee(employeeId, operation);
    checkRange(range);
    const where: FilterQuery<Payslip> = {
      employee: employee.id,
      deletedAt: null,
      period: {
        deletedAt: null,
        startDate: { $gte: range.from ?? '1900-01-01', $lte: range.to ?? '9999-12-31' },
        ...(this.seesUnpublished()
          ? {}
          : { $or: [{ publishedAt: { $ne: null } }, { advancePublishedAt: { $ne: null } }] }),
      },
    };
    return this.ctx.em.find(Payslip, where, {
      populate: ['period'],
      orderBy: { period: { startDate: 'desc' }, id: 'asc' },
    });
  }

  /** One payslip, if the viewer may read its employee's pay (and, for employees, once published). */
  async payslip(id: string): Promise<Payslip> {
    const payslip = isUuid(id)
      ? await this.ctx.em.findOne(
          Payslip,
          { id, deletedAt: null, period: { deletedAt: null } },
          { populate: ['period'] },
        )
      : null;
    if (!payslip) throw notFound('Payslip', id);
    const employee = await this.ctx.em.findOneOrFail(Employee, { id: payslip.employee.id });
    if (employee.deletedAt) throw notFound('Payslip', id);
    // A payslip the viewer may not read is, to them, one that does not exist (no existence oracle).
    if (!(await this.policy.read(employee, 'PAYROLL', 'payslip'))) throw notFound('Payslip', id);
    if (!payslip.period.getEntity().publishedAt && !this.seesUnpublished())
      throw notFound('Payslip', id);
    return payslip;
  }

  /** Gross, deductions and net per month, quarter or year, summed in SQL; changes per bucket. */
  async dynamics(
    employeeId: string | null | undefined,
    range: Range,
    groupBy: DynamicsGrouping,
  ): Promise<(SalaryBucket & { payslipId: string | null })[]> {
    const employee = await this.employee(employeeId, 'salaryDynamics');
    checkRange(range);
    const from = range.from ?? '1900-01-01';
    const yearBefore = `${Number(from.slice(0, 4)) - 1}${from.slice(4)}`;
    const rows = await this.ctx.em.execute<
      {
        bucket: string;
        gross: string | null;
        deductions: string | null;
        payslip_id: string | null;
      }[]
    >(
      // payslip_id: the first payslip of a period that starts with the bucket (what a month links to).
      `select to_char(date_trunc(?, p.start_date::timestamp), 'YYYY-MM-DD') as bucket,
              coalesce(sum(l.amount) filter (where l.kind = 'ACCRUAL'), 0)::text as gross,
              coalesce(sum(l.amount) filter (where l.kind = 'DEDUCTION'), 0)::text as deductions,
              (array_agg(s.id order by s.id)
                 filter (where p.start_date = date_trunc(?, p.start_date::timestamp)::date))[1]::text
                as payslip_id
         from payslip s
         join payroll_period p on p.id = s.period_id
         cross join lateral jsonb_to_recordset(s.lines) as l(kind text, amount numeric)
        where s.employee_id = ? and p.start_date >= ? and p.start_date <= ?
          and s.deleted_at is null and p.deleted_at is null
          and (? or p.published_at is not null or p.advance_published_at is not null)
        group by 1 order by 1`,
      // A year more than asked for, to compare each bucket with the one a year before.
      [groupBy, groupBy, employee.id, yearBefore, range.to ?? '9999-12-31', this.seesUnpublished()],
    );
    const net = new Map(
      rows.map((row) => [
        row.bucket,
        toKopecks(row.gross ?? '0') - toKopecks(row.deductions ?? '0'),
      ]),
    );
    const buckets = rows.filter((row) => row.bucket >= bucketOf(from, groupBy));
    return buckets.map((row, index) => {
      const current = net.get(row.bucket)!;
      const previous = index > 0 ? net.get(buckets[index - 1]!.bucket) : undefined;
      const lastYear = net.get(`${Number(row.bucket.slice(0, 4)) - 1}${row.bucket.slice(4)}`);
      return {
        start: row.bucket,
        gross: fromKopecks(toKopecks(row.gross ?? '0')),
        deductions: fromKopecks(toKopecks(row.deductions ?? '0')),
        net: fromKopecks(current),
        changeFromPrevious: previous === undefined ? null : fromKopecks(current - previous),
        changeFromYearBefore: lastYear === undefined ? null : fromKopecks(current - lastYear),
        payslipId: row.payslip_id,
      };
    });
  }

  /** The payroll office sees payslips before they are published; employees and managers after. */
  private seesUnpublished(): boolean {
    return can(viewerOf(this.ctx), payrollActions.seeUnpublished);
  }

  private async employee(
    employeeId: string | null | undefined,
    operation: string,
  ): Promise<EmployeeRow> {
    const id = employeeId ?? viewerOf(this.ctx).employeeId;
    if (!id) throw forbidden('This account has no personal file, and so no pay');
    // The request's own file or its loader: a second look at the same file costs no statement.
    const employee = isUuid(id) ? await employeeById(this.ctx, id) : null;
    if (!employee || employee.deletedAt) throw notFound('Employee', id);
    await this.policy.requireFound(employee, 'PAYROLL', operation, () => notFound('Employee', id));
    return employee;
  }
}

function checkRange(range: Range): void {
  for (const key of ['from', 'to'] as const) {
    const value = range[key];
    if (value !== null && value !== undefined && !isLocalDate(value))
      throw badInput([key], 'Not a date');
  }
  if (range.from && range.to && range.to < range.from)
    throw badInput(['to'], 'The range ends before it starts');
}

/** The first day of the bucket holding `date`, as date_trunc gives it. */
function bucketOf(date: string, groupBy: DynamicsGrouping): string {
  const year = date.slice(0, 4);
  const month = Number(date.slice(5, 7));
  if (groupBy === DynamicsGrouping.YEAR) return `${year}-01-01`;
  if (groupBy === DynamicsGrouping.QUARTER)
    return `${year}-${String(month - ((month - 1) % 3)).padStart(2, '0')}-01`;
  return `${date.slice(0, 7)}-01`;
}
