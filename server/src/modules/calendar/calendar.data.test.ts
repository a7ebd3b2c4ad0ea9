import { describe, expect, it } from 'vitest';
import { calendarEntries, calendarOf, calendarSource, shippedYears } from './calendar.data.js';
import {
  addWorkingDays,
  workingDaysIn,
  workingTenthsIn,
  type WeekHours,
} from './calendar.rules.js';

const months = Array.from({ length: 12 }, (_, index) => index + 1);
const daysByMonth = (year: number) =>
  months.map((month) => workingDaysIn(year, month, calendarOf(year)));
const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
/** The year's norm in hours for a week of `weekHours`, as the decree's tables print it. */
const yearHours = (year: number, weekHours: WeekHours) =>
  sum(months.map((month) => workingTenthsIn(year, month, weekHours, calendarOf(year)))) / 10;

describe('the shipped production calendar agrees with each year’s decree', () => {
  // Working days per month, January first, and the yearly norms for 40-, 36- and 24-hour weeks as
  // the production calendars published with each decree give them (КонсультантПлюс, Гарант).
  it.each([
    // ПП № 1163: 5, 6 Jan and 23 Feb (Sat) moved to 2, 3 and 10 May; six shortened days.
    [
      2019,
      'от 01.10.2018 № 1163',
      [17, 20, 20, 22, 18, 19, 23, 22, 21, 23, 20, 22],
      1970,
      1772.4,
      1179.6,
    ],
    // ПП № 875: 4, 5 Jan to 4, 5 May; 23 Feb, 8 Mar and 9 May (weekends) to the next Monday.
    [
      2020,
      'от 10.07.2019 № 875',
      [17, 19, 21, 22, 17, 21, 23, 21, 22, 22, 20, 23],
      1979,
      1780.6,
      1185.4,
    ],
    // ПП № 1648: Saturday 20 Feb worked (and shortened); 2, 3 Jan to 5 Nov and 31 Dec.
    [
      2021,
      'от 10.10.2020 № 1648',
      [15, 19, 22, 22, 19, 21, 22, 22, 22, 21, 20, 22],
      1972,
      1774.4,
      1181.6,
    ],
    // ПП № 1564: Saturday 5 Mar worked for Monday 7 Mar; 1, 2 Jan to 3 and 10 May.
    [
      2022,
      'от 16.09.2021 № 1564',
      [16, 19, 22, 21, 18, 21, 21, 23, 22, 21, 21, 22],
      1973,
      1775.4,
      1182.6,
    ],
    // ПП № 1505: 1 Jan to 24 Feb, 8 Jan to 8 May; 4 Nov (Sat) to 6 Nov.
    [
      2023,
      'от 29.08.2022 № 1505',
      [17, 18, 22, 20, 20, 21, 21, 23, 21, 22, 21, 21],
      1973,
      1775.4,
      1182.6,
    ],
    // ПП № 1314: Saturdays 27 Apr, 2 Nov, 28 Dec worked; 6, 7 Jan to 10 May and 31 Dec.
    [
      2024,
      'от 10.08.2023 № 1314',
      [17, 20, 20, 21, 20, 19, 23, 22, 21, 23, 21, 21],
      1979,
      1780.6,
      1185.4,
    ],
    // ПП № 1335: 4, 5 Jan to 2 May and 31 Dec; 23 Feb to 8 May; 8 Mar to 13 Jun; 1 Nov to 3 Nov.
    [
      2025,
      'от 04.10.2024 № 1335',
      [17, 20, 21, 22, 18, 19, 23, 21, 22, 23, 19, 22],
      1972,
      1774.4,
      1181.6,
    ],
    // ПП № 1466: 3, 4 Jan to 9 Jan and 31 Dec; 8 Mar and 9 May (weekends) to the next Monday.
    [
      2026,
      'от 24.09.2025 № 1466',
      [15, 19, 21, 22, 19, 21, 23, 21, 22, 22, 20, 22],
      1972,
      1774.4,
      1181.6,
    ],
  ] as const)('%i (%s)', (year, decree, monthly, hours40, hours36, hours24) => {
    expect(calendarSource(year)).toContain(decree);
    expect(daysByMonth(year)).toEqual(monthly);
    expect(sum(daysByMonth(year))).toBe(sum([...monthly]));
    expect(yearHours(year, 40)).toBe(hours40);
    expect(yearHours(year, 36)).toBe(hours36);
    expect(yearHours(year, 24)).toBe(hours24);
    expect(calendarEntries(year).filter((day) => day.kind === 'HOLIDAY')).toHaveLength(14);
  });

  it('ships every year from 2019 to 2026 with its decree', () => {
    expect(shippedYears).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]);
  });

  it.each([
    // 2025: 136, 160, 167 (7 Mar shortened), 175 (30 Apr), 144, 151 (11 Jun), 184, 168, 176, 184,
    // 151 (1 Nov, a Saturday worked and shortened), 176 hours at 40 a week.
    [2025, [136, 160, 167, 175, 144, 151, 184, 168, 176, 184, 151, 176]],
    // 2024: February, March, May, June and November each lose the hour of a shortened day.
    [2024, [136, 159, 159, 168, 159, 151, 184, 176, 168, 184, 167, 168]],
  ])('%i: the 40-hour norm of each month', (year, hours) => {
    expect(months.map((month) => workingTenthsIn(year, month, 40, calendarOf(year)) / 10)).toEqual(
      hours,
    );
  });

  it('counts a 36-hour week as 7.2 hours a day less an hour for a shortened day', () => {
    // March 2025: 21 working days, 7 March shortened: 7.2 × 21 − 1 = 150.2 hours.
    expect(workingTenthsIn(2025, 3, 36, calendarOf(2025))).toBe(1502);
    // March 2025 at 24 hours: 4.8 × 21 − 1 = 99.8 hours.
    expect(workingTenthsIn(2025, 3, 24, calendarOf(2025))).toBe(998);
  });

  it('makes 9 January and 31 December 2026 days off, as ПП № 1466 moved 3 and 4 January there', () => {
    const days = calendarOf(2026);
    expect(days.get('2026-01-09')).toBe('DAY_OFF');
    expect(days.get('2026-12-31')).toBe('DAY_OFF');
    // A certificate asked for on Thursday 2026-01-08 (a holiday) within 3 working days: 12, 13, 14.
    expect(addWorkingDays('2026-01-08', 3, days)).toBe('2026-01-14');
  });
});

describe('a year without a shipped decree', () => {
  it('is the Labour Code alone: weekend holidays (not January’s) move to Monday, and the working day before a holiday is shortened', () => {
    // 2027 law only: 1 May (Sat) → 3 May, 9 May (Sun) → 10 May, 12 Jun (Sat) → 14 Jun; 2 and 3
    // January stay on the weekend until the decree moves them. Shortened: 22 Feb, 30 Apr, 11 Jun,
    // 3 Nov and 31 Dec (before 1 January 2028).
    expect(calendarSource(2027)).toContain('ст. 112 ТК РФ');
    expect(daysByMonth(2027)).toEqual([15, 19, 22, 22, 19, 21, 22, 22, 22, 21, 21, 23]);
    expect(
      calendarEntries(2027)
        .filter((day) => day.kind === 'SHORT')
        .map((day) => day.date),
    ).toEqual(['2027-02-22', '2027-04-30', '2027-06-11', '2027-11-03', '2027-12-31']);
    expect(yearHours(2027, 40)).toBe(249 * 8 - 5);
  });
});
