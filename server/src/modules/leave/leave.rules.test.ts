import { describe, expect, it } from 'vitest';
import {
  accruedDays,
  checkLeave,
  findOverlap,
  leaveBalance,
  leaveDays,
  workingYears,
  type LeaveKind,
  type LeaveRecord,
  type WorkingYear,
  type YearBalance,
} from './leave.rules.js';

const leave = (kind: LeaveKind, start: string, end: string): LeaveRecord => ({ kind, start, end });
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
