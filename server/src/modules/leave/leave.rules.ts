/**
 * Annual leave rules of the Трудовой кодекс РФ: pure functions over LocalDate strings (YYYY-MM-DD).
 *
 * Conventions:
 * - Every period is inclusive at both ends; day arithmetic is UTC only.
 * - Working year k runs from hire + (k - 1) years to the day before hire + k years (ст. 121).
 *   A date the target month lacks (a Feb 29 anniversary in a common year, the 31st one month on)
 *   falls on the 1st of the next month: hired 2024-02-29, the working years start on Mar 1 in
 *   common years and on Feb 29 again in leap years.
 * - Not counted toward leave seniority (ст. 121): unpaid leave beyond 14 days in total within a
 *   working year, and all childcare leave. A working year ends once it holds a full year of counted
 *   days, so its end and every later boundary move later by the days not counted; unpaid leave that
 *   falls into the added days belongs to that working year too.
 * - Only ANNUAL_BASIC and ANNUAL_ADDITIONAL consume the entitlement, each from its own pool. A leave
 *   is charged the days recorded on it (the order's days, as HR wrote them); a leave without them
 *   is charged `leaveDays`: annual leave without the non-working public holidays inside it (ст. 120:
 *   the ст. 112 holidays, kind HOLIDAY, not the days off a decree moves), other kinds calendar days.
 * - Figures are exact here; `roundLeaveDays` rounds what is shown and compensated: up to hundredths
 *   of a day, in the employee's favour (see there).
 * - Records are validated by `checkLeave`; the other functions throw a RangeError on invalid ones.
 */
import { isLocalDate } from '../../core/graphql/scalars.js';
import { statutoryCalendar } from '../calendar/index.js';

export const LeaveKinds = [
  'ANNUAL_BASIC',
  'ANNUAL_ADDITIONAL',
  'UNPAID',
  'STUDY',
  'CHILDCARE',
  'MATERNITY',
  'SICK',
] as const;
export type LeaveKind = (typeof LeaveKinds)[number];

/** A leave period, both ends inclusive. */
export interface LeaveSpan {
  kind: LeaveKind;
  start: string;
  end: string;
  /** Days charged as recorded (the order's days); when absent, `leaveDays` computes them. */
  days?: number;
}

/** Days of annual leave per working year. */
export interface Entitlement {
  basicDays: number;
  additionalDays: number;
}

export interface WorkingYear {
  index: number;
  start: string;
  end: string;
}

export interface YearBalance {
  year: WorkingYear;
  entitled: { basic: number; additional: number };
  used: { basic: number; additional: number };
  remaining: { basic: number; additional: number; total: number };
}

export interface BalanceInput {
  hireDate: string;
  entitlement: Entitlement;
  leaves: readonly LeaveSpan[];
  asOf: string;
  dismissalDate?: string | null;
  holidays?: ReadonlySet<string>;
  /**
   * Also charge annual leave that starts after asOf (recorded, so approved by an order): the
   * balance "на дату" with planned leave deducted, as 1С shows it beside the balance today.
   */
  chargePlanned?: boolean;
}

/** Unpaid leave counted toward leave seniority per working year (ст. 121). */
const unpaidAllowance = 14;
/** A rest of a month this long or longer rounds up to a whole month (Rostrud); a shorter drops. */
const halfMonthDays = 15;
const dayMs = 86_400_000;
const noHolidays: ReadonlySet<string> = new Set();

interface Span {
  start: number;
  end: number;
}

/** Days since 1970-01-01 of a LocalDate; throws a RangeError on anything else. */
function dayNumber(date: string): number {
  if (!isLocalDate(date)) throw new RangeError(`Not a date YYYY-MM-DD: ${JSON.stringify(date)}`);
  return Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) / dayMs;
}

/** The LocalDate of a day number. */
function fromDayNumber(day: number): string {
  return new Date(day * dayMs).toISOString().slice(0, 10);
}

/** `date` plus `months` as a day number: the same day of the month, or the 1st after if none. */
function addMonths(date: string, months: number): number {
  dayNumber(date);
  const year = +date.slice(0, 4);
  const month = +date.slice(5, 7) - 1 + months;
  const day = +date.slice(8, 10);
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return (day > lastDay ? Date.UTC(year, month + 1, 1) : Date.UTC(year, month, day)) / dayMs;
}

const isAnnual = (kind: LeaveKind) => kind === 'ANNUAL_BASIC' || kind === 'ANNUAL_ADDITIONAL';

const compareDates = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function assertValid(record: LeaveSpan): void {
  const problem = checkLeave(record);
  if (problem !== null) throw new RangeError(problem);
}

/** Validation: why a record is invalid (unknown kind, bad dates, end before start), or null. */
export function checkLeave(record: LeaveSpan): string | null {
  const { kind, start, end } = record as { kind: unknown; start: unknown; end: unknown };
  if (!(LeaveKinds as readonly unknown[]).includes(kind)) {
    return `Unknown leave kind ${JSON.stringify(kind)}`;
  }
  if (typeof start !== 'string' || !isLocalDate(start)) {
    return `Leave start must be a date YYYY-MM-DD, got ${JSON.stringify(start)}`;
  }
  if (typeof end !== 'string' || !isLocalDate(end)) {
    return `Leave end must be a date YYYY-MM-DD, got ${JSON.stringify(end)}`;
  }
  if (end < start) return `Leave ends (${end}) before it starts (${start})`;
  const { days } = record as { days: unknown };
  if (days !== undefined && !(typeof days === 'number' && Number.isInteger(days) && days >= 0)) {
    return `Leave days must be a whole number of at least 0, got ${JSON.stringify(days)}`;
  }
  return null;
}

/**
 * Days a leave is charged when none are recorded: calendar days, inclusive; annual leave does not
 * count the non-working public holidays listed in `holidays` (ст. 120 ТК).
 */
export function leaveDays(record: LeaveSpan, holidays: ReadonlySet<string> = noHolidays): number {
  assertValid(record);
  const start = dayNumber(record.start);
  const end = dayNumber(record.end);
  if (!isAnnual(record.kind)) return end - start + 1;
  let holidaysWithin = 0;
  for (const holiday of holidays) {
    const day = dayNumber(holiday);
    if (day >= start && day <= end) holidaysWithin++;
  }
  return end - start + 1 - holidaysWithin;
}

/**
 * The last day of an annual leave of `days` charged days from `start`: each non-working public
 * holiday inside it adds a day (ст. 120 ТК), as an order for "14 календарных дней" over 4 November
 * runs to the 15th day. `days` ≥ 1.
 */
export function annualLeaveEnd(start: string, days: number, holidays: ReadonlySet<string>): string {
  if (!Number.isInteger(days) || days < 1) throw new RangeError(`Leave of ${days} days`);
  let day = dayNumber(start);
  for (let charged = 0; ; day++) {
    if (!holidays.has(fromDayNumber(day))) charged++;
    if (charged === days) return fromDayNumber(day);
  }
}

/**
 * The non-working public holidays of ст. 112 ТК from `from` to `to` (inclusive), from the statute
 * alone: for pure code (seeders, the import) that has no production calendar at hand. Regional
 * holidays HR records in the calendar are not among them; the services read the calendar.
 */
export function statutoryHolidays(from: string, to: string): Set<string> {
  const holidays = new Set<string>();
  for (let year = +from.slice(0, 4); year <= +to.slice(0, 4); year++) {
    for (const day of statutoryCalendar(year)) {
      if (day.kind === 'HOLIDAY' && day.date >= from && day.date <= to) holidays.add(day.date);
    }
  }
  return holidays;
}

/** Days two inclusive spans share. */
const sharedDays = (a: Span, b: Span) =>
  Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start) + 1);

/** The leave periods of one kind as day-number spans. */
const spansOf = (leaves: readonly LeaveSpan[], kind: LeaveKind): Span[] =>
  leaves
    .filter((leave) => leave.kind === kind)
    .map((leave) => ({ start: dayNumber(leave.start), end: dayNumber(leave.end) }));

interface NonCounting {
  unpaid: Span[];
  childcare: Span[];
}

/** The periods ст. 121 may leave out of leave seniority. */
const nonCountingOf = (leaves: readonly LeaveSpan[]): NonCounting => ({
  unpaid: spansOf(leaves, 'UNPAID'),
  childcare: spansOf(leaves, 'CHILDCARE'),
});

/** Days of `period` not counted toward leave seniority: unpaid over 14, all childcare (ст. 121). */
function excludedDays(leaves: NonCounting, period: Span): number {
  const within = (spans: Span[]) => spans.reduce((sum, span) => sum + sharedDays(span, period), 0);
  return Math.max(0, within(leaves.unpaid) - unpaidAllowance) + within(leaves.childcare);
}

/** Days a working year from `start` with nominal last day `end` extends by (least fixed point). */
function extension(leaves: NonCounting, start: number, end: number): number {
  let days = 0;
  for (;;) {
    const next = excludedDays(leaves, { start, end: end + days });
    if (next === days) return days;
    days = next;
  }
}

/** Working years from hire up to the one containing asOf, shifted by non-counting leave. */
export function workingYears(
  hireDate: string,
  leaves: readonly LeaveSpan[],
  asOf: string,
): WorkingYear[] {
  leaves.forEach(assertValid);
  const nonCounting = nonCountingOf(leaves);
  const until = dayNumber(asOf);
  const years: WorkingYear[] = [];
  let shift = 0;
  for (let index = 1; ; index++) {
    const start = addMonths(hireDate, 12 * (index - 1)) + shift;
    if (start > until) return years;
    const nominalEnd = addMonths(hireDate, 12 * index) - 1 + shift;
    const extra = extension(nonCounting, start, nominalEnd);
    shift += extra;
    years.push({ index, start: fromDayNumber(start), end: fromDayNumber(nominalEnd + extra) });
  }
}

/** Whole months of leave seniority in the working year containing asOf, rounded per Rostrud. */
function monthsWorked(hireDate: string, leaves: readonly LeaveSpan[], asOf: string): number {
  const year = workingYears(hireDate, leaves, asOf).at(-1);
  if (year === undefined) return 0;
  const until = dayNumber(asOf);
  const counted =
    until - excludedDays(nonCountingOf(leaves), { start: dayNumber(year.start), end: until });
  let months = 0;
  while (months < 12 && addMonths(year.start, months + 1) - 1 <= counted) months++;
  const rest = counted - addMonths(year.start, months) + 1;
  return Math.min(12, rest >= halfMonthDays ? months + 1 : months);
}

/**
 * Annual leave accrued in the working year containing asOf: entitlement × months / 12, months of
 * leave seniority rounded per Rostrud (a rest of 15 days or more is a month, a shorter one drops).
 * This is what is compensated on dismissal (ст. 127); not rounded to whole days.
 */
export function accruedDays(
  input: Pick<BalanceInput, 'hireDate' | 'entitlement' | 'leaves'>,
  asOf: string,
): number {
  const { basicDays, additionalDays } = input.entitlement;
  return ((basicDays + additionalDays) * monthsWorked(input.hireDate, input.leaves, asOf)) / 12;
}

type Pool = 'basic' | 'additional';

/** The entitlement of a working year with `months` of leave seniority out of 12. */
const entitledFor = (entitlement: Entitlement, months = 12) => ({
  basic: (entitlement.basicDays * months) / 12,
  additional: (entitlement.additionalDays * months) / 12,
});

/** Charges `days` of one pool to the earliest years with days left; any excess to the last year. */
function charge(balances: YearBalance[], pool: Pool, days: number): void {
  let left = days;
  for (const balance of balances) {
    const free = Math.max(0, balance.entitled[pool] - balance.used[pool]);
    const taken = Math.min(free, left);
    balance.used[pool] += taken;
    left -= taken;
  }
  const last = balances.at(-1);
  if (last !== undefined) last.used[pool] += left;
}

/**
 * Entitled, used and remaining annual leave per working year, up to the one containing asOf (or
 * the dismissal date, if on or before asOf). Every working year, the current one included, is
 * entitled in full (leave may be granted in advance); after a dismissal the last year is entitled
 * pro rata as in `accruedDays`, so the remaining days are those to compensate. Annual leave that
 * starts on or before that date (any date, with `chargePlanned`) is charged its days (the recorded
 * ones, else `leaveDays`), in full, in order of start, to the earliest working
 * years with days left (FIFO); what no year can cover is charged to the last year, whose remaining
 * days go negative. The 11-month full-compensation rule (Правила 1930 г., п. 28) is not applied.
 */
export function leaveBalance(input: BalanceInput): YearBalance[] {
  const { hireDate, entitlement, leaves, asOf } = input;
  const dismissal = input.dismissalDate ?? null;
  const dismissed = dismissal !== null && dayNumber(dismissal) <= dayNumber(asOf);
  const until = dismissed ? dismissal : asOf;
  const balances: YearBalance[] = workingYears(hireDate, leaves, until).map((year) => ({
    year,
    entitled: entitledFor(entitlement),
    used: { basic: 0, additional: 0 },
    remaining: { basic: 0, additional: 0, total: 0 },
  }));
  const last = balances.at(-1);
  if (dismissed && last !== undefined) {
    last.entitled = entitledFor(entitlement, monthsWorked(hireDate, leaves, until));
  }
  const planned = input.chargePlanned === true && !dismissed;
  const annual = leaves
    .filter(
      (leave) => isAnnual(leave.kind) && (planned || dayNumber(leave.start) <= dayNumber(until)),
    )
    .sort((a, b) => compareDates(a.start, b.start));
  for (const leave of annual) {
    const pool = leave.kind === 'ANNUAL_BASIC' ? 'basic' : 'additional';
    charge(balances, pool, leave.days ?? leaveDays(leave, input.holidays));
  }
  for (const { entitled, used, remaining } of balances) {
    remaining.basic = entitled.basic - used.basic;
    remaining.additional = entitled.additional - used.additional;
    remaining.total = remaining.basic + remaining.additional;
  }
  return balances;
}

/**
 * A figure of leave days as shown and compensated: rounded up to hundredths of a day. The law sets
 * no rounding of leave days; Роструд (письмо от 07.12.2005 № 4334-17) allows
 * rounding only in the employee's favour, so up: 28 × 7 / 12 = 16.333… → 16.34; −6.333… → −6.33
 * (fewer days owed back). Float noise below a millionth of a day is dropped first (18.67000…02).
 */
export function roundLeaveDays(days: number): number {
  return Math.ceil(Math.round(days * 1_000_000) / 10_000) / 100 + 0;
}

/**
 * Days of unused annual leave to compensate on dismissal (ст. 127 ТК): the remaining days of every
 * working year of a `leaveBalance` computed with the dismissal date, the last year entitled pro rata
 * (months rounded per Rostrud, see `accruedDays`), summed exactly and rounded once by
 * `roundLeaveDays`. Never negative: leave granted in advance is not compensated (what may be
 * withheld for it instead, ст. 137, is payroll's).
 */
export function compensationDays(balances: readonly YearBalance[]): number {
  const remaining = balances.reduce((sum, balance) => sum + balance.remaining.total, 0);
  return Math.max(0, roundLeaveDays(remaining));
}

/** The shortest part of annual leave that ст. 125 ТК requires one of the parts to reach. */
export const LONG_PART_DAYS = 14;

export interface PartsInput {
  /** Annual leave (basic and additional) a working year gives. */
  entitledDays: number;
  /** Days of the parts of that working year's annual leave already recorded or requested. */
  partDays: readonly number[];
  /** Days of the part asked for now. */
  requestedDays: number;
}

/**
 * ст. 125 ТК: a split annual leave keeps one part of at least 14 days. A new part of a working
 * year's annual leave is refused when neither it nor any earlier part of that year (recorded or
 * requested) reaches 14 days and the year's entitlement left after all of them is under 14 days,
 * so no such part could follow. Returns the days that would be left, or null when the part may be
 * granted. The parts are counted in charged days (public holidays inside are not days of leave).
 */
export function checkLongPart(input: PartsInput): { leftDays: number } | null {
  const parts = [...input.partDays, input.requestedDays];
  if (parts.some((days) => days >= LONG_PART_DAYS)) return null;
  const leftDays = input.entitledDays - parts.reduce((sum, days) => sum + days, 0);
  return leftDays >= LONG_PART_DAYS ? null : { leftDays };
}

export interface AnnualRequest {
  hireDate: string;
  entitlement: Entitlement;
  /** Every leave of the file and every open request, each with the days it is charged. */
  leaves: readonly LeaveSpan[];
  /** The annual leave asked for, with its charged days. */
  requested: LeaveSpan & { days: number };
  /** The organization allows annual leave beyond the balance (in advance). */
  allowInAdvance: boolean;
}

export type AnnualRequestProblem =
  | { rule: 'BALANCE'; availableDays: number }
  | { rule: 'LONG_PART'; year: WorkingYear; leftDays: number };

/**
 * What refuses a request for annual leave, or null:
 * - BALANCE: unless the organization allows leave in advance, the requested days may not exceed
 *   the days left in the request's pool (basic or additional) over the working years up to the one
 *   the leave starts in, each year entitled in full (ст. 122), once every annual leave already
 *   recorded or requested, before or after it, is charged.
 * - LONG_PART (ст. 125): `checkLongPart` over the working year the leave starts in, its parts being
 *   the annual leave (basic and additional) recorded or requested that starts in that year, and its
 *   entitlement the year's basic and additional days.
 */
export function checkAnnualRequest(request: AnnualRequest): AnnualRequestProblem | null {
  const { hireDate, entitlement, leaves, requested } = request;
  assertValid(requested);
  if (!isAnnual(requested.kind)) return null;
  if (!request.allowInAdvance) {
    const pool: Pool = requested.kind === 'ANNUAL_BASIC' ? 'basic' : 'additional';
    const balances = leaveBalance({
      hireDate,
      entitlement,
      leaves,
      asOf: requested.start,
      chargePlanned: true,
    });
    const available = balances.reduce((sum, balance) => sum + balance.remaining[pool], 0);
    if (requested.days > available + 1e-9) {
      return { rule: 'BALANCE', availableDays: Math.max(0, roundLeaveDays(available)) };
    }
  }
  const year = workingYears(hireDate, [...leaves, requested], requested.start).at(-1);
  if (year === undefined) return null;
  const partDays = leaves
    .filter((leave) => isAnnual(leave.kind) && leave.start >= year.start && leave.start <= year.end)
    .map((leave) => leave.days ?? leaveDays(leave));
  const short = checkLongPart({
    entitledDays: entitlement.basicDays + entitlement.additionalDays,
    partDays,
    requestedDays: requested.days,
  });
  return short === null ? null : { rule: 'LONG_PART', year, leftDays: short.leftDays };
}

/** SICK may overlap annual leave: the leave is extended or moved (ст. 124). Nothing else may. */
const mayOverlap = (a: LeaveSpan, b: LeaveSpan) =>
  (a.kind === 'SICK' && isAnnual(b.kind)) || (b.kind === 'SICK' && isAnnual(a.kind));

/**
 * Overlap check: the first pair of overlapping records, earlier start first, or null. Periods may
 * not share a day, except SICK with annual leave (ст. 124); SICK during unpaid leave, childcare or
 * maternity leave, or another SICK, is reported.
 */
export function findOverlap(records: readonly LeaveSpan[]): [LeaveSpan, LeaveSpan] | null {
  records.forEach(assertValid);
  const sorted = [...records].sort(
    (a, b) => compareDates(a.start, b.start) || compareDates(a.end, b.end),
  );
  for (let i = 0; i < sorted.length; i++) {
    const first = sorted[i]!;
    for (let j = i + 1; j < sorted.length && sorted[j]!.start <= first.end; j++) {
      if (!mayOverlap(first, sorted[j]!)) return [first, sorted[j]!];
    }
  }
  return null;
}
