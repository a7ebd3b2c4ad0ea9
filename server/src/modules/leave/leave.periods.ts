import type { EntityManager } from '@mikro-orm/postgresql';
import { calendarDays } from '../calendar/index.js';
import type { Row } from '../../core/orm/rows.js';
import type { LeaveRecord } from './leave.entity.js';
import {
  LeaveKinds,
  statutoryHolidays,
  type LeaveKind,
  type LeaveSpan as LeavePeriod,
} from './leave.rules.js';

const isKind = (kind: string): kind is LeaveKind =>
  (LeaveKinds as readonly string[]).includes(kind);

/** Records as the rules read them: each charged the days HR recorded on it. */
export const leavePeriodsOf = (records: readonly Row<LeaveRecord>[]): LeavePeriod[] =>
  records
    .filter((record) => isKind(record.kind))
    .map((record) => ({
      kind: record.kind as LeaveKind,
      start: record.startDate,
      end: record.endDate,
      days: record.days,
    }));

/**
 * The non-working public holidays (kind HOLIDAY: ст. 112 ТК and those HR recorded) from `from` to
 * `to` in the production calendar: what annual leave does not count (ст. 120 ТК). Days off moved
 * by a decree are working time moved, not holidays, and are counted. The statute's holidays count
 * for a year the calendar does not hold yet.
 */
export async function holidaysWithin(
  em: EntityManager,
  from: string,
  to: string,
): Promise<Set<string>> {
  const holidays = statutoryHolidays(from, to);
  for (const [date, kind] of await calendarDays(em, from, to)) {
    if (kind === 'HOLIDAY') holidays.add(date);
  }
  return holidays;
}
