import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  isWorkingDay,
  statutoryCalendar,
  workingDaysIn,
  type CalendarDays,
} from './calendar.rules.js';
import { calendarOf } from './calendar.data.js';

const statuteOf = (year: number): CalendarDays =>
  new Map(statutoryCalendar(year).map((day) => [day.date, day.kind]));

describe('statutoryCalendar', () => {
  it.each([
    // 2023-11-04 was a Saturday: the day off moves to Monday 2023-11-06 (so did that year's decree).
    [2023, '2023-11-06'],
    // 2021-05-09 was a Sunday: Monday 2021-05-10 (as the 2021 decree).
    [2021, '2021-05-10'],
    // 2025-02-23 was a Sunday: Monday 2025-02-24 by ст. 112 alone (ПП № 1335 moved it to 8 May).
    [2025, '2025-02-24'],
  ])('moves a weekend holiday of %i to the next working day, %s', (year, moved) => {
    expect(statuteOf(year).get(moved)).toBe('DAY_OFF');
  });

  it('does not move the January holidays (the decree does) and lists 14 holidays a year', () => {
    const days = statutoryCalendar(2022);
    expect(days.filter((day) => day.kind === 'HOLIDAY')).toHaveLength(14);
    // 2022-01-01 and 01-02 were Saturday and Sunday; no automatic day off follows them.
    expect(days.filter((day) => day.kind === 'DAY_OFF' && day.date.startsWith('2022-01'))).toEqual(
      [],
    );
  });
});

describe('working days', () => {
  it.each([
    // Request on Friday 2025-02-21: Sat, Sun (holiday); Mon 24 is worked (ПП № 1335 moved the day
    // off to 8 May), Tue 25, Wed 26.
    ['2025-02-21', 3, '2025-02-26'],
    // Request on Monday 2025-03-03: Tue 4, Wed 5, Thu 6.
    ['2025-03-03', 3, '2025-03-06'],
    // Request on Saturday 2024-12-28 (worked under ПП № 1314): 30 and 31 December are days off,
    // then the holidays to the 8th: Thu 9, Fri 10, Mon 13 January.
    ['2024-12-28', 3, '2025-01-13'],
  ])('a request on %s, within %i working days, is due on %s', (from, count, deadline) => {
    const days = new Map([...calendarOf(2024), ...calendarOf(2025)]);
    expect(addWorkingDays(from, count, days)).toBe(deadline);
  });

  it('counts the working days of a month and honours a weekend made working', () => {
    // May 2025 has 22 weekdays; the statutory holidays on weekdays are the 1st (Thu) and 9th (Fri).
    expect(workingDaysIn(2025, 5, statuteOf(2025))).toBe(20);
    const withWorkingSaturday = new Map(statuteOf(2025));
    withWorkingSaturday.set('2025-11-01', 'WORKING');
    expect(isWorkingDay('2025-11-01', withWorkingSaturday)).toBe(true);
    expect(workingDaysIn(2025, 11, withWorkingSaturday)).toBe(
      workingDaysIn(2025, 11, statuteOf(2025)) + 1,
    );
  });
});
