import { viewerOf, type AppContext } from '../../core/context.js';
import { unitOf } from '../../core/unit-of-work.js';
import { authorize } from '../../core/policy.js';
import { payrollActions } from './payroll.policy.js';
import { badInput } from '../../core/errors.js';
import { isUuid } from '../../core/ids.js';
import { fromKopecks, MAX_KOPECKS, toKopecks } from '../../core/money.js';
import { Employee } from '../employee/index.js';
import { PayrollPeriod, Payslip } from './payroll.entity.js';
import { payslipLineData } from './payslip-lines.js';
import type { PayslipInput, PayslipLineInput } from './payslip.inputs.js';

const MAX_LINES = 500;
/** The sizes a line's columns had before lines moved into jsonb, kept for what the office writes. */
const LINE_LIMITS = { payCode: 16, incomeCode: 8, name: 200 } as const;

/**
 * ACCOUNTANT or INTEGRATION writes a payslip whole: checked (the balance identity to the kopeck,
 * no negative days, the employee in the organization) and written with its lines in one
 * transaction, replacing the month's previous version. The period starts unpublished.
 */
export class PayslipWriteService {
  constructor(private readonly ctx: AppContext) {}

  async save(input: PayslipInput): Promise<Payslip> {
    const viewer = viewerOf(this.ctx);
    authorize(viewer, payrollActions.writePayslips);
    check(input);
    const employee = isUuid(input.employeeId)
      ? await this.ctx.em.findOne(Employee, {
          id: input.employeeId,
          organization: viewer.organizationId,
          deletedAt: null,
        })
      : null;
    if (!employee) throw badInput(['input', 'employeeId'], 'No such employee in this organization');
    const tx = unitOf(this.ctx).em;
    const startDate = `${input.year}-${String(input.month).padStart(2, '0')}-01`;
    const period =
      (await tx.findOne(PayrollPeriod, {
        organization: viewer.organizationId,
        year: input.year,
        month: input.month,
      })) ??
      tx.create(PayrollPeriod, {
        organization: viewer.organizationId,
        year: input.year,
        month: input.month,
        startDate,
      });
    // A month the system of record had deleted is back once the payroll office writes to it.
    period.deletedAt = null;
    const payslip = tx.create(Payslip, {
      organization: viewer.organizationId,
      period,
      employee,
      openingBalance: input.openingBalance,
      closingBalance: input.closingBalance,
      normDays: input.normDays ?? null,
      workedDays: input.workedDays ?? null,
      lines: input.lines.map(payslipLineData),
    });
    await tx.flush();
    // Questions about the replaced version stay, on the new one: each keeps the line it was about.
    await tx.execute(
      `update payslip_question set payslip_id = ?
          where payslip_id in (select id from payslip where employee_id = ? and period_id = ?
                                  and assignment_id is null and id <> ?)`,
      [payslip.id, employee.id, period.id, payslip.id],
    );
    await tx.nativeDelete(Payslip, {
      employee: employee.id,
      period: period.id,
      assignment: null,
      id: { $ne: payslip.id },
    });
    await this.ctx.access.writeNow(tx, {
      subjectEmployeeId: employee.id,
      section: 'PAYROLL',
      action: 'CHANGE',
      allowed: true,
      operation: 'savePayslip',
    });
    return payslip;
  }
}

/** Everything that can be wrong with a payslip before it touches the database. */
function check(input: PayslipInput): void {
  if (!Number.isInteger(input.year) || input.year < 2000 || input.year > 2100)
    throw badInput(['input', 'year'], 'A year from 2000');
  if (!Number.isInteger(input.month) || input.month < 1 || input.month > 12)
    throw badInput(['input', 'month'], 'A month from 1 to 12');
  checkPayslipBody(input);
  input.lines.forEach((line, index) => {
    for (const field of ['payCode', 'incomeCode', 'name'] as const) {
      if ((line[field]?.length ?? 0) > LINE_LIMITS[field])
        throw badInput(
          ['input', 'lines', index, field],
          `At most ${LINE_LIMITS[field]} characters`,
        );
    }
  });
}

/**
 * A payslip's days, lines and balances, whoever writes it (the payroll office or the import): the
 * balance identity opening + accruals − deductions − payments = closing holds to the kopeck.
 */
export function checkPayslipBody(
  input: Pick<PayslipInput, 'openingBalance' | 'closingBalance' | 'normDays' | 'workedDays'> & {
    lines: Pick<PayslipLineInput, 'kind' | 'payCode' | 'name' | 'days' | 'amount'>[];
  },
): void {
  for (const field of ['normDays', 'workedDays'] as const) {
    const value = input[field];
    if (value !== null && value !== undefined && (value < 0 || value > 31))
      throw badInput(['input', field], 'Days from 0 to 31');
  }
  if (input.lines.length > MAX_LINES)
    throw badInput(['input', 'lines'], `At most ${MAX_LINES} lines`);
  let balance = toKopecks(input.openingBalance);
  const totals = { ACCRUAL: 0n, DEDUCTION: 0n, PAYMENT: 0n };
  input.lines.forEach((line, index) => {
    if (line.days !== null && line.days !== undefined && line.days < 0) {
      throw badInput(['input', 'lines', index, 'days'], 'A day count cannot be negative');
    }
    if (toKopecks(line.amount) < 0n)
      throw badInput(
        ['input', 'lines', index, 'amount'],
        'Amounts are positive; the kind says which way',
      );
    if (!line.payCode.trim() || !line.name.trim())
      throw badInput(['input', 'lines', index, 'payCode'], 'Every line has a pay code and a name');
    totals[line.kind] += toKopecks(line.amount);
    // A total the payslip shows (accrued, deducted, paid) must fit an amount, or it could never be read.
    if (totals[line.kind] > MAX_KOPECKS)
      throw badInput(
        ['input', 'lines', index, 'amount'],
        `The payslip's ${line.kind.toLowerCase()} total would exceed ${fromKopecks(MAX_KOPECKS)}`,
      );
    balance += line.kind === 'ACCRUAL' ? toKopecks(line.amount) : -toKopecks(line.amount);
  });
  if (balance !== toKopecks(input.closingBalance)) {
    throw badInput(
      ['input', 'closingBalance'],
      `The lines do not reconcile: opening + accruals − deductions − payments = ${fromKopecks(balance)}, not ${input.closingBalance}`,
    );
  }
}
