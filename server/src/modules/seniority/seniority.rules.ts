/**
 * Seniority (стаж) from periods of work, as HR departments count it. Pure rules: no I/O, dates are
 * UTC day numbers inside and LocalDate strings (YYYY-MM-DD) outside.
 *
 * 1. Counted days are the union of the periods that are not `excluded`, minus the union of those
 *    that are, cut at the as-of date (inclusive). A day counts once however many periods cover it;
 *    periods that touch (one ends the day before the next starts, e.g. a transfer) join into one.
 * 2. Each run of counted days with factor 1 is counted by the calendar method: whole months from
 *    the first day to the day after the last, the rest in days. A month from the 15th is complete on
 *    the 15th of the next month (15 Jan 2020 – 14 Mar 2021 is 1 y 2 m 0 d). A month from a day
 *    the target month lacks (31st, 30th, 29 February) is complete on the 1st of the month after it:
 *    31 Jan – 29 Feb 2020 and 31 Jan – 28 Feb 2023 are each 1 month, 31 Mar – 29 Apr is 30 days,
 *    29 Feb 2024 – 28 Feb 2025 is 1 year. Months are always counted from the run's first day.
 * 3. A run with factor ≠ 1 counts floor(calendar days × factor) days, converted at 30 days a month,
 *    360 a year. Where periods with different factors overlap, a day counts at the highest one.
 * 4. The parts are summed and normalised: every 30 days make a month, every 12 months a year.
 */

/** A period of work (or, with `excluded`, of time that does not count); both ends inclusive. */
export interface SeniorityPeriod {
  start: string;
  /** Inclusive; null while the period goes on, i.e. up to the as-of date. */
  end: string | null;
  /** What each calendar day counts for (1.5: one year as one and a half); default 1. */
  factor?: number;
  /** Days that do not count (unpaid leave over the limit, childcare leave that is not counted). */
  excluded?: boolean;
}

/** Years, months and days as seniority is written: months under 12, days under 30. */
export interface Duration {
  years: number;
  months: number;
  days: number;
}

export interface SeniorityResult {
  /** Calendar days counted, after merging and excluding; not multiplied by any factor. */
  totalDays: number;
  /** The seniority by the calendar method and 30/360 normalisation described above. */
  duration: Duration;
}

interface ParsedPeriod {
  start: number;
  end: number | null;
  factor: number;
  excluded: boolean;
}

/** Counted days from `start` to `end` (day numbers, inclusive) that all count at `factor`. */
interface Span {
  start: number;
  end: number;
  factor: number;
}

const DAY_MS = 86_400_000;
const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;
/** The last date YYYY-MM-DD can write; dateReaching searches no further. */
const lastDay = dayNumber(9999, 11, 31);

/** Days since 1970-01-01 of a UTC date; month (0-based) and day may overflow into the next ones. */
function dayNumber(year: number, month: number, day: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month, day); // unlike Date.UTC, keeps years 0-99 as written
  return date.getTime() / DAY_MS;
}

function daysInMonth(year: number, month: number): number {
  return dayNumber(year, month + 1, 1) - dayNumber(year, month, 1);
}

/** The day number of a real calendar date written YYYY-MM-DD, or null. */
function parseDay(value: string): number | null {
  const match = datePattern.exec(value);
  if (!match) return null;
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month - 1)) return null;
  return dayNumber(year, month - 1, day);
}

function formatDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** `start` plus whole months; a day the target month lacks becomes the 1st of the month after. */
function addMonths(start: number, months: number): number {
  const date = new Date(start * DAY_MS);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + months; // may pass December; dayNumber carries it
  const day = date.getUTCDate();
  return day <= daysInMonth(year, month)
    ? dayNumber(year, month, day)
    : dayNumber(year, month + 1, 1);
}

/** Whole months from `start` to `endExclusive` (rule 2 above), then the days left over. */
function calendarDuration(start: number, endExclusive: number): Duration {
  const from = new Date(start * DAY_MS);
  const to = new Date(endExclusive * DAY_MS);
  // The calendar-month difference is never too small: start + (it + 1) months is past `to`'s month.
  let months =
    (to.getUTCFullYear() - from.getUTCFullYear()) * 12 + to.getUTCMonth() - from.getUTCMonth();
  while (months > 0 && addMonths(start, months) > endExclusive) months -= 1;
  const days = endExclusive - addMonths(start, months);
  return { years: Math.floor(months / 12), months: months % 12, days };
}

/** Days converted at 30 days a month and 12 months a year. */
function fromDays(days: number): Duration {
  return { years: Math.floor(days / 360), months: Math.floor((days % 360) / 30), days: days % 30 };
}

/** The sum of durations, every 30 days carried into a month and every 12 months into a year. */
function normalise(parts: readonly Duration[]): Duration {
  const days = parts.reduce((total, part) => total + part.days, 0);
  const months =
    parts.reduce((total, part) => total + part.years * 12 + part.months, 0) + Math.floor(days / 30);
  return { years: Math.floor(months / 12), months: months % 12, days: days % 30 };
}

/** Why a period cannot be counted (not a real date, end before start, bad factor), else null. */
export function checkPeriod(p: SeniorityPeriod): string | null {
  const start = parseDay(p.start);
  if (start === null) return `start ${JSON.stringify(p.start)} is not a calendar date YYYY-MM-DD`;
  if (p.end !== null) {
    const end = parseDay(p.end);
    if (end === null) return `end ${JSON.stringify(p.end)} is not a calendar date YYYY-MM-DD`;
    if (end < start) return `end ${p.end} is before start ${p.start}`;
  }
  const factor = p.factor ?? 1;
  if (!Number.isFinite(factor) || factor <= 0) return `factor ${factor} is not a positive number`;
  return null;
}

/** Validated periods as day numbers; a RangeError names the first bad one (1-based). */
function parsePeriods(periods: readonly SeniorityPeriod[]): ParsedPeriod[] {
  return periods.map((period, index) => {
    const problem = checkPeriod(period);
    if (problem !== null) throw new RangeError(`Seniority period ${index + 1}: ${problem}`);
    return {
      start: parseDay(period.start)!,
      end: period.end === null ? null : parseDay(period.end)!,
      factor: period.factor ?? 1,
      excluded: period.excluded ?? false,
    };
  });
}

function parseDate(value: string, name: string): number {
  const day = parseDay(value);
  if (day === null) throw new RangeError(`${name} ${JSON.stringify(value)} is not a LocalDate`);
  return day;
}

/** Counted days up to `asOf` as maximal runs of one factor (rules 1 and 3 above). */
function countedSpans(periods: readonly ParsedPeriod[], asOf: number): Span[] {
  const clipped = periods
    .filter((period) => period.start <= asOf)
    .map((period) => ({ ...period, end: Math.min(period.end ?? asOf, asOf) }));
  const cuts = [...new Set(clipped.flatMap((period) => [period.start, period.end + 1]))].sort(
    (a, b) => a - b,
  );
  const spans: Span[] = [];
  // Between two neighbouring cuts every period covers either all days or none.
  for (let index = 0; index + 1 < cuts.length; index += 1) {
    const [start, end] = [cuts[index]!, cuts[index + 1]! - 1];
    const covering = clipped.filter((period) => period.start <= start && end <= period.end);
    if (covering.length === 0 || covering.some((period) => period.excluded)) continue;
    const factor = Math.max(...covering.map((period) => period.factor));
    const last = spans.at(-1);
    if (last && last.end + 1 === start && last.factor === factor) last.end = end;
    else spans.push({ start, end, factor });
  }
  return spans;
}

function spanResult(spans: readonly Span[]): SeniorityResult {
  const parts = spans.map((span) => {
    const days = span.end - span.start + 1;
    if (span.factor === 1) return calendarDuration(span.start, span.end + 1);
    return fromDays(Math.floor(days * span.factor + 1e-9)); // 1e-9: 100 × 1.15 is 114.999…
  });
  const totalDays = spans.reduce((total, span) => total + span.end - span.start + 1, 0);
  return { totalDays, duration: normalise(parts) };
}

/** Seniority as of a date (inclusive): periods after asOf are ignored, open/longer ones are cut at asOf. */
export function seniorityAsOf(periods: readonly SeniorityPeriod[], asOf: string): SeniorityResult {
  return spanResult(countedSpans(parsePeriods(periods), parseDate(asOf, 'asOf')));
}

/**
 * Seniority on a date as a certificate states it («стаж по состоянию на D»): the days before D,
 * D itself not yet worked. Hired 2020-03-01, it is 5 y 0 m 0 d on 2025-03-01, the very date
 * `dateReaching(periods, 5, …)` names; this is what the portal shows and what a sick note that
 * opens on D is paid by (ст. 7 255-ФЗ counts the seniority before the illness).
 */
export function seniorityOn(periods: readonly SeniorityPeriod[], date: string): SeniorityResult {
  return spanResult(countedSpans(parsePeriods(periods), parseDate(date, 'date') - 1));
}

/** Merged, non-overlapping, sorted counted intervals (after excluding). */
export function mergePeriods(
  periods: readonly SeniorityPeriod[],
  asOf: string,
): { start: string; end: string }[] {
  const merged: { start: number; end: number }[] = [];
  for (const span of countedSpans(parsePeriods(periods), parseDate(asOf, 'asOf'))) {
    const last = merged.at(-1);
    if (last && last.end + 1 === span.start) last.end = span.end;
    else merged.push({ start: span.start, end: span.end });
  }
  return merged.map((span) => ({ start: formatDay(span.start), end: formatDay(span.end) }));
}

/**
 * The first date on or after `from` from which the seniority is `years` full years: the first D
 * with seniorityOn(periods, D).duration.years >= years (seniorityAsOf the day before), i.e. the day after the one that
 * completes them (hired 2020-03-01 → 2025-03-01). Ongoing periods count forward and future excluded
 * periods (planned leave) are taken off. `from` itself if already reached; null if never reached:
 * no ongoing counted period, or an ongoing excluded one, and the closed periods fall short.
 */
export function dateReaching(
  periods: readonly SeniorityPeriod[],
  years: number,
  from: string,
): string | null {
  if (!Number.isInteger(years) || years < 0) {
    throw new RangeError(`years ${years} is not a whole number of years`);
  }
  const parsed = parsePeriods(periods);
  const reached = (day: number) =>
    spanResult(countedSpans(parsed, day - 1)).duration.years >= years;
  let low = parseDate(from, 'from');
  if (reached(low)) return formatDay(low);
  let high = reachedBy(parsed, low, reached);
  if (high === null) return null;
  // Seniority never decreases as the date moves on, so bisect: `low` not reached, `high` is.
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (reached(middle)) high = middle;
    else low = middle;
  }
  return formatDay(high);
}

/** A day by which `reached` holds, found by doubling steps after the last given date; or null. */
function reachedBy(
  periods: readonly ParsedPeriod[],
  from: number,
  reached: (day: number) => boolean,
): number | null {
  // After the last date any period names, only ongoing periods change the count, and it grows only
  // while some counted period goes on and no excluded one does.
  const grows =
    periods.some((period) => period.end === null && !period.excluded) &&
    !periods.some((period) => period.end === null && period.excluded);
  const dates = periods.flatMap((period) => [period.start, period.end ?? period.start]);
  let probe = Math.min(Math.max(from, ...dates) + 1, lastDay);
  for (let step = 366; !reached(probe); step *= 2) {
    if (!grows || probe === lastDay) return null;
    probe = Math.min(probe + step, lastDay);
  }
  return probe;
}

/** Sick-pay percentage by insurance seniority (страховой стаж): under 5 years 60, 5 to under 8 years 80, 8+ years 100. */
export function sickPayPercent(duration: Duration): 60 | 80 | 100 {
  // Compared in 30/360 days (ст. 7 255-ФЗ), so a duration that is not normalised counts right.
  const days = duration.years * 360 + duration.months * 30 + duration.days;
  if (days >= 8 * 360) return 100;
  if (days >= 5 * 360) return 80;
  return 60;
}
