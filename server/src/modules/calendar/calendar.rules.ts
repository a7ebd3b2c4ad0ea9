/**
 * The production calendar (производственный календарь): which days are worked. Weekdays are,
 * weekends are not, and the calendar's own days override both: public holidays (ст. 112 ТК), days
 * off moved by the government's decree, weekends made working, and shortened pre-holiday days.
 */
import {
  DAY_MS as DAY,
  formatLocalDate as iso,
  parseLocalDate as parse,
} from '../../core/local-date.js';

export const CalendarDayKinds = ['HOLIDAY', 'DAY_OFF', 'WORKING', 'SHORT'] as const;
export type CalendarDayKind = (typeof CalendarDayKinds)[number];
export type CalendarDays = ReadonlyMap<string, CalendarDayKind>;

const weekend = (ms: number) => [0, 6].includes(new Date(ms).getUTCDay());

/** Non-working public holidays of ст. 112 ТК РФ, by month and day. */
const statutory: readonly [month: number, day: number, name: string][] = [
  [1, 1, 'Новогодние каникулы'],
  [1, 2, 'Новогодние каникулы'],
  [1, 3, 'Новогодние каникулы'],
  [1, 4, 'Новогодние каникулы'],
  [1, 5, 'Новогодние каникулы'],
  [1, 6, 'Новогодние каникулы'],
  [1, 7, 'Рождество Христово'],
  [1, 8, 'Новогодние каникулы'],
  [2, 23, 'День защитника Отечества'],
  [3, 8, 'Международный женский день'],
  [5, 1, 'Праздник Весны и Труда'],
  [5, 9, 'День Победы'],
  [6, 12, 'День России'],
  [11, 4, 'День народного единства'],
];

/** Whether `date` is worked under the calendar `days`. */
export function isWorkingDay(date: string, days: CalendarDays): boolean {
  const kind = days.get(date);
  if (kind === 'HOLIDAY' || kind === 'DAY_OFF') return false;
  if (kind === 'WORKING' || kind === 'SHORT') return true;
  return !weekend(parse(date));
}

/** The n-th working day after `from` (a deadline "within n working days" of a request made on `from`). */
export function addWorkingDays(from: string, count: number, days: CalendarDays): string {
  let day = parse(from);
  for (let left = count; left > 0;) {
    day += DAY;
    if (isWorkingDay(iso(day), days)) left -= 1;
  }
  return iso(day);
}

/** Working days in a month. */
export function workingDaysIn(year: number, month: number, days: CalendarDays): number {
  let count = 0;
  for (
    let day = Date.UTC(year, month - 1, 1);
    new Date(day).getUTCMonth() === month - 1;
    day += DAY
  ) {
    if (isWorkingDay(iso(day), days)) count += 1;
  }
  return count;
}

/** Hours of a working week the norms are published for (ст. 91, 92, 333 ТК). */
export const WeekHours = [40, 36, 24] as const;
export type WeekHours = (typeof WeekHours)[number];

/**
 * The norm of working time of a month, in tenths of an hour: the week's hours over five days for
 * each working day, less an hour for each shortened pre-holiday day (Порядок исчисления нормы
 * рабочего времени, приказ Минздравсоцразвития России от 13.08.2009 № 588н). 36 hours a week in
 * May 2025: 7.2 × 18 − 0 = 129.6 hours, 1296 tenths.
 */
export function workingTenthsIn(
  year: number,
  month: number,
  weekHours: WeekHours,
  days: CalendarDays,
): number {
  let short = 0;
  for (const [date, kind] of days) {
    if (kind === 'SHORT' && date.startsWith(`${year}-${String(month).padStart(2, '0')}-`)) short++;
  }
  return weekHours * 2 * workingDaysIn(year, month, days) - 10 * short;
}

/**
 * A year's calendar as the law sets it before any decree: the ст. 112 holidays, and a day off on the
 * next working day for each of those (but the January ones) that falls on a weekend. The yearly
 * decree may move days differently (it moves the January ones); HR enters what it decides.
 */
export function statutoryCalendar(
  year: number,
): { date: string; kind: CalendarDayKind; note: string }[] {
  const holidays = statutory.map(([month, day, note]) => ({
    date: iso(Date.UTC(year, month - 1, day)),
    kind: 'HOLIDAY' as const,
    note,
  }));
  const taken = new Set(holidays.map((holiday) => holiday.date));
  const moved: { date: string; kind: CalendarDayKind; note: string }[] = [];
  for (const holiday of holidays) {
    if (holiday.date.slice(5, 7) === '01' || !weekend(parse(holiday.date))) continue;
    let day = parse(holiday.date) + DAY;
    while (weekend(day) || taken.has(iso(day))) day += DAY;
    taken.add(iso(day));
    moved.push({ date: iso(day), kind: 'DAY_OFF', note: `Перенос выходного: ${holiday.note}` });
  }
  return [...holidays, ...moved].sort((a, b) => (a.date < b.date ? -1 : 1));
}
