/**
 * The production calendar as shipped data: for each year, the government's decree on moving days
 * off (ч. 5 ст. 112 ТК РФ) and the days it makes different from the plain rule. A year's calendar is
 * the ст. 112 holidays, plus the days off listed here (moved by the decree, or by ст. 112 itself when
 * a holiday falls on a weekend), plus the weekends made working, plus the shortened pre-holiday days
 * (ст. 95: one hour less; the decree's own tables name them, so they are data, not derived).
 *
 * Every figure was checked against the decree's own totals (working days and the 40-hour norm in
 * `calendar.data.test.ts`). A year not listed falls back to `statutoryCalendar`: the law without a
 * decree, which HR completes with `setCalendarDay` once the decree is out.
 */
import { statutoryCalendar, type CalendarDayKind, type CalendarDays } from './calendar.rules.js';

export interface CalendarEntry {
  date: string;
  kind: CalendarDayKind;
  note: string;
}

interface DecreeYear {
  /** The decree, as it is cited. */
  source: string;
  /** Days off that are not holidays: [date, the day they were moved from]. */
  daysOff: readonly [day: string, from: string][];
  /** Weekends made working days (shortened ones are listed in `shortDays` too). */
  workingWeekends: readonly string[];
  /** Pre-holiday working days an hour shorter (ст. 95 ТК). */
  shortDays: readonly string[];
}

/** Bump when a shipped year changes: start-up rewrites the shipped rows of changed years. */
export const CALENDAR_REVISION = 1;

const decrees: Readonly<Record<number, DecreeYear>> = {
  2019: {
    source: 'Постановление Правительства РФ от 01.10.2018 № 1163',
    daysOff: [
      ['05-02', 'с субботы 5 января'],
      ['05-03', 'с воскресенья 6 января'],
      ['05-10', 'с субботы 23 февраля'],
    ],
    workingWeekends: [],
    shortDays: ['02-22', '03-07', '04-30', '05-08', '06-11', '12-31'],
  },
  2020: {
    source: 'Постановление Правительства РФ от 10.07.2019 № 875',
    daysOff: [
      ['02-24', 'с воскресенья 23 февраля (ст. 112 ТК)'],
      ['03-09', 'с воскресенья 8 марта (ст. 112 ТК)'],
      ['05-04', 'с субботы 4 января'],
      ['05-05', 'с воскресенья 5 января'],
      ['05-11', 'с субботы 9 мая (ст. 112 ТК)'],
    ],
    workingWeekends: [],
    shortDays: ['04-30', '05-08', '06-11', '11-03', '12-31'],
  },
  2021: {
    source: 'Постановление Правительства РФ от 10.10.2020 № 1648',
    daysOff: [
      ['02-22', 'с субботы 20 февраля'],
      ['05-03', 'с субботы 1 мая (ст. 112 ТК)'],
      ['05-10', 'с воскресенья 9 мая (ст. 112 ТК)'],
      ['06-14', 'с субботы 12 июня (ст. 112 ТК)'],
      ['11-05', 'с субботы 2 января'],
      ['12-31', 'с воскресенья 3 января'],
    ],
    workingWeekends: ['02-20'],
    shortDays: ['02-20', '04-30', '06-11', '11-03'],
  },
  2022: {
    source: 'Постановление Правительства РФ от 16.09.2021 № 1564',
    daysOff: [
      ['03-07', 'с субботы 5 марта'],
      ['05-02', 'с воскресенья 1 мая (ст. 112 ТК)'],
      ['05-03', 'с субботы 1 января'],
      ['05-10', 'с воскресенья 2 января'],
      ['06-13', 'с воскресенья 12 июня (ст. 112 ТК)'],
    ],
    workingWeekends: ['03-05'],
    shortDays: ['02-22', '03-05', '11-03'],
  },
  2023: {
    source: 'Постановление Правительства РФ от 29.08.2022 № 1505',
    daysOff: [
      ['02-24', 'с воскресенья 1 января'],
      ['05-08', 'с воскресенья 8 января'],
      ['11-06', 'с субботы 4 ноября (ст. 112 ТК)'],
    ],
    workingWeekends: [],
    shortDays: ['02-22', '03-07', '11-03'],
  },
  2024: {
    source: 'Постановление Правительства РФ от 10.08.2023 № 1314',
    daysOff: [
      ['04-29', 'с субботы 27 апреля'],
      ['04-30', 'с субботы 2 ноября'],
      ['05-10', 'с субботы 6 января'],
      ['12-30', 'с субботы 28 декабря'],
      ['12-31', 'с воскресенья 7 января'],
    ],
    workingWeekends: ['04-27', '11-02', '12-28'],
    shortDays: ['02-22', '03-07', '05-08', '06-11', '11-02'],
  },
  2025: {
    source: 'Постановление Правительства РФ от 04.10.2024 № 1335',
    daysOff: [
      ['05-02', 'с субботы 4 января'],
      ['05-08', 'с воскресенья 23 февраля'],
      ['06-13', 'с субботы 8 марта'],
      ['11-03', 'с субботы 1 ноября'],
      ['12-31', 'с воскресенья 5 января'],
    ],
    workingWeekends: ['11-01'],
    shortDays: ['03-07', '04-30', '06-11', '11-01'],
  },
  2026: {
    source: 'Постановление Правительства РФ от 24.09.2025 № 1466',
    daysOff: [
      ['01-09', 'с субботы 3 января'],
      ['03-09', 'с воскресенья 8 марта (ст. 112 ТК)'],
      ['05-11', 'с субботы 9 мая (ст. 112 ТК)'],
      ['12-31', 'с воскресенья 4 января'],
    ],
    workingWeekends: [],
    shortDays: ['04-30', '05-08', '06-11', '11-03'],
  },
};

/** Where a year's calendar comes from: its decree, or the Labour Code alone. */
export function calendarSource(year: number): string {
  return (
    decrees[year]?.source ??
    'ст. 112 ТК РФ без постановления о переносе выходных: его дни вносит отдел кадров'
  );
}

/** The years whose decree is shipped. */
export const shippedYears: readonly number[] = Object.keys(decrees).map(Number);

const weekend = (date: string) => [0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());

/** The days of `year` that differ from a plain week: decree data, or the statute alone. */
export function calendarEntries(year: number): CalendarEntry[] {
  const decree = decrees[year];
  if (decree === undefined) return withShortDays(statutoryCalendar(year));
  const at = (day: string) => `${year}-${day}`;
  const holidays = statutoryCalendar(year).filter((day) => day.kind === 'HOLIDAY');
  const entries: CalendarEntry[] = [
    ...holidays,
    ...decree.daysOff.map(([day, from]) => ({
      date: at(day),
      kind: 'DAY_OFF' as const,
      note: `Выходной перенесён ${from}`,
    })),
    ...decree.workingWeekends
      .filter((day) => !decree.shortDays.includes(day))
      .map((day) => ({
        date: at(day),
        kind: 'WORKING' as const,
        note: 'Рабочий день по переносу',
      })),
    ...decree.shortDays.map((day) => ({
      date: at(day),
      kind: 'SHORT' as const,
      note: weekend(at(day))
        ? 'Рабочий день по переносу, предпраздничный: на час короче'
        : 'Предпраздничный день: на час короче',
    })),
  ];
  return entries.sort((a, b) => (a.date < b.date ? -1 : 1));
}

/** Without a decree: each working day right before a holiday is an hour shorter (ст. 95 ТК). */
function withShortDays(days: CalendarEntry[]): CalendarEntry[] {
  const map: CalendarDays = new Map(days.map((day) => [day.date, day.kind]));
  const year = days[0]?.date.slice(0, 4) ?? '';
  const newYear = { date: `${Number(year) + 1}-01-01`, kind: 'HOLIDAY' };
  const short: CalendarEntry[] = [];
  for (const day of [...days, newYear]) {
    if (day.kind !== 'HOLIDAY') continue;
    const before = new Date(Date.parse(`${day.date}T00:00:00Z`) - 86_400_000)
      .toISOString()
      .slice(0, 10);
    const kind = map.get(before);
    if (!before.startsWith(year)) continue;
    if (kind === undefined ? !weekend(before) : kind === 'WORKING') {
      short.push({ date: before, kind: 'SHORT', note: 'Предпраздничный день: на час короче' });
    }
  }
  return [...days, ...short].sort((a, b) => (a.date < b.date ? -1 : 1));
}

/** A year's calendar days as a map, for the rules in `calendar.rules.ts`. */
export function calendarOf(year: number): CalendarDays {
  return new Map(calendarEntries(year).map((day) => [day.date, day.kind]));
}
