/**
 * Scoring of performance indicators (показатели эффективности деятельности) as budget institutions'
 * оценочные листы do it: the achievement of a plan in percent, turned into points by the indicator's
 * rule, and the sheet's total as the weighted sum of the points. Pure functions over exact decimals:
 * values are decimal strings, computed as scaled integers (4 places) with half-up rounding, so the
 * same sheet always scores the same to the last digit.
 */

import { fromScaled, isDecimal, ONE, toScaled } from '../../core/decimal.js';

/** How the fact compares to the plan. */
export const IndicatorDirections = ['HIGHER_BETTER', 'LOWER_BETTER', 'TARGET'] as const;
export type IndicatorDirection = (typeof IndicatorDirections)[number];

/** Achievement (percent) → points. */
export type ScoringRule =
  /** `maxPoints` at 100 %, proportionally below and above, capped at `capPercent`; 0 below `floorPercent`. */
  | { kind: 'LINEAR'; maxPoints: string; capPercent: string; floorPercent?: string }
  /** The points of the highest band whose `fromPercent` the achievement reaches; 0 below all. */
  | { kind: 'BANDS'; bands: { fromPercent: string; points: string }[] };

const HUNDRED = 100n * ONE;

/** a / b in ten-thousandths, rounded half up; both in ten-thousandths, b > 0. */
function divide(a: bigint, b: bigint): bigint {
  const negative = a < 0n;
  const magnitude = negative ? -a : a;
  const quotient = (magnitude * ONE * 2n + b) / (2n * b);
  return negative ? -quotient : quotient;
}

const multiply = (a: bigint, b: bigint): bigint => {
  const product = a * b;
  const negative = product < 0n;
  const magnitude = negative ? -product : product;
  const rounded = (magnitude + ONE / 2n) / ONE;
  return negative ? -rounded : rounded;
};

const min = (a: bigint, b: bigint) => (a < b ? a : b);
const max = (a: bigint, b: bigint) => (a > b ? a : b);

/**
 * Achievement of the plan, in percent with 2 places. HIGHER_BETTER: fact / plan; LOWER_BETTER:
 * plan / fact (a fact of 0 is full achievement twice over, 200 %); TARGET: 100 % less the relative
 * deviation either way, not below 0. The plan must be positive.
 */
export function achievement(direction: IndicatorDirection, plan: string, fact: string): string {
  const p = toScaled(plan);
  const f = toScaled(fact);
  if (p <= 0n) throw new RangeError('The plan must be positive');
  if (f < 0n) throw new RangeError('The fact cannot be negative');
  let percent: bigint;
  if (direction === 'HIGHER_BETTER') percent = divide(f * 100n, p);
  else if (direction === 'LOWER_BETTER') percent = f === 0n ? 2n * HUNDRED : divide(p * 100n, f);
  else {
    const deviation = divide((f > p ? f - p : p - f) * 100n, p);
    percent = max(0n, HUNDRED - deviation);
  }
  return fromScaled(percent, 2);
}

/** Points for an achievement (percent) under a rule, with 2 places. */
export function points(rule: ScoringRule, achievementPercent: string): string {
  const a = toScaled(achievementPercent);
  if (rule.kind === 'LINEAR') {
    const floor = rule.floorPercent ? toScaled(rule.floorPercent) : 0n;
    if (a < floor) return '0.00';
    const capped = min(a, toScaled(rule.capPercent));
    return fromScaled(divide(multiply(capped, toScaled(rule.maxPoints)), HUNDRED), 2);
  }
  let result = 0n;
  for (const band of [...rule.bands].sort((x, y) =>
    toScaled(x.fromPercent) < toScaled(y.fromPercent) ? -1 : 1,
  )) {
    if (a >= toScaled(band.fromPercent)) result = toScaled(band.points);
  }
  return fromScaled(result, 2);
}

/** The sheet's score: the sum of each indicator's points times its weight (percent), 2 places. */
export function weightedTotal(rows: readonly { points: string; weight: string }[]): string {
  const total = rows.reduce(
    (sum, row) => sum + divide(multiply(toScaled(row.points), toScaled(row.weight)), HUNDRED),
    0n,
  );
  return fromScaled(total, 2);
}

/** Whether the weights of a sheet make exactly 100 %. */
export const weightsComplete = (weights: readonly string[]): boolean =>
  weights.reduce((sum, weight) => sum + toScaled(weight), 0n) === HUNDRED;

/**
 * Who may enter a fact: once the period has begun and until the sheet is approved, the manager,
 * HR and the integration any; the employee their self-assessed ones while the sheet is a draft.
 */
export function mayEnterFact(input: {
  started: boolean;
  status: 'DRAFT' | 'SUBMITTED' | 'AGREED' | 'APPROVED';
  service: boolean;
  employee: boolean;
  selfAssessed: boolean;
}): boolean {
  if (!input.started || input.status === 'APPROVED') return false;
  return input.service || (input.employee && input.status === 'DRAFT' && input.selfAssessed);
}

/** A sheet may be submitted once every fact is in and the weights make 100 %. */
export const readyToSubmit = (
  values: readonly { fact: string | null; weight: string }[],
): boolean =>
  values.every((value) => value.fact !== null) &&
  weightsComplete(values.map((value) => value.weight));

/** Why a rule is unusable, or null: bands need rising thresholds, points are not negative. */
export function checkRule(rule: ScoringRule): string | null {
  if (rule.kind === 'LINEAR') {
    for (const value of [rule.maxPoints, rule.capPercent, rule.floorPercent ?? '0']) {
      if (!isDecimal(value) || toScaled(value) < 0n) return `Not a non-negative number: ${value}`;
    }
    if (toScaled(rule.capPercent) < HUNDRED) return 'The cap is at least 100 %';
    return null;
  }
  if (rule.bands.length === 0) return 'At least one band';
  for (const band of rule.bands) {
    if (!isDecimal(band.fromPercent) || !isDecimal(band.points) || toScaled(band.points) < 0n) {
      return 'Bands need a threshold and non-negative points';
    }
  }
  const thresholds = rule.bands.map((band) => toScaled(band.fromPercent));
  if (new Set(thresholds).size !== thresholds.length) return 'Each band its own threshold';
  return null;
}

/** Periods of evaluation: `2026-11`, `2026-Q4`, `2026`. */
export const PeriodKinds = ['MONTH', 'QUARTER', 'YEAR'] as const;
export type PeriodKind = (typeof PeriodKinds)[number];

export interface Period {
  code: string;
  kind: PeriodKind;
  start: string;
  /** Inclusive. */
  end: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** A period code parsed, or null when it is not one. */
export function parsePeriod(code: string): Period | null {
  let match = /^(\d{4})-(\d{2})$/.exec(code);
  if (match) {
    const [year, month] = [Number(match[1]), Number(match[2])];
    if (month < 1 || month > 12) return null;
    return {
      code,
      kind: 'MONTH',
      start: `${year}-${pad(month)}-01`,
      end: `${year}-${pad(month)}-${pad(lastDay(year, month))}`,
    };
  }
  match = /^(\d{4})-Q([1-4])$/.exec(code);
  if (match) {
    const [year, quarter] = [Number(match[1]), Number(match[2])];
    const first = (quarter - 1) * 3 + 1;
    return {
      code,
      kind: 'QUARTER',
      start: `${year}-${pad(first)}-01`,
      end: `${year}-${pad(first + 2)}-${pad(lastDay(year, first + 2))}`,
    };
  }
  match = /^(\d{4})$/.exec(code);
  if (match) return { code, kind: 'YEAR', start: `${match[1]}-01-01`, end: `${match[1]}-12-31` };
  return null;
}

/** The period of `kind` that holds `date`. */
export function periodOf(kind: PeriodKind, date: string): Period {
  const [year, month] = [Number(date.slice(0, 4)), Number(date.slice(5, 7))];
  const code =
    kind === 'MONTH'
      ? `${year}-${pad(month)}`
      : kind === 'QUARTER'
        ? `${year}-Q${Math.ceil(month / 3)}`
        : `${year}`;
  return parsePeriod(code)!;
}
