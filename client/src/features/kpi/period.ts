/** Periods of evaluation sheets ("2026-11", "2026-Q4", "2026") and exact decimals, as the server has them. */

export type PeriodKind = 'MONTH' | 'QUARTER' | 'YEAR';

export interface Period {
  kind: PeriodKind;
  year: number;
  /** Month 1–12 or quarter 1–4; 1 for a year. */
  index: number;
}

const pad = (value: number) => String(value).padStart(2, '0');

export function parsePeriod(code: string | null | undefined): Period | null {
  if (!code) return null;
  let match = /^(\d{4})-(\d{2})$/.exec(code);
  if (match) {
    const month = Number(match[2]);
    return month >= 1 && month <= 12
      ? { kind: 'MONTH', year: Number(match[1]), index: month }
      : null;
  }
  match = /^(\d{4})-Q([1-4])$/.exec(code);
  if (match) return { kind: 'QUARTER', year: Number(match[1]), index: Number(match[2]) };
  match = /^(\d{4})$/.exec(code);
  return match ? { kind: 'YEAR', year: Number(match[1]), index: 1 } : null;
}

export function periodCode(period: Period): string {
  if (period.kind === 'MONTH') return `${period.year}-${pad(period.index)}`;
  if (period.kind === 'QUARTER') return `${period.year}-Q${period.index}`;
  return String(period.year);
}

/** The period `delta` steps away, of the same kind. */
export function shiftPeriod(period: Period, delta: number): Period {
  const perYear = period.kind === 'MONTH' ? 12 : period.kind === 'QUARTER' ? 4 : 1;
  const ordinal = period.year * perYear + (period.index - 1) + delta;
  return {
    kind: period.kind,
    year: Math.floor(ordinal / perYear),
    index: (((ordinal % perYear) + perYear) % perYear) + 1,
  };
}

/** This month's code from today's 'YYYY-MM-DD'. */
export const monthOf = (date: string): string => date.slice(0, 7);

/** The period a `?period=` parameter names, else this month. */
export function periodOrCurrent(value: string | null, today: string): Period {
  return parsePeriod(value) ?? parsePeriod(monthOf(today))!;
}

const SCALE = 4;
const ONE = 10n ** BigInt(SCALE);
const decimalPattern = /^\d{1,12}(\.\d{1,4})?$/;

/** What a person typed as a non-negative decimal ("12,5" too), or null when it is not one. */
export function normalizeDecimal(input: string): string | null {
  const value = input.trim().replace(',', '.').replace(/\s/g, '');
  return decimalPattern.test(value) ? value : null;
}

/** A decimal string as an integer of ten-thousandths. */
export function toScaled(value: string): bigint {
  const [whole = '0', fraction = ''] = value.split('.');
  return BigInt(whole) * ONE + BigInt(fraction.padEnd(SCALE, '0'));
}

/** Ten-thousandths as a short decimal string ("100", "33.5"). */
export function fromScaled(scaled: bigint): string {
  const whole = scaled / ONE;
  const fraction = (scaled % ONE).toString().padStart(SCALE, '0').replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : String(whole);
}

/** The exact sum of decimals; null when any of them is not a number. */
export function sumDecimals(values: readonly string[]): string | null {
  let total = 0n;
  for (const value of values) {
    const normal = normalizeDecimal(value);
    if (normal === null) return null;
    total += toScaled(normal);
  }
  return fromScaled(total);
}
