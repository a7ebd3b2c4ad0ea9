/**
 * Leave (отпуска): records, the schedule, entitlements and balances (ст. 114–128 ТК РФ).
 *
 * The module's public face: other modules and the wiring import only from here.
 */
export { postLeave } from './leave.entitlement.js';
export { LeaveRecord, LeaveScheduleEntry } from './leave.entity.js';
export { leavesLoader } from './leave.loader.js';
export { holidaysWithin, leavePeriodsOf } from './leave.periods.js';
export { leaveSectionOf } from './leave.reads.js';
export { LeaveSectionResolver } from './leave.resolver.js';
export {
  annualLeaveEnd,
  checkAnnualRequest,
  checkLeave,
  compensationDays,
  findOverlap,
  leaveBalance,
  leaveDays,
  statutoryHolidays,
  type LeaveKind,
  type LeaveSpan,
} from './leave.rules.js';
export { LeaveKindValue, LeaveType } from './leave.type.js';
export { leaveClash, recordLeave } from './leave.writes.js';
