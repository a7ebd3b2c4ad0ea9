import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../../app/context.js';
import { provenanceOf } from '../../core/graphql/provenance.js';
import type { Employee } from '../employee/employee.entity.js';
import { policyOf } from '../employee/employee.fields.js';
import { EmployeeType } from '../employee/employee.type.js';
import { organizationToday } from '../organization/organization.service.js';
import { positionOf } from '../position/position.loader.js';
import { leaveScheduleLoader, leavesLoader } from './leave.loader.js';
import { LeaveKinds, leaveBalance, type LeaveKind } from './leave.rules.js';
import { LeaveSection } from './leave.type.js';

const isKind = (kind: string): kind is LeaveKind =>
  (LeaveKinds as readonly string[]).includes(kind);

/** The leave section of a file, checked and journalled: records, schedule, balance, next leave. */
export async function leaveSectionOf(ctx: AppContext, employee: Employee): Promise<LeaveSection> {
  await policyOf(ctx).require(employee, 'LEAVE', 'Employee.leave');
  const [records, schedule, position, today] = await Promise.all([
    ctx.loaders.get(leavesLoader).load(employee.id),
    ctx.loaders.get(leaveScheduleLoader).load(employee.id),
    positionOf(ctx, employee.organization.id, employee.position),
    organizationToday(ctx, employee),
  ]);
  // Entitlement comes from the post: 28 days, 56 for teachers, plus the post's additional days.
  const balance = leaveBalance({
    hireDate: employee.hireDate,
    entitlement: {
      basicDays: position?.basicLeaveDays ?? 28,
      additionalDays: position?.additionalLeaveDays ?? 0,
    },
    leaves: records
      .filter((record) => isKind(record.kind))
      .map((record) => ({
        kind: record.kind as LeaveKind,
        start: record.startDate,
        end: record.endDate,
      })),
    asOf: employee.dismissalDate && employee.dismissalDate < today ? employee.dismissalDate : today,
    dismissalDate: employee.dismissalDate,
  });
  const upcoming = [...records, ...schedule]
    .map((entry) => entry.startDate)
    .filter((start) => start > today)
    .sort();
  return {
    records,
    schedule,
    balance: balance.map(({ year, entitled, used, remaining }) => ({
      ...year,
      entitled,
      used,
      remaining,
    })),
    nextLeaveStart: upcoming[0] ?? null,
    provenance: provenanceOf([...records, ...schedule]),
  };
}

@Resolver(() => EmployeeType)
export class LeaveSectionResolver {
  @FieldResolver(() => LeaveSection, { description: 'Leave section (LEAVE).' })
  leave(@Root() employee: Employee, @Ctx() ctx: AppContext): Promise<LeaveSection> {
    return leaveSectionOf(ctx, employee);
  }
}
