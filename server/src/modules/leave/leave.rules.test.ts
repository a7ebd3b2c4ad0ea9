import { describe, expect, it } from 'vitest';
import {
  accruedDays,
  annualLeaveEnd,
  checkAnnualRequest,
  checkLeave,
  checkLongPart,
  compensationDays,
  findOverlap,
  leaveBalance,
  leaveDays,
  roundLeaveDays,
  statutoryHolidays,
  workingYears,
  type LeaveKind,
  type LeaveSpan,
  type WorkingYear,
  type YearBalance,
} from './leave.rules.js';

const leave = (kind: LeaveKind, start: string, end: string): LeaveSpan => ({ kind, start, end });
/** A leave with the days HR recorded on it (the order's days). */
const recorded = (kind: LeaveKind, start: string, end: string, days: number) => ({
  kind,
  start,
  end,
  days,
});
const year = (index: number, start: string, end: string): WorkingYear => ({ index, start, end });

/** Нерабочие праздничные дни (ст. 112) from 2024-11-04 to 2025-11-04. */
const holidays: ReadonlySet<string> = new Set([
  '2024-11-04',
  '2025-01-01',
  '2025-01-02',
  '2025-01-03',
  '2025-01-04',
  '2025-01-05',
  '2025-01-06',
  '2025-01-07',
  '2025-01-08',
  '2025-02-23',
  '2025-03-08',
  '2025-05-01',
  '2025-05-09',
  '2025-06-12',
  '2025-11-04',
]);

/** A year's balance from its entitled and used days; remaining is entitled − used. */
const balance = (
  working: WorkingYear,
  entitled: [basic: number, additional: number],
  used: [basic: number, additional: number],
): YearBalance => ({
  year: working,
  entitled: { basic: entitled[0], additional: entitled[1] },
  used: { basic: used[0], additional: used[1] },
  remaining: {
    basic: entitled[0] - used[0],
    additional: entitled[1] - used[1],
    total: entitled[0] - used[0] + entitled[1] - used[1],
  },
});

describe('leaveDays', () => {
  it.each([
    // 2024-12-28..31 = 4 days, 2025-01-01..12 = 12 days: 16; minus the 8 holidays Jan 1–8 = 8
    { record: leave('ANNUAL_BASIC', '2024-12-28', '2025-01-12'), days: 8 },
    // the same leave with no holidays given: 16 calendar days
    { record: leave('ANNUAL_BASIC', '2024-12-28', '2025-01-12'), days: 16, noHolidays: true },
    // unpaid leave counts holidays: 16 calendar days
    { record: leave('UNPAID', '2024-12-28', '2025-01-12'), days: 16 },
    // May 1..14 = 14 days, minus May 1 and May 9 = 12
    { record: leave('ANNUAL_ADDITIONAL', '2025-05-01', '2025-05-14'), days: 12 },
    // Jan 10..31 = 22, Feb 28 → 50, Mar 31 → 81, Apr 30 → 111, May 1..29 → 140; holidays count
    { record: leave('MATERNITY', '2025-01-10', '2025-05-29'), days: 140 },
    // one day, inclusive
    { record: leave('SICK', '2025-03-03', '2025-03-03'), days: 1 },
    // a single holiday as annual leave: 1 − 1 = 0
    { record: leave('ANNUAL_BASIC', '2025-06-12', '2025-06-12'), days: 0 },
  ])('$record.kind $record.start..$record.end is $days days', ({ record, days, noHolidays }) => {
    expect(leaveDays(record, noHolidays ? undefined : holidays)).toBe(days);
  });

  it('refuses an invalid record', () => {
    expect(() => leaveDays(leave('UNPAID', '2025-01-10', '2025-01-01'))).toThrow(RangeError);
  });
});

describe('workingYears', () => {
  it.each([
    {
      name: 'a mid-month hire: each year ends the day before the anniversary',
      hire: '2023-03-15',
      leaves: [],
      asOf: '2025-06-01',
      years: [
        year(1, '2023-03-15', '2024-03-14'),
        year(2, '2024-03-15', '2025-03-14'),
        year(3, '2025-03-15', '2026-03-14'),
      ],
    },
    {
      name: 'asOf on the last day of the first year: one year',
      hire: '2023-03-15',
      leaves: [],
      asOf: '2024-03-14',
      years: [year(1, '2023-03-15', '2024-03-14')],
    },
    {
      name: 'asOf before the hire: none',
      hire: '2023-03-15',
      leaves: [],
      asOf: '2023-03-14',
      years: [],
    },
    {
      name: 'a hire on the 31st: anniversaries keep the 31st',
      hire: '2023-08-31',
      leaves: [],
      asOf: '2024-09-01',
      years: [year(1, '2023-08-31', '2024-08-30'), year(2, '2024-08-31', '2025-08-30')],
    },
    {
      // 2025-02-29 does not exist: the anniversary is Mar 1, so year 1 ends Feb 28; 2028 is leap
      name: 'a hire on Feb 29: Mar 1 in common years, Feb 29 in leap years',
      hire: '2024-02-29',
      leaves: [],
      asOf: '2028-03-01',
      years: [
        year(1, '2024-02-29', '2025-02-28'),
        year(2, '2025-03-01', '2026-02-28'),
        year(3, '2026-03-01', '2027-02-28'),
        year(4, '2027-03-01', '2028-02-28'),
        year(5, '2028-02-29', '2029-02-28'),
      ],
    },
    {
      // Jun 1..14 = 14 unpaid days, not more than 14: no shift
      name: 'unpaid leave of 14 days does not shift',
      hire: '2023-03-15',
      leaves: [leave('UNPAID', '2023-06-01', '2023-06-14')],
      asOf: '2024-06-01',
      years: [year(1, '2023-03-15', '2024-03-14'), year(2, '2024-03-15', '2025-03-14')],
    },
    {
      // Jun 1..20 = 20 unpaid days, 20 − 14 = 6: 2024-03-14 + 6 = 2024-03-20, 2025-03-14 + 6
      name: 'unpaid leave of 20 days shifts by 6',
      hire: '2023-03-15',
      leaves: [leave('UNPAID', '2023-06-01', '2023-06-20')],
      asOf: '2024-06-01',
      years: [year(1, '2023-03-15', '2024-03-20'), year(2, '2024-03-21', '2025-03-20')],
    },
    {
      // 10 + 10 = 20 unpaid days in year 1, 20 − 14 = 6: as above
      name: 'unpaid leave adds up within a working year',
      hire: '2023-03-15',
      leaves: [
        leave('UNPAID', '2023-05-02', '2023-05-11'),
        leave('UNPAID', '2023-10-02', '2023-10-11'),
      ],
      asOf: '2024-06-01',
      years: [year(1, '2023-03-15', '2024-03-20'), year(2, '2024-03-21', '2025-03-20')],
    },
    {
      // 10 unpaid days in year 1 and 10 in year 2, each at most 14: no shift
      name: 'unpaid leave does not add up across working years',
      hire: '2023-03-15',
      leaves: [
        leave('UNPAID', '2023-05-02', '2023-05-11'),
        leave('UNPAID', '2024-05-02', '2024-05-11'),
      ],
      asOf: '2024-06-01',
      years: [year(1, '2023-03-15', '2024-03-14'), year(2, '2024-03-15', '2025-03-14')],
    },
    {
      // 2024-02-24..03-24 = 6 (Feb, leap) + 24 = 30 days, all within year 1 once it is extended:
      // 30 − 14 = 16; 2024-03-14 + 16 = 2024-03-30 (covers Mar 24), 2025-03-14 + 16 = 2025-03-30
      name: 'unpaid leave across the nominal end belongs to the extended year',
      hire: '2023-03-15',
      leaves: [leave('UNPAID', '2024-02-24', '2024-03-24')],
      asOf: '2024-06-01',
      years: [year(1, '2023-03-15', '2024-03-30'), year(2, '2024-03-31', '2025-03-30')],
    },
    {
      // Mar 31 + Apr 30 + May 31 = 92 childcare days in year 2, all of them excluded:
      // 2022-01-09 + 92 = 2022-04-11 (Jan +22, Feb +28 → 50, Mar +31 → 81, Apr +11 → 92)
      name: 'childcare leave shifts by its full length',
      hire: '2020-01-10',
      leaves: [leave('CHILDCARE', '2021-03-01', '2021-05-31')],
      asOf: '2022-06-01',
      years: [
        year(1, '2020-01-10', '2021-01-09'),
        year(2, '2021-01-10', '2022-04-11'),
        year(3, '2022-04-12', '2023-04-11'),
      ],
    },
    {
      // 2020-06-01..2021-05-31 = 365, + Jun..Nov 2021 = 183: 548 days; 2021-01-09 + 548 =
      // 2022-07-11 (+365 → 2022-01-09, +183 → Jul 11), 2022-01-09 + 548 = 2023-07-11
      name: 'childcare leave longer than a year stays in one working year',
      hire: '2020-01-10',
      leaves: [leave('CHILDCARE', '2020-06-01', '2021-11-30')],
      asOf: '2022-08-01',
      years: [year(1, '2020-01-10', '2022-07-11'), year(2, '2022-07-12', '2023-07-11')],
    },
    {
      // 20 days of study, sick and maternity leave count toward seniority: no shift
      name: 'other kinds do not shift',
      hire: '2023-03-15',
      leaves: [
        leave('STUDY', '2023-05-02', '2023-05-21'),
        leave('SICK', '2023-06-01', '2023-06-20'),
        leave('MATERNITY', '2023-07-01', '2023-07-20'),
      ],
      asOf: '2023-12-01',
      years: [year(1, '2023-03-15', '2024-03-14')],
    },
  ])('$name', ({ hire, leaves, asOf, years }) => {
    expect(workingYears(hire, leaves, asOf)).toEqual(years);
  });

  it('refuses an invalid record', () => {
    const bad = leave('UNPAID', '2023-06-31', '2023-07-02');
    expect(() => workingYears('2023-03-15', [bad], '2024-01-01')).toThrow(RangeError);
  });
});

describe('leaveBalance', () => {
  const y1 = year(1, '2023-03-15', '2024-03-14');
  const y2 = year(2, '2024-03-15', '2025-03-14');
  // Jul 3..30 = 28 days, no holidays within
  const july = leave('ANNUAL_BASIC', '2023-07-03', '2023-07-30');

  it.each([
    {
      name: 'one full working year with 28 used',
      hire: '2023-03-15',
      entitlement: [28, 0],
      leaves: [july],
      asOf: '2024-03-14',
      expected: [balance(y1, [28, 0], [28, 0])],
    },
    {
      name: 'the next day opens the next year in full',
      hire: '2023-03-15',
      entitlement: [28, 0],
      leaves: [july],
      asOf: '2024-03-15',
      expected: [balance(y1, [28, 0], [28, 0]), balance(y2, [28, 0], [0, 0])],
    },
    {
      // Sep 4..10 = 7; Mar 10..31 = 22 + Apr 1..6 = 6 → 28, across the 03-14/03-15 boundary.
      // FIFO: year 1 has 28 − 7 = 21 left → 21 there, the other 28 − 21 = 7 to year 2
      // (by calendar split it would be 14 + 14)
      name: 'a leave across a working-year boundary is charged FIFO',
      hire: '2023-03-15',
      entitlement: [28, 3],
      leaves: [
        leave('ANNUAL_BASIC', '2024-03-10', '2024-04-06'),
        leave('ANNUAL_BASIC', '2023-09-04', '2023-09-10'),
      ],
      asOf: '2024-06-01',
      expected: [balance(y1, [28, 3], [28, 0]), balance(y2, [28, 3], [7, 0])],
    },
    {
      // Apr 1..5 = 5 additional days: 3 to year 1, 5 − 3 = 2 to year 2; basic untouched
      name: 'additional leave has its own pool',
      hire: '2023-03-15',
      entitlement: [28, 3],
      leaves: [leave('ANNUAL_ADDITIONAL', '2024-04-01', '2024-04-05')],
      asOf: '2024-06-01',
      expected: [balance(y1, [28, 3], [0, 3]), balance(y2, [28, 3], [0, 2])],
    },
    {
      // current year 2024-09-02..2025-09-01 entitled in full: 28; nothing used
      name: 'a partial current working year is entitled in full',
      hire: '2024-09-02',
      entitlement: [28, 0],
      leaves: [],
      asOf: '2024-12-01',
      expected: [balance(year(1, '2024-09-02', '2025-09-01'), [28, 0], [0, 0])],
    },
    {
      // Oct 1..31 = 31 + Nov 1..4 = 4 → 35, minus the Nov 4 holiday = 34; 28 − 34 = −6
      name: 'leave beyond every year goes negative in the last one',
      hire: '2024-09-02',
      entitlement: [28, 0],
      leaves: [leave('ANNUAL_BASIC', '2024-10-01', '2024-11-04')],
      asOf: '2024-12-01',
      expected: [balance(year(1, '2024-09-02', '2025-09-01'), [28, 0], [34, 0])],
    },
    {
      // 16 calendar days − 8 holidays (Jan 1–8) = 8 used; 28 − 8 = 20
      name: 'holidays inside annual leave are not charged',
      hire: '2024-06-03',
      entitlement: [28, 0],
      leaves: [leave('ANNUAL_BASIC', '2024-12-28', '2025-01-12')],
      asOf: '2025-02-01',
      expected: [balance(year(1, '2024-06-03', '2025-06-02'), [28, 0], [8, 0])],
    },
    {
      // a planned leave starting after asOf is not used yet
      name: 'leave starting after asOf is not charged',
      hire: '2023-03-15',
      entitlement: [28, 0],
      leaves: [july, leave('ANNUAL_BASIC', '2024-07-01', '2024-07-28')],
      asOf: '2024-06-01',
      expected: [balance(y1, [28, 0], [28, 0]), balance(y2, [28, 0], [0, 0])],
    },
    {
      // year 2 from 2024-03-15: 6 months to Sep 14, rest Sep 15..20 = 6 < 15 dropped;
      // 28 × 6 / 12 = 14
      name: 'after dismissal the last year is entitled pro rata',
      hire: '2023-03-15',
      entitlement: [28, 0],
      leaves: [july],
      asOf: '2024-12-31',
      dismissal: '2024-09-20',
      expected: [balance(y1, [28, 0], [28, 0]), balance(y2, [14, 0], [0, 0])],
    },
    {
      // rest Sep 15..29 = 15 ≥ 15 rounds up: 7 months; 28 × 7 / 12 = 16.33, 3 × 7 / 12 = 1.75
      name: 'a rest of 15 days rounds up to a month on dismissal',
      hire: '2023-03-15',
      entitlement: [28, 3],
      leaves: [july],
      asOf: '2024-12-31',
      dismissal: '2024-09-29',
      expected: [balance(y1, [28, 3], [28, 0]), balance(y2, [(28 * 7) / 12, 1.75], [0, 0])],
    },
    {
      // dismissal 2025-01-31 is after asOf 2024-12-31: not yet dismissed, year 2 in full
      name: 'a dismissal after asOf is ignored',
      hire: '2023-03-15',
      entitlement: [28, 0],
      leaves: [july],
      asOf: '2024-12-31',
      dismissal: '2025-01-31',
      expected: [balance(y1, [28, 0], [28, 0]), balance(y2, [28, 0], [0, 0])],
    },
    {
      name: 'asOf before the hire: no years',
      hire: '2023-03-15',
      entitlement: [28, 0],
      leaves: [],
      asOf: '2023-01-01',
      expected: [],
    },
  ])('$name', ({ hire, entitlement, leaves, asOf, dismissal, expected }) => {
    const [basicDays, additionalDays] = entitlement as [number, number];
    const result = leaveBalance({
      hireDate: hire,
      entitlement: { basicDays, additionalDays },
      leaves,
      asOf,
      dismissalDate: dismissal ?? null,
      holidays,
    });
    expect(result).toEqual(expected);
  });
});

describe('accruedDays', () => {
  it.each([
    // Jan 15..Jun 14 = 5 months, rest Jun 15..28 = 14 < 15 dropped: 28 × 5 / 12
    {
      hire: '2024-01-15',
      basic: 28,
      extra: 0,
      leaves: [],
      asOf: '2024-06-28',
      days: (28 * 5) / 12,
    },
    // rest Jun 15..29 = 15 rounds up: 6 months, 28 × 6 / 12 = 14
    { hire: '2024-01-15', basic: 28, extra: 0, leaves: [], asOf: '2024-06-29', days: 14 },
    // the last day of year 1: 12 months, 28
    { hire: '2024-01-15', basic: 28, extra: 0, leaves: [], asOf: '2025-01-14', days: 28 },
    // the first day of year 2: 1 day < 15, 0 months
    { hire: '2024-01-15', basic: 28, extra: 0, leaves: [], asOf: '2025-01-15', days: 0 },
    // before the hire: 0
    { hire: '2024-01-15', basic: 28, extra: 0, leaves: [], asOf: '2024-01-14', days: 0 },
    // a teacher, Jan 15..Jul 14 = 6 months: 42 × 6 / 12 = 21
    { hire: '2024-01-15', basic: 42, extra: 0, leaves: [], asOf: '2024-07-14', days: 21 },
    // basic and additional together: (28 + 3) × 6 / 12 = 15.5
    { hire: '2024-01-15', basic: 28, extra: 3, leaves: [], asOf: '2024-07-14', days: 15.5 },
    // 5 months to Jun 14, rest Jun 15..Jul 4 = 16 + 4 = 20 ≥ 15: 6 months, 14
    { hire: '2024-01-15', basic: 28, extra: 0, leaves: [], asOf: '2024-07-04', days: 14 },
    {
      // Mar 1..20 = 20 unpaid, 6 not counted: Jul 4 − 6 = Jun 28, 5 months + 14 days: 28 × 5 / 12
      hire: '2024-01-15',
      basic: 28,
      extra: 0,
      leaves: [leave('UNPAID', '2024-03-01', '2024-03-20')],
      asOf: '2024-07-04',
      days: (28 * 5) / 12,
    },
    {
      // Feb 15..Dec 31 = 366 − 45 = 321 childcare days; counted Jan 15..Feb 14 = 1 month
      hire: '2024-01-15',
      basic: 28,
      extra: 0,
      leaves: [leave('CHILDCARE', '2024-02-15', '2024-12-31')],
      asOf: '2024-12-31',
      days: 28 / 12,
    },
    // from Jan 31 a month on is "Feb 31", so Mar 1: month 1 = Jan 31..Feb 29; rest Mar 1..14 = 14
    { hire: '2024-01-31', basic: 28, extra: 0, leaves: [], asOf: '2024-03-14', days: 28 / 12 },
    // rest Mar 1..15 = 15 rounds up: 2 months, 28 × 2 / 12
    {
      hire: '2024-01-31',
      basic: 28,
      extra: 0,
      leaves: [],
      asOf: '2024-03-15',
      days: (28 * 2) / 12,
    },
  ])(
    'hired $hire, $basic+$extra a year, on $asOf: $days',
    ({ hire, basic, extra, leaves, asOf, days }) => {
      const input = {
        hireDate: hire,
        entitlement: { basicDays: basic, additionalDays: extra },
        leaves,
      };
      expect(accruedDays(input, asOf)).toBeCloseTo(days, 10);
    },
  );
});

describe('checkLeave', () => {
  it.each([
    { record: leave('ANNUAL_BASIC', '2025-07-01', '2025-07-28'), message: null },
    { record: leave('SICK', '2025-07-01', '2025-07-01'), message: null },
    { record: leave('UNPAID', '2024-02-29', '2024-03-01'), message: null },
    {
      record: leave('ANNUAL_BASIC', '2025-07-10', '2025-07-01'),
      message: 'Leave ends (2025-07-01) before it starts (2025-07-10)',
    },
    {
      record: leave('VACATION' as LeaveKind, '2025-07-01', '2025-07-28'),
      message: 'Unknown leave kind "VACATION"',
    },
    {
      record: leave('UNPAID', '2025-02-29', '2025-03-01'),
      message: 'Leave start must be a date YYYY-MM-DD, got "2025-02-29"',
    },
    {
      record: leave('STUDY', '2025-07-01', '2025-7-28'),
      message: 'Leave end must be a date YYYY-MM-DD, got "2025-7-28"',
    },
    {
      record: leave('STUDY', null as unknown as string, '2025-07-28'),
      message: 'Leave start must be a date YYYY-MM-DD, got null',
    },
  ])('$record.kind $record.start..$record.end: $message', ({ record, message }) => {
    expect(checkLeave(record)).toBe(message);
  });
});

describe('findOverlap', () => {
  const annual = leave('ANNUAL_BASIC', '2025-07-01', '2025-07-28');
  const sickInAnnual = leave('SICK', '2025-07-05', '2025-07-10');
  const studyInAnnual = leave('STUDY', '2025-07-20', '2025-07-25');
  const afterAnnual = leave('UNPAID', '2025-07-29', '2025-08-05');
  const onLastDay = leave('UNPAID', '2025-07-28', '2025-08-05');
  const sickInUnpaid = leave('SICK', '2025-08-01', '2025-08-03');
  const sickAgain = leave('SICK', '2025-07-10', '2025-07-12');

  it.each([
    { name: 'back-to-back periods', records: [annual, afterAnnual], pair: null },
    { name: 'sharing the last day', records: [onLastDay, annual], pair: [annual, onLastDay] },
    {
      name: 'sick leave within annual leave (ст. 124)',
      records: [annual, sickInAnnual],
      pair: null,
    },
    {
      name: 'sick leave within unpaid leave',
      records: [sickInUnpaid, afterAnnual],
      pair: [afterAnnual, sickInUnpaid],
    },
    {
      name: 'two sick notes sharing a day',
      records: [annual, sickInAnnual, sickAgain],
      pair: [sickInAnnual, sickAgain],
    },
    {
      name: 'a forbidden overlap past an allowed one',
      records: [studyInAnnual, sickInAnnual, annual],
      pair: [annual, studyInAnnual],
    },
    { name: 'no records', records: [], pair: null },
  ])('$name', ({ records, pair }) => {
    expect(findOverlap(records)).toEqual(pair);
  });

  it('refuses an invalid record', () => {
    expect(() => findOverlap([annual, leave('SICK', '2025-07-05', '2025-07-04')])).toThrow(
      RangeError,
    );
  });
});

describe('leaveBalance: recorded days, planned leave, working-year boundaries', () => {
  const y1 = year(1, '2023-03-15', '2024-03-14');
  const y2 = year(2, '2024-03-15', '2025-03-14');
  const july = leave('ANNUAL_BASIC', '2023-07-03', '2023-07-30');

  it.each([
    {
      // the case: two parts of 14 calendar days HR recorded as 12 and 13 days are
      // charged 12 + 13 = 25, not 28; 28 − 25 = 3 (ст. 120: the order's days are what is used)
      name: 'each leave is charged the days recorded on it',
      leaves: [
        july,
        recorded('ANNUAL_BASIC', '2024-05-06', '2024-05-19', 12),
        recorded('ANNUAL_BASIC', '2024-08-05', '2024-08-18', 13),
      ],
      asOf: '2024-12-01',
      expected: [balance(y1, [28, 0], [28, 0]), balance(y2, [28, 0], [25, 0])],
    },
    {
      // Sep 4..10 = 7; Mar 10..Apr 6 = 28 calendar days recorded as 27: FIFO, year 1 has
      // 28 − 7 = 21 left → 21 there, 27 − 21 = 6 to year 2 (ст. 121, 122)
      name: 'recorded days across a working-year boundary are charged FIFO',
      leaves: [
        recorded('ANNUAL_BASIC', '2023-09-04', '2023-09-10', 7),
        recorded('ANNUAL_BASIC', '2024-03-10', '2024-04-06', 27),
      ],
      asOf: '2024-06-01',
      expected: [balance(y1, [28, 0], [28, 0]), balance(y2, [28, 0], [6, 0])],
    },
    {
      // Jun 1..14 with no recorded days: 14 − Jun 12 (ст. 112 holiday) = 13 charged (ст. 120)
      name: 'a leave without recorded days is charged without the holidays inside',
      leaves: [july, leave('ANNUAL_BASIC', '2024-06-01', '2024-06-14')],
      asOf: '2024-12-01',
      holidays: statutoryHolidays('2024-01-01', '2024-12-31'),
      expected: [balance(y1, [28, 0], [28, 0]), balance(y2, [28, 0], [13, 0])],
    },
    {
      // остаток на дату (1С): the July leave recorded in advance is deducted from the 28 of
      // year 2 although it starts after asOf
      name: 'chargePlanned deducts recorded leave that starts after asOf',
      leaves: [july, recorded('ANNUAL_BASIC', '2024-07-01', '2024-07-28', 28)],
      asOf: '2024-06-01',
      chargePlanned: true,
      expected: [balance(y1, [28, 0], [28, 0]), balance(y2, [28, 0], [28, 0])],
    },
  ])('$name', ({ leaves, asOf, holidays: within, chargePlanned, expected }) => {
    const result = leaveBalance({
      hireDate: '2023-03-15',
      entitlement: { basicDays: 28, additionalDays: 0 },
      leaves,
      asOf,
      holidays: within,
      chargePlanned,
    });
    expect(result).toEqual(expected);
  });
});

describe('leaveDays with the statute’s holidays (ст. 120, 112 ТК)', () => {
  it.each([
    // Jan 1..14 = 14, minus Jan 1–6 and 8 (New Year holidays) and Jan 7 (Christmas) = 6
    { record: leave('ANNUAL_BASIC', '2027-01-01', '2027-01-14'), days: 6 },
    // May 1..11 2025 = 11, minus May 1 and May 9 = 9; May 2 and 8 are days off moved by ПП РФ
    // от 04.10.2024 № 1335, not holidays: charged
    { record: leave('ANNUAL_BASIC', '2025-05-01', '2025-05-11'), days: 9 },
    // Nov 1..14 2025 = 14, minus Nov 4 = 13
    { record: leave('ANNUAL_ADDITIONAL', '2025-11-01', '2025-11-14'), days: 13 },
    // unpaid leave counts every calendar day (ст. 128): 14
    { record: leave('UNPAID', '2025-11-01', '2025-11-14'), days: 14 },
    // Feb 16..Mar 1 2026 = 13 + 1 = 14, minus Feb 23 = 13
    { record: leave('ANNUAL_BASIC', '2026-02-16', '2026-03-01'), days: 13 },
  ])('$record.kind $record.start..$record.end is $days days', ({ record, days }) => {
    expect(leaveDays(record, statutoryHolidays(record.start, record.end))).toBe(days);
  });

  it.each([
    // ст. 112: Jan 1–8 (8), Feb 23, Mar 8, May 1, May 9, Jun 12, Nov 4 = 14 a year
    { from: '2025-01-01', to: '2025-12-31', count: 14 },
    { from: '2026-01-01', to: '2026-12-31', count: 14 },
    // Dec 28 2024..Jan 12 2025: Jan 1–8 = 8
    { from: '2024-12-28', to: '2025-01-12', count: 8 },
    { from: '2025-07-01', to: '2025-07-31', count: 0 },
  ])('statutoryHolidays $from..$to: $count', ({ from, to, count }) => {
    expect(statutoryHolidays(from, to).size).toBe(count);
  });
});

describe('annualLeaveEnd (ст. 120 ТК: holidays inside extend the leave)', () => {
  it.each([
    // Nov 1 + 14 days: Nov 4 is not a day of leave, so the 14th day is Nov 15
    { start: '2025-11-01', days: 14, end: '2025-11-15' },
    // Jan 1..8 are holidays: the 14 days run Jan 9..22
    { start: '2026-01-01', days: 14, end: '2026-01-22' },
    // no holiday inside: Jul 1..14
    { start: '2025-07-01', days: 14, end: '2025-07-14' },
    // one day from a holiday: Jun 12 is skipped, Jun 13
    { start: '2025-06-12', days: 1, end: '2025-06-13' },
  ])('$days days from $start end on $end', ({ start, days, end }) => {
    expect(
      annualLeaveEnd(start, days, statutoryHolidays(start, `${start.slice(0, 4)}-12-31`)),
    ).toBe(end);
  });
});

describe('roundLeaveDays (письмо Роструда от 07.12.2005 № 4334-17: only in the employee’s favour)', () => {
  it.each([
    // 56 × 10 / 12 = 46.666…: up to 46.67
    { days: (56 * 10) / 12, rounded: 46.67 },
    // 28 × 7 / 12 = 16.333…: up to 16.34 (half-up would give 16.33)
    { days: (28 * 7) / 12, rounded: 16.34 },
    { days: 28 / 12, rounded: 2.34 },
    { days: 14, rounded: 14 },
    { days: 0, rounded: 0 },
    // owed back: towards zero, the employee owes fewer days
    { days: (28 * 7) / 12 - 28, rounded: -11.66 },
    // float noise is not a hundredth: 46.67 − 28 in floating point is 18.670000000000002
    { days: 46.67 - 28, rounded: 18.67 },
  ])('$days → $rounded', ({ days, rounded }) => {
    expect(roundLeaveDays(days)).toBe(rounded);
  });
});

describe('compensationDays: dismissal mid-year (ст. 127 ТК)', () => {
  it.each([
    {
      // year 2 from 2025-07-31: 10 months to 2026-05-30, rest May 31..Jun 6 = 7 < 15 dropped
      // (Rostrud: under half a month drops); 56 × 10 / 12 = 46.666… → 46.67
      name: 'a teacher dismissed 10 months into the year: 46.67',
      hire: '2024-07-31',
      entitlement: 56,
      leaves: [recorded('ANNUAL_BASIC', '2025-06-02', '2025-07-28', 56)],
      dismissal: '2026-06-06',
      days: 46.67,
    },
    {
      // 6 months to Sep 14, rest Sep 15..29 = 15 ≥ 15 is a month: 7; 28 × 7 / 12 → 16.34
      name: 'a rest of 15 days counts as a month: 16.34',
      hire: '2023-03-15',
      entitlement: 28,
      leaves: [leave('ANNUAL_BASIC', '2023-07-03', '2023-07-30')],
      dismissal: '2024-09-29',
      days: 16.34,
    },
    {
      // year 1 left 28 − 20 = 8; year 2: 6 months (rest Sep 15..20 = 6 drops), 28 × 6 / 12 = 14:
      // 8 + 14 = 22 (unused days of every working year are compensated, ст. 127)
      name: 'an earlier year’s unused days are compensated too: 22',
      hire: '2023-03-15',
      entitlement: 28,
      leaves: [recorded('ANNUAL_BASIC', '2023-07-03', '2023-07-22', 20)],
      dismissal: '2024-09-20',
      days: 22,
    },
    {
      // year 2 entitled 14 (6 months), 28 used in advance: −14, nothing to compensate
      // (the days used in advance may be withheld instead, ст. 137: payroll's)
      name: 'leave used in advance: 0',
      hire: '2023-03-15',
      entitlement: 28,
      leaves: [
        leave('ANNUAL_BASIC', '2023-07-03', '2023-07-30'),
        recorded('ANNUAL_BASIC', '2024-06-03', '2024-06-30', 28),
      ],
      dismissal: '2024-09-20',
      days: 0,
    },
    {
      // dismissed on the last day of a working year: 12 months, the full 28
      name: 'dismissed on the last day of a working year: 28',
      hire: '2023-03-15',
      entitlement: 28,
      leaves: [leave('ANNUAL_BASIC', '2023-07-03', '2023-07-30')],
      dismissal: '2025-03-14',
      days: 28,
    },
  ])('$name', ({ hire, entitlement, leaves, dismissal, days }) => {
    const balances = leaveBalance({
      hireDate: hire,
      entitlement: { basicDays: entitlement, additionalDays: 0 },
      leaves,
      asOf: dismissal,
      dismissalDate: dismissal,
    });
    expect(compensationDays(balances)).toBe(days);
  });
});

describe('checkLongPart (ст. 125 ТК: one part at least 14 days)', () => {
  it.each([
    { entitled: 28, parts: [], requested: 14, result: null },
    // 28 − 5 = 23 left: a 14-day part can still follow
    { entitled: 28, parts: [], requested: 5, result: null },
    // 28 − 10 − 5 = 13 left: no part of 14 days is possible any more
    { entitled: 28, parts: [10], requested: 5, result: { leftDays: 13 } },
    // a part of 14 days exists: any further part may be short
    { entitled: 28, parts: [14], requested: 5, result: null },
    // 56 − 3 × 13 − 5 = 12 left
    { entitled: 56, parts: [13, 13, 13], requested: 5, result: { leftDays: 12 } },
    { entitled: 56, parts: [13, 13, 13], requested: 14, result: null },
    // 28 + 3 additional − 10 − 7 = 14 left: exactly enough
    { entitled: 31, parts: [10], requested: 7, result: null },
  ])(
    '$entitled days, parts $parts, asking $requested',
    ({ entitled, parts, requested, result }) => {
      expect(
        checkLongPart({ entitledDays: entitled, partDays: parts, requestedDays: requested }),
      ).toEqual(result);
    },
  );
});

describe('checkAnnualRequest', () => {
  // hired 2025-11-16: year 1 to 2026-11-15, year 2 2026-11-16..2027-11-15; year 1 fully used
  const hire = '2025-11-16';
  const y2 = year(2, '2026-11-16', '2027-11-15');
  const firstYear = recorded('ANNUAL_BASIC', '2026-06-01', '2026-07-27', 56);

  it.each([
    {
      // the case: 89 calendar days Apr 1..Jun 28 2027 less May 1, 9 and Jun 12 = 86
      // with 56 left in year 2 (ст. 122: the year's days; more only in advance, by agreement)
      name: '86 days with 56 left: refused, 56 available',
      entitlement: [56, 0],
      leaves: [firstYear],
      requested: recorded('ANNUAL_BASIC', '2027-04-01', '2027-06-28', 86),
      allowInAdvance: false,
      problem: { rule: 'BALANCE', availableDays: 56 },
    },
    {
      name: 'the same in an organization that allows leave in advance: granted',
      entitlement: [56, 0],
      leaves: [firstYear],
      requested: recorded('ANNUAL_BASIC', '2027-04-01', '2027-06-28', 86),
      allowInAdvance: true,
      problem: null,
    },
    {
      // an open request of 50 days counts: 56 − 50 = 6 available for a 14-day part
      name: 'open requests count against the balance',
      entitlement: [56, 0],
      leaves: [firstYear, recorded('ANNUAL_BASIC', '2027-07-01', '2027-08-19', 50)],
      requested: recorded('ANNUAL_BASIC', '2027-09-01', '2027-09-14', 14),
      allowInAdvance: false,
      problem: { rule: 'BALANCE', availableDays: 6 },
    },
    {
      // the additional pool is separate: a post without additional days has none
      name: 'additional leave without additional days: refused, 0 available',
      entitlement: [56, 0],
      leaves: [firstYear],
      requested: recorded('ANNUAL_ADDITIONAL', '2027-03-01', '2027-03-03', 3),
      allowInAdvance: false,
      problem: { rule: 'BALANCE', availableDays: 0 },
    },
    {
      // year 2: a 10-day part recorded, 5 asked: 28 − 15 = 13 < 14 (ст. 125)
      name: 'a short part leaving no 14-day part in the year: refused',
      entitlement: [28, 0],
      leaves: [
        recorded('ANNUAL_BASIC', '2026-06-01', '2026-06-28', 28),
        recorded('ANNUAL_BASIC', '2027-02-01', '2027-02-10', 10),
      ],
      requested: recorded('ANNUAL_BASIC', '2027-03-01', '2027-03-05', 5),
      allowInAdvance: false,
      problem: { rule: 'LONG_PART', year: y2, leftDays: 13 },
    },
    {
      // the 10-day part is of year 1 (Jun 2026): year 2 has 28 − 5 = 23 left
      name: 'parts of an earlier working year do not count',
      entitlement: [28, 0],
      leaves: [
        recorded('ANNUAL_BASIC', '2026-06-01', '2026-06-18', 18),
        recorded('ANNUAL_BASIC', '2026-09-01', '2026-09-10', 10),
      ],
      requested: recorded('ANNUAL_BASIC', '2027-03-01', '2027-03-05', 5),
      allowInAdvance: false,
      problem: null,
    },
    {
      name: 'unpaid leave is not annual leave: no check',
      entitlement: [28, 0],
      leaves: [firstYear],
      requested: recorded('UNPAID', '2027-03-01', '2027-05-29', 90),
      allowInAdvance: false,
      problem: null,
    },
  ])('$name', ({ entitlement, leaves, requested, allowInAdvance, problem }) => {
    const [basicDays, additionalDays] = entitlement as [number, number];
    expect(
      checkAnnualRequest({
        hireDate: hire,
        entitlement: { basicDays, additionalDays },
        leaves,
        requested,
        allowInAdvance,
      }),
    ).toEqual(problem);
  });
});
