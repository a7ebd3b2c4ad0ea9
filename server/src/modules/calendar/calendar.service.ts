import { viewerOf, type AppContext } from '../../core/context.js';
import { unitOf } from '../../core/unit-of-work.js';
import { authorize } from '../../core/policy.js';
import { calendarActions } from './calendar.policy.js';
import { badInput } from '../../core/errors.js';
import { isLocalDate } from '../../core/graphql/scalars.js';
import { CalendarDay, CalendarYear } from './calendar.entity.js';
import {
  CALENDAR_REVISION,
  calendarEntries,
  calendarSource,
  shippedYears,
} from './calendar.data.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import { newId } from '../../core/orm/base.entity.js';
import {
  WeekHours,
  workingDaysIn,
  workingTenthsIn,
  type CalendarDayKind,
  type CalendarDays,
} from './calendar.rules.js';

/** The production calendar, read by everyone signed in and kept by HR and admins. */
export class CalendarService {
  constructor(private readonly ctx: AppContext) {}

  async year(year: number) {
    if (!Number.isInteger(year) || year < 2000 || year > 2100)
      throw badInput(['year'], 'A year from 2000');
    const rows = await this.ctx.em.find(
      CalendarDay,
      { date: { $gte: `${year}-01-01`, $lte: `${year}-12-31` } },
      { orderBy: { date: 'asc' } },
    );
    const days: CalendarDays = new Map(rows.map((row) => [row.date, row.kind]));
    const months = Array.from({ length: 12 }, (_, index) => index + 1);
    const workingDaysByMonth = months.map((month) => workingDaysIn(year, month, days));
    const hours = (tenths: number) => (tenths / 10).toFixed(1).replace(/\.0$/, '');
    const stored = await this.ctx.em.findOne(CalendarYear, { year });
    return {
      year,
      days: rows,
      workingDaysByMonth,
      workingDays: workingDaysByMonth.reduce((sum, count) => sum + count, 0),
      norms: WeekHours.map((weekHours) => {
        const byMonth = months.map((month) => workingTenthsIn(year, month, weekHours, days));
        return {
          weekHours,
          hoursByMonth: byMonth.map(hours),
          hours: hours(byMonth.reduce((sum, tenths) => sum + tenths, 0)),
        };
      }),
      source: stored?.source ?? calendarSource(year),
    };
  }

  /** HR or ADMIN records a day as the decree sets it; ORDINARY removes the override. */
  async set(
    date: string,
    kind: CalendarDayKind | 'ORDINARY',
    note: string | null,
  ): Promise<boolean> {
    authorize(viewerOf(this.ctx), calendarActions.setDay);
    if (!isLocalDate(date)) throw badInput(['date'], 'Not a date');
    const em = unitOf(this.ctx).em;
    const existing = await em.findOne(CalendarDay, { date });
    if (kind === 'ORDINARY') {
      if (existing) await em.remove(existing).flush();
      return true;
    }
    const day = existing ?? em.create(CalendarDay, { date, kind });
    em.assign(day, { kind, note: note?.trim() || null, origin: 'HR' });
    await em.flush();
    return true;
  }
}

/**
 * Brings the shipped production calendar into the table, at start-up, in one transaction: every
 * shipped year (2019 on) whose stored revision is older than the data's, and the statute alone for
 * the years around `year` that ship no decree. A year's shipped rows are rewritten; days HR entered
 * (`setCalendarDay`) stay as they are, so a regional decree is never overwritten. Processes that
 * start together take turns on an advisory lock.
 */
export async function syncProductionCalendar(em: EntityManager, year: number): Promise<number[]> {
  await em.execute(`select pg_advisory_xact_lock(hashtext('production_calendar'))`);
  const wanted = [...new Set([...shippedYears, year - 1, year, year + 1])];
  const current = await em.find(CalendarYear, { year: { $in: wanted } });
  const stale = wanted.filter(
    (y) => (current.find((row) => row.year === y)?.revision ?? -1) < revisionOf(y),
  );
  for (const y of stale) {
    const entries = calendarEntries(y);
    await em.execute(
      `delete from production_calendar_day
        where origin = 'SHIPPED' and date between ? and ? and date::text not in (?)`,
      [`${y}-01-01`, `${y}-12-31`, entries.map((entry) => entry.date)],
    );
    await em.execute(
      `insert into production_calendar_day (id, date, kind, note, origin)
       select (d->>'id')::uuid, (d->>'date')::date, d->>'kind', d->>'note', 'SHIPPED'
         from json_array_elements(?::json) as d
       on conflict (date) do update set kind = excluded.kind, note = excluded.note,
         updated_at = current_timestamp
         where production_calendar_day.origin = 'SHIPPED'`,
      [JSON.stringify(entries.map((entry) => ({ id: newId(), ...entry })))],
    );
    await em.upsert(CalendarYear, {
      year: y,
      revision: revisionOf(y),
      source: calendarSource(y),
      syncedAt: new Date(),
    });
  }
  return stale;
}

/** A shipped year is at the data's revision; a statute-only year never needs rewriting. */
const revisionOf = (year: number) => (shippedYears.includes(year) ? CALENDAR_REVISION : 0);

/** The calendar's own days from `from` to `to` (inclusive), for working-day arithmetic. */
export async function calendarDays(
  em: EntityManager,
  from: string,
  to: string,
): Promise<CalendarDays> {
  const rows = await em.find(
    CalendarDay,
    { date: { $gte: from, $lte: to } },
    { fields: ['date', 'kind'] },
  );
  return new Map(rows.map((row) => [row.date, row.kind]));
}
