/** UTC day arithmetic on LocalDate strings (YYYY-MM-DD): no time zone can shift a date. */
export const DAY_MS = 86_400_000;

/** Milliseconds of a LocalDate's UTC midnight. */
export const parseLocalDate = (date: string): number => Date.parse(`${date}T00:00:00Z`);

/** The LocalDate of a UTC timestamp. */
export const formatLocalDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** The date `days` after (or before, when negative) `date`. */
export const addDays = (date: string, days: number): string =>
  formatLocalDate(parseLocalDate(date) + days * DAY_MS);

/** A number with leading zeros, for dates and codes. */
export const pad = (value: number, length = 2): string => String(value).padStart(length, '0');

/** A date as Russian text prints it: 2025-03-01 → 01.03.2025. */
export const ruDate = (date: string): string => date.split('-').reverse().join('.');
