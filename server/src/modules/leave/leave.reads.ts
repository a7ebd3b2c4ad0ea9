import type { AppContext } from '../../core/context.js';
import { provenanceOf } from '../../core/graphql/provenance.js';
import { type EmployeeRow, policyOf } from '../employee/index.js';
import { organizationToday } from '../organization/index.js';
import { positionOf } from '../position/index.js';
import { leaveScheduleLoader, leavesLoader } from './leave.loader.js';
import { leavePeriodsOf } from './leave.periods.js';
import {
  compensationDays,
  leaveBalance,
  roundLeaveDays,
  type BalanceInput,
  type YearBalance,
} from './leave.rules.js';
import { type LeaveSection } from './leave.type.js';

/** A figure of leave days for the API: rounded up to hundredths, as a decimal string. */
export const leaveDaysFigure = (days: number): string => roundLeaveDays(days).toFixed(2);

const totalOf = (balances: readonly YearBalance[]) =>
  balances.reduce((sum, year) => sum + year.remaining.total, 0);

/** The leave section of a file, checked and journalled: records, schedule, balance, next leave. */
export async function leaveSectionOf(
  ctx: AppContext,
  employee: EmployeeRow,
): Promise<LeaveSection> {
  await policyOf(ctx).require(employee, 'LEAVE', 'Employee.leave');
  const [records, schedule, position, today] = await Promise.all([
    ctx.loaders.get(leavesLoader).load(employee.id),
    ctx.loaders.get(leaveScheduleLoader).load(employee.id),
    positionOf(ctx, employee.organization.id, employee.position),
    organizationToday(ctx, employee),
  ]);
  const dismissed = employee.dismissalDate !== null && employee.dismissalDate <= today;
  // Entitlement comes from the post: 28 days (ст. 115), 56 under ПП № 415, plus additional days.
  const input: BalanceInput = {
    hireDate: employee.hireDate,
    entitlement: {
      basicDays: position?.basicLeaveDays ?? 28,
      additionalDays: position?.additionalLeaveDays ?? 0,
    },
    leaves: leavePeriodsOf(records),
    asOf: dismissed ? employee.dismissalDate : today,
    dismissalDate: employee.dismissalDate,
  };
  const balance = leaveBalance(input);
  const upcoming = [...records, ...schedule]
    .map((entry) => entry.startDate)
    .filter((start) => start > today)
    .sort();
  return {
    records,
    schedule,
    balance: balance.map(({ year, entitled, used, remaining }) => ({
      ...year,
      entitled: {
        basic: leaveDaysFigure(entitled.basic),
        additional: leaveDaysFigure(entitled.additional),
      },
      used: { basic: leaveDaysFigure(used.basic), additional: leaveDaysFigure(used.additional) },
      remaining: {
        basic: leaveDaysFigure(remaining.basic),
        additional: leaveDaysFigure(remaining.additional),
        total: leaveDaysFigure(remaining.total),
      },
    })),
    remainingToday: leaveDaysFigure(totalOf(balance)),
    remainingAfterPlanned: leaveDaysFigure(
      dismissed ? totalOf(balance) : totalOf(leaveBalance({ ...input, chargePlanned: true })),
    ),
    compensationDays: dismissed ? compensationDays(balance).toFixed(2) : null,
    nextLeaveStart: upcoming[0] ?? null,
    provenance: provenanceOf([...records, ...schedule]),
  };
}
