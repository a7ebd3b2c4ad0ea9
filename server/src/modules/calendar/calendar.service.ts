import { viewerOf, type AppContext } from '../../app/context.js';
import { unitOf } from '../../app/unit-of-work.js';
import { requireRole } from '../../core/auth/viewer.js';
import { badInput } from '../../core/errors.js';
import { isLocalDate } from '../../core/graphql/scalars.js';
import { CalendarDay } from './calendar.entity.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import { newId } from '../../core/orm/base.entity.js';
import {
  statutoryCalendar,
  workingDaysIn,
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
    return {
      year,
      days: rows,
      workingDaysByMonth: Array.from({ length: 12 }, (_, index) =>
        workingDaysIn(year, index + 1, days),
      ),
    };
  }

  /** HR or ADMIN records a day as the decree sets it; ORDINARY removes the override. */
  async set(
    date: string,
    kind: CalendarDayKind | 'ORDINARY',
    note: string | null,
  ): Promise<boolean> {
    requireRole(viewerOf(this.ctx), 'HR', 'ADMIN');
    if (!isLocalDate(date)) throw badInput(['date'], 'Not a date');
    const em = unitOf(this.ctx).em;
    const existing = await em.findOne(CalendarDay, { date });
    if (kind === 'ORDINARY') {
      if (existing) await em.remove(existing).flush();
      return true;
    }
    const day = existing ?? em.create(CalendarDay, { date, kind });
    em.assign(day, { kind, note: note?.trim() || null });
    await em.flush();
    return true;
  }
}

/**
 * Makes sure the statutory holidays of the years around `year` are in the calendar, at start-up:
 * days HR already entered stay as they are, so the decree's changes are never overwritten.
 */
export async function ensureStatutoryCalendar(em: EntityManager, year: number): Promise<void> {
  const days = [year - 3, year - 2, year - 1, year, year + 1].flatMap((y) => statutoryCalendar(y));
  await em.execute(
    `insert into production_calendar_day (id, date, kind, note)
     select (d->>'id')::uuid, (d->>'date')::date, d->>'kind', d->>'note'
       from json_array_elements(?::json) as d
     on conflict (date) do nothing`,
    [JSON.stringify(days.map((day) => ({ id: newId(), ...day })))],
  );
}

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
