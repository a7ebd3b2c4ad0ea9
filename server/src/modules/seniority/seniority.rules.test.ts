import { describe, expect, it } from 'vitest';
import {
  checkPeriod,
  dateReaching,
  seniorityOn,
  mergePeriods,
  seniorityAsOf,
  sickPayPercent,
  type SeniorityPeriod,
} from './seniority.rules.js';

/** Shorthand for a period; `end` null means ongoing. */
const p = (start: string, end: string | null, extra: Partial<SeniorityPeriod> = {}) => ({
  start,
  end,
  ...extra,
});

const farAsOf = '2030-12-31';

describe('seniorityAsOf', () => {
  // Every answer: totalDays by counting calendar days; [y, m, d] by whole months from the first
  // day to the day after the last, then days; the parts summed and carried at 30 d and 12 m.
  it.each([
    {
      name: 'a period within one month',
      // 10..25 March: 25 − 10 + 1 = 16 days; end + 1 = 26 March, no whole month → 0 y 0 m 16 d.
      periods: [p('2023-03-10', '2023-03-25')],
      asOf: farAsOf,
      totalDays: 16,
      duration: [0, 0, 16],
    },
    {
      name: 'a full non-leap year',
      // 365 days; end + 1 = 2022-01-01 = start + 12 months → 1 y 0 m 0 d.
      periods: [p('2021-01-01', '2021-12-31')],
      asOf: farAsOf,
      totalDays: 365,
      duration: [1, 0, 0],
    },
    {
      name: 'a full leap year',
      // 366 days (29 Feb 2024 included); end + 1 = 2025-01-01 = start + 12 months → 1 y.
      periods: [p('2024-01-01', '2024-12-31')],
      asOf: farAsOf,
      totalDays: 366,
      duration: [1, 0, 0],
    },
    {
      name: 'the example: 15 Jan 2020 to 14 Mar 2021',
      // end + 1 = 2021-03-15 = start + 14 months → 1 y 2 m 0 d;
      // days: 2020-01-15..2021-01-14 = 366 (leap Feb), + 31 (to 14 Feb) + 28 (to 14 Mar) = 425.
      periods: [p('2020-01-15', '2021-03-14')],
      asOf: farAsOf,
      totalDays: 425,
      duration: [1, 2, 0],
    },
    {
      name: 'overlapping periods merge',
      // Union 2020-01-01..2020-09-30: end + 1 = 1 Oct = start + 9 months → 0 y 9 m 0 d;
      // days 31+29+31+30+31+30+31+31+30 = 274 (the overlap Apr–Jun counted once).
      periods: [p('2020-01-01', '2020-06-30'), p('2020-04-01', '2020-09-30')],
      asOf: farAsOf,
      totalDays: 274,
      duration: [0, 9, 0],
    },
    {
      name: 'touching periods (a transfer) join into one',
      // 2022-01-15..2022-07-14 as one run: end + 1 = 15 Jul = start + 6 months → 6 m 0 d;
      // days 17+28+31+30+31+30+14 = 181. (Counted apart: 2 m 17 d + 3 m 14 d = 6 m 1 d.)
      periods: [p('2022-04-01', '2022-07-14'), p('2022-01-15', '2022-03-31')],
      asOf: farAsOf,
      totalDays: 181,
      duration: [0, 6, 0],
    },
    {
      name: 'a gap between periods',
      // 1 Jan..31 Mar 2019: 3 m 0 d, 31+28+31 = 90 days; 1..20 Jun 2019: 0 m 20 d, 20 days;
      // sum 3 m 20 d, 110 days.
      periods: [p('2019-01-01', '2019-03-31'), p('2019-06-01', '2019-06-20')],
      asOf: farAsOf,
      totalDays: 110,
      duration: [0, 3, 20],
    },
    {
      name: 'days of separate periods carry into a month at 30',
      // 10..29 Jan: 20 d; 5..19 Mar: 15 d; 20 + 15 = 35 d = 1 m 5 d; 35 days.
      periods: [p('2019-01-10', '2019-01-29'), p('2019-03-05', '2019-03-19')],
      asOf: farAsOf,
      totalDays: 35,
      duration: [0, 1, 5],
    },
    {
      name: 'months of separate periods carry into a year at 12',
      // Jan–Jul 2015: 7 m, 212 days; Jan–Jun 2016: 6 m, 31+29+31+30+31+30 = 182 days;
      // 13 m = 1 y 1 m; 212 + 182 = 394 days.
      periods: [p('2015-01-01', '2015-07-31'), p('2016-01-01', '2016-06-30')],
      asOf: farAsOf,
      totalDays: 394,
      duration: [1, 1, 0],
    },
    {
      name: 'February of a leap year is one month',
      // 1..29 Feb 2024: end + 1 = 1 Mar = start + 1 month → 1 m 0 d; 29 days.
      periods: [p('2024-02-01', '2024-02-29')],
      asOf: farAsOf,
      totalDays: 29,
      duration: [0, 1, 0],
    },
    {
      name: 'February of a non-leap year is one month',
      // 1..28 Feb 2023: end + 1 = 1 Mar = start + 1 month → 1 m 0 d; 28 days.
      periods: [p('2023-02-01', '2023-02-28')],
      asOf: farAsOf,
      totalDays: 28,
      duration: [0, 1, 0],
    },
    {
      name: 'a 30-day month is one month',
      // 1..30 Apr 2023: end + 1 = 1 May = start + 1 month → 1 m 0 d; 30 days.
      periods: [p('2023-04-01', '2023-04-30')],
      asOf: farAsOf,
      totalDays: 30,
      duration: [0, 1, 0],
    },
    {
      name: 'a 31-day month is one month',
      // 1..31 Mar 2023: end + 1 = 1 Apr = start + 1 month → 1 m 0 d; 31 days.
      periods: [p('2023-03-01', '2023-03-31')],
      asOf: farAsOf,
      totalDays: 31,
      duration: [0, 1, 0],
    },
    {
      name: 'a month from mid-month ends the day before the same date',
      // 15 Jan..14 Feb 2023: end + 1 = 15 Feb = start + 1 month → 1 m 0 d; 17 + 14 = 31 days.
      periods: [p('2023-01-15', '2023-02-14')],
      asOf: farAsOf,
      totalDays: 31,
      duration: [0, 1, 0],
    },
    {
      name: 'from 31 Jan to the end of a leap February',
      // 31 Jan + 1 month: no 31 Feb → 1 Mar 2020 = end + 1 → 1 m 0 d; 1 + 29 = 30 days.
      periods: [p('2020-01-31', '2020-02-29')],
      asOf: farAsOf,
      totalDays: 30,
      duration: [0, 1, 0],
    },
    {
      name: 'from 31 Jan to the end of a non-leap February',
      // 31 Jan + 1 month: no 31 Feb → 1 Mar 2023 = end + 1 → 1 m 0 d; 1 + 28 = 29 days.
      periods: [p('2023-01-31', '2023-02-28')],
      asOf: farAsOf,
      totalDays: 29,
      duration: [0, 1, 0],
    },
    {
      name: 'from 31 Jan to 27 Feb is days only',
      // 31 Jan + 1 month = 1 Mar 2023 > end + 1 = 28 Feb → 0 m; 31 Jan → 28 Feb = 28 d; 28 days.
      periods: [p('2023-01-31', '2023-02-27')],
      asOf: farAsOf,
      totalDays: 28,
      duration: [0, 0, 28],
    },
    {
      name: 'from 31 Mar to 29 Apr: 30 days carry into a month',
      // 31 Mar + 1 month: no 31 Apr → 1 May > end + 1 = 30 Apr → 0 m 30 d → 1 m 0 d; 30 days.
      periods: [p('2023-03-31', '2023-04-29')],
      asOf: farAsOf,
      totalDays: 30,
      duration: [0, 1, 0],
    },
    {
      name: 'from 31 Mar to 30 Apr',
      // 31 Mar + 1 month = 1 May = end + 1 → 1 m 0 d; 1 + 30 = 31 days.
      periods: [p('2023-03-31', '2023-04-30')],
      asOf: farAsOf,
      totalDays: 31,
      duration: [0, 1, 0],
    },
    {
      name: 'a year from 29 Feb of a leap year',
      // 29 Feb 2024 + 12 months: no 29 Feb 2025 → 1 Mar 2025 = end + 1 → 1 y 0 m 0 d;
      // days: 29 Feb 2024 + (1 Mar 2024..28 Feb 2025 = 365) = 366.
      periods: [p('2024-02-29', '2025-02-28')],
      asOf: farAsOf,
      totalDays: 366,
      duration: [1, 0, 0],
    },
    {
      name: 'an ongoing period is cut at the as-of date',
      // 1 Sep 2022..15 Mar 2023: + 6 months = 1 Mar ≤ end + 1 = 16 Mar, + 7 = 1 Apr is past
      // → 6 m, 1 Mar → 16 Mar = 15 d; days 30+31+30+31+31+28 + 15 = 196.
      periods: [p('2022-09-01', null)],
      asOf: '2023-03-15',
      totalDays: 196,
      duration: [0, 6, 15],
    },
    {
      name: 'a closed period longer than the as-of date is cut too',
      // 2022-01-01..2022-12-31 after the cut: 1 y 0 m 0 d, 365 days.
      periods: [p('2022-01-01', '2025-12-31')],
      asOf: '2022-12-31',
      totalDays: 365,
      duration: [1, 0, 0],
    },
    {
      name: 'periods after the as-of date are ignored',
      // Only 1 Jan..31 Mar 2020 counts: 3 m 0 d, 31+29+31 = 91 days; the 2023 one starts later.
      periods: [p('2020-01-01', '2020-03-31'), p('2023-01-01', null)],
      asOf: '2022-12-31',
      totalDays: 91,
      duration: [0, 3, 0],
    },
    {
      name: 'a period starting on the as-of date counts one day',
      // 31 Dec 2022 alone: 1 day, 0 y 0 m 1 d.
      periods: [p('2022-12-31', null)],
      asOf: '2022-12-31',
      totalDays: 1,
      duration: [0, 0, 1],
    },
    {
      name: 'an excluded month in the middle',
      // 2021 minus June: 1 Jan..31 May = 5 m (151 days) + 1 Jul..31 Dec = 6 m (184 days)
      // → 11 m 0 d, 335 days.
      periods: [p('2021-01-01', '2021-12-31'), p('2021-06-01', '2021-06-30', { excluded: true })],
      asOf: farAsOf,
      totalDays: 335,
      duration: [0, 11, 0],
    },
    {
      name: 'an excluded stretch splitting months',
      // 2021 minus 15 Mar..14 Apr (17 + 14 = 31 days):
      // 1 Jan..14 Mar: 2 m, 1 Mar → 15 Mar = 14 d → 2 m 14 d (31+28+14 = 73 days);
      // 15 Apr..31 Dec: + 8 months = 15 Dec, → 1 Jan 2022 = 17 d → 8 m 17 d (261 days);
      // 10 m 31 d = 11 m 1 d; 73 + 261 = 334 days.
      periods: [p('2021-01-01', '2021-12-31'), p('2021-03-15', '2021-04-14', { excluded: true })],
      asOf: farAsOf,
      totalDays: 334,
      duration: [0, 11, 1],
    },
    {
      name: 'an ongoing excluded period (childcare leave) stops the count',
      // Counted 2020-01-01..2021-12-31: 2 y 0 m 0 d, 366 + 365 = 731 days.
      periods: [p('2020-01-01', null), p('2022-01-01', null, { excluded: true })],
      asOf: '2023-06-30',
      totalDays: 731,
      duration: [2, 0, 0],
    },
    {
      name: 'factor 1.5 counts days at one and a half, 30/360',
      // 2021: 365 days × 1.5 = 547.5 → 547 = 360 + 6 × 30 + 7 → 1 y 6 m 7 d; totalDays stays 365.
      periods: [p('2021-01-01', '2021-12-31', { factor: 1.5 })],
      asOf: farAsOf,
      totalDays: 365,
      duration: [1, 6, 7],
    },
    {
      name: 'overlapping factors: the higher one counts',
      // 1 Jan..31 Mar at 1: 3 m 0 d (90 days); 1 Apr..31 Dec at 1.5: 275 days × 1.5 = 412.5
      // → 412 = 360 + 30 + 22 → 1 y 1 m 22 d; sum 1 y 4 m 22 d; 90 + 275 = 365 days.
      periods: [p('2021-01-01', '2021-06-30'), p('2021-04-01', '2021-12-31', { factor: 1.5 })],
      asOf: farAsOf,
      totalDays: 365,
      duration: [1, 4, 22],
    },
    {
      name: 'part-time work counts in full',
      // Half-time post: for общий and страховой стаж part-time work counts fully, so factor 1.
      // 1 Jan..30 Jun 2022: 6 m 0 d, 31+28+31+30+31+30 = 181 days.
      periods: [p('2022-01-01', '2022-06-30', { factor: 1 })],
      asOf: farAsOf,
      totalDays: 181,
      duration: [0, 6, 0],
    },
    {
      name: 'no periods',
      periods: [],
      asOf: farAsOf,
      totalDays: 0,
      duration: [0, 0, 0],
    },
  ])('$name', ({ periods, asOf, totalDays, duration: [years, months, days] }) => {
    expect(seniorityAsOf(periods, asOf)).toEqual({ totalDays, duration: { years, months, days } });
  });

  it('refuses invalid periods and dates', () => {
    expect(() => seniorityAsOf([p('2020-02-30', null)], farAsOf)).toThrow(RangeError);
    expect(() => seniorityAsOf([p('2020-01-01', null)], '2020-1-1')).toThrow(RangeError);
  });
});

describe('mergePeriods', () => {
  it.each([
    {
      name: 'sorts, merges overlaps and touching periods',
      periods: [
        p('2021-03-01', '2021-12-31'),
        p('2020-01-01', '2020-06-30'),
        p('2020-05-01', null),
      ],
      asOf: '2021-06-30',
      // 2020-05-01..asOf swallows the 2021 period and touches the first one.
      merged: [['2020-01-01', '2021-06-30']],
    },
    {
      name: 'cuts holes for excluded periods and drops what is excluded entirely',
      periods: [
        p('2020-01-01', '2020-12-31'),
        p('2020-03-01', '2020-03-10', { excluded: true }),
        p('2022-01-01', '2022-01-31'),
        p('2021-12-01', '2022-02-28', { excluded: true }),
      ],
      asOf: farAsOf,
      merged: [
        ['2020-01-01', '2020-02-29'],
        ['2020-03-11', '2020-12-31'],
      ],
    },
    {
      name: 'joins runs of different factors',
      periods: [p('2020-01-01', '2020-01-31'), p('2020-02-01', '2020-02-29', { factor: 1.5 })],
      asOf: farAsOf,
      merged: [['2020-01-01', '2020-02-29']],
    },
  ])('$name', ({ periods, asOf, merged }) => {
    expect(mergePeriods(periods, asOf)).toEqual(merged.map(([start, end]) => ({ start, end })));
  });
});

describe('dateReaching', () => {
  it.each([
    {
      name: 'hired 2020-03-01 reaches 5 years on 2025-03-01',
      // As of 2025-02-28: end + 1 = 2025-03-01 = start + 60 months → 5 y; as of 2025-02-27 it is
      // 4 y 11 m 27 d. So 5 years are complete at the end of 28 Feb, and apply from 1 Mar.
      periods: [p('2020-03-01', null)],
      years: 5,
      from: '2024-01-01',
      expected: '2025-03-01',
    },
    {
      name: 'a planned 10-day unpaid leave in 2024 shifts it by 10 days',
      // 2020-03-01..2024-06-30: + 52 months = 2024-07-01 → 4 y 4 m 0 d. From 2024-07-11, 8 more
      // months are complete at end + 1 = 2025-03-11, i.e. as of 2025-03-10 → 5 y. As of 2025-03-09:
      // 7 m (to 11 Feb) + 27 d → 4 y 11 m 27 d. So from 2025-03-11.
      periods: [p('2020-03-01', null), p('2024-07-01', '2024-07-10', { excluded: true })],
      years: 5,
      from: '2024-01-01',
      expected: '2025-03-11',
    },
    {
      name: 'days of an earlier period bring it forward',
      // 1..20 Jan 2015: 20 d. From 2016-03-01: + 11 months = 2017-02-01, then 10 d more make
      // 20 + 10 = 30 d = 1 m: as of 2017-02-10 → 11 m + 30 d = 1 y; as of 02-09: 11 m 29 d.
      periods: [p('2015-01-01', '2015-01-20'), p('2016-03-01', null)],
      years: 1,
      from: '2016-03-01',
      expected: '2017-02-11',
    },
    {
      name: 'an ongoing period at factor 1.5',
      // 3 y = 1080 days = 720 × 1.5. 720 days from 2020-01-01 end on 2021-12-20 (366 + 354);
      // 719 × 1.5 = 1078.5 → 1078 falls short. So from 2021-12-21.
      periods: [p('2020-01-01', null, { factor: 1.5 })],
      years: 3,
      from: '2020-01-01',
      expected: '2021-12-21',
    },
    {
      name: 'a planned fixed-term contract; 30 December days already carry into a month',
      // As of 2024-12-30: + 59 months = 2024-12-01, → end + 1 = 12-31 is 30 d → 4 y 11 m 30 d
      // = 5 y 0 m 0 d (before the anniversary, as 30 d = 1 m). As of 12-29: 4 y 11 m 29 d.
      periods: [p('2020-01-01', '2026-12-31')],
      years: 5,
      from: '2024-01-01',
      expected: '2024-12-31',
    },
    {
      name: 'already reached on `from`',
      // 2010..2024 is 14 years, well past 5.
      periods: [p('2010-01-01', null)],
      years: 5,
      from: '2024-01-01',
      expected: '2024-01-01',
    },
    {
      name: 'closed periods that fall short',
      // 2020..2022 is 3 y and nothing goes on.
      periods: [p('2020-01-01', '2022-12-31')],
      years: 5,
      from: '2023-01-01',
      expected: null,
    },
    {
      name: 'an ongoing excluded period stops it',
      // Counted 2022-01-01..2022-12-31 = 1 y, then childcare leave with no end.
      periods: [p('2022-01-01', null), p('2023-01-01', null, { excluded: true })],
      years: 5,
      from: '2023-06-01',
      expected: null,
    },
  ])('$name', ({ periods, years, from, expected }) => {
    expect(dateReaching(periods, years, from)).toBe(expected);
  });

  it('agrees with seniorityAsOf the day before and two days before', () => {
    const periods = [
      p('2001-05-31', '2003-01-30'),
      p('2002-11-15', '2004-02-29', { factor: 1.5 }),
      p('2006-01-31', null),
      p('2010-02-01', '2011-08-15', { excluded: true }),
    ];
    const dayBefore = (date: string, days: number) =>
      new Date(Date.parse(date) - days * 86_400_000).toISOString().slice(0, 10);
    for (const years of [3, 8, 15, 25]) {
      const date = dateReaching(periods, years, '2001-01-01')!;
      expect(seniorityAsOf(periods, dayBefore(date, 1)).duration.years).toBeGreaterThanOrEqual(
        years,
      );
      expect(seniorityAsOf(periods, dayBefore(date, 2)).duration.years).toBeLessThan(years);
    }
  });

  it('names the date on which seniorityOn first shows the years, for every milestone', () => {
    // Hired 2020-03-01: on 2025-03-01 the certificate says 5 y 0 m 0 d (the days before it), and on
    // 2025-02-28 4 y 11 m 27 d (28 Feb and 1 Mar are the two sides of the anniversary).
    const hired = [p('2020-03-01', null)];
    expect(dateReaching(hired, 5, '2024-01-01')).toBe('2025-03-01');
    expect(seniorityOn(hired, '2025-03-01').duration).toEqual({ years: 5, months: 0, days: 0 });
    expect(seniorityOn(hired, '2025-02-28').duration).toEqual({ years: 4, months: 11, days: 27 });
    // A day of hire is not yet a day worked.
    expect(seniorityOn(hired, '2020-03-01').totalDays).toBe(0);
    const periods = [p('2001-05-31', '2003-01-30'), p('2006-01-31', null)];
    for (const years of [1, 3, 5, 8, 15]) {
      const date = dateReaching(periods, years, '2001-01-01')!;
      expect(seniorityOn(periods, date).duration.years).toBeGreaterThanOrEqual(years);
      const before = new Date(Date.parse(date) - 86_400_000).toISOString().slice(0, 10);
      expect(seniorityOn(periods, before).duration.years).toBeLessThan(years);
    }
  });

  it('refuses a years value that is not a whole number', () => {
    expect(() => dateReaching([p('2020-01-01', null)], 2.5, '2020-01-01')).toThrow(RangeError);
  });
});

describe('sickPayPercent', () => {
  it.each([
    [0, 0, 0, 60],
    [4, 11, 29, 60], // 4 y 11 m 29 d is still under 5 years
    [5, 0, 0, 80], // exactly 5 years
    [7, 11, 29, 80], // still under 8
    [8, 0, 0, 100], // exactly 8 years
    [4, 12, 0, 80], // not normalised: 4 y 12 m = 5 y
  ])('%i y %i m %i d → %i', (years, months, days, percent) => {
    expect(sickPayPercent({ years, months, days })).toBe(percent);
  });

  it('follows the seniority on the day 5 years are complete', () => {
    // Hired 2018-03-01: as of 2023-02-28 → 5 y 0 m 0 d; as of 2023-02-27 → 4 y 11 m 27 d.
    const periods = [p('2018-03-01', null)];
    expect(sickPayPercent(seniorityAsOf(periods, '2023-02-27').duration)).toBe(60);
    expect(sickPayPercent(seniorityAsOf(periods, '2023-02-28').duration)).toBe(80);
  });
});

describe('checkPeriod', () => {
  it.each([
    [p('2020-01-01', '2020-12-31'), null],
    [p('2020-01-01', null), null], // ongoing
    [p('2020-01-01', '2020-01-01'), null], // one day
    [p('2024-02-29', null), null], // leap day
    [p('2020-12-31', '2020-01-01'), 'end 2020-01-01 is before start 2020-12-31'],
    [p('2023-02-29', null), 'start "2023-02-29" is not a calendar date YYYY-MM-DD'],
    [p('2023-01-01', '2023-13-01'), 'end "2023-13-01" is not a calendar date YYYY-MM-DD'],
    [p('2023-1-5', null), 'start "2023-1-5" is not a calendar date YYYY-MM-DD'],
    [p('2023-01-01', null, { factor: 0 }), 'factor 0 is not a positive number'],
    [p('2023-01-01', null, { factor: Number.NaN }), 'factor NaN is not a positive number'],
  ])('%o → %s', (period, message) => {
    expect(checkPeriod(period)).toBe(message);
  });
});
