import { describe, expect, it } from 'vitest';
import { fromScaled, toScaled } from '../../core/decimal.js';
import {
  achievement,
  checkRule,
  parsePeriod,
  periodOf,
  points,
  weightedTotal,
  mayEnterFact,
  readyToSubmit,
  weightsComplete,
  type IndicatorDirection,
  type ScoringRule,
} from './kpi.rules.js';

/** Every expected value below was worked out by hand. */

describe('achievement', () => {
  const cases: [IndicatorDirection, string, string, string][] = [
    // direction, plan, fact, achievement %
    ['HIGHER_BETTER', '100', '95', '95.00'],
    ['HIGHER_BETTER', '80', '100', '125.00'],
    ['HIGHER_BETTER', '3', '2', '66.67'], // 66.666…
    ['HIGHER_BETTER', '3', '1', '33.33'], // 33.333…
    ['HIGHER_BETTER', '800', '1', '0.13'], // 0.125 rounds half up
    ['HIGHER_BETTER', '12.5', '0', '0.00'],
    ['LOWER_BETTER', '5', '4', '125.00'], // fewer missed days than planned
    ['LOWER_BETTER', '5', '10', '50.00'],
    ['LOWER_BETTER', '5', '0', '200.00'], // none at all: twice the plan, by convention
    ['TARGET', '100', '90', '90.00'],
    ['TARGET', '100', '110', '90.00'], // overshooting deviates as much as falling short
    ['TARGET', '100', '250', '0.00'], // never below zero
    ['TARGET', '36', '35.5', '98.61'], // 100 − 0.5/36·100 = 98.6111…
  ];
  it.each(cases)('%s plan %s fact %s → %s %%', (direction, plan, fact, expected) => {
    expect(achievement(direction, plan, fact)).toBe(expected);
  });

  it('refuses a plan of zero and a negative fact', () => {
    expect(() => achievement('HIGHER_BETTER', '0', '5')).toThrow(RangeError);
    expect(() => achievement('HIGHER_BETTER', '5', '-1')).toThrow(RangeError);
  });
});

describe('points', () => {
  const linear: ScoringRule = { kind: 'LINEAR', maxPoints: '10', capPercent: '120' };
  const floored: ScoringRule = { ...linear, floorPercent: '50' };
  const bands: ScoringRule = {
    kind: 'BANDS',
    bands: [
      { fromPercent: '120', points: '15' },
      { fromPercent: '80', points: '5' },
      { fromPercent: '100', points: '10' },
    ],
  };
  const cases: [string, ScoringRule, string, string][] = [
    ['linear at plan', linear, '100', '10.00'],
    ['linear below plan', linear, '95', '9.50'],
    ['linear above the cap', linear, '130', '12.00'],
    ['linear, thirds', linear, '66.67', '6.67'], // 6.667
    ['linear below its floor', floored, '40', '0.00'],
    ['linear at its floor', floored, '50', '5.00'],
    ['bands below all', bands, '79.99', '0.00'],
    ['bands at a threshold', bands, '80', '5.00'],
    ['bands just under the next', bands, '99.99', '5.00'],
    ['bands at plan', bands, '100', '10.00'],
    ['bands over the top', bands, '150', '15.00'],
  ];
  it.each(cases)('%s', (_name, rule, percent, expected) => {
    expect(points(rule, percent)).toBe(expected);
  });
});

describe('the sheet', () => {
  it('totals points by weight', () => {
    expect(
      weightedTotal([
        { points: '10', weight: '50' },
        { points: '5', weight: '30' },
        { points: '0', weight: '20' },
      ]),
    ).toBe('6.50');
    // 9.5·0.6 + 6.67·0.4 = 5.7 + 2.668 = 8.368
    expect(
      weightedTotal([
        { points: '9.50', weight: '60' },
        { points: '6.67', weight: '40' },
      ]),
    ).toBe('8.37');
  });

  it('needs weights of exactly 100 %', () => {
    expect(weightsComplete(['60', '40'])).toBe(true);
    expect(weightsComplete(['33.33', '33.33', '33.33'])).toBe(false);
    expect(weightsComplete(['33.3333', '33.3333', '33.3334'])).toBe(true);
    expect(weightsComplete(['70', '40'])).toBe(false);
  });

  it.each([
    // started, status, service, employee, selfAssessed → may enter
    [true, 'DRAFT', false, true, true, true],
    [true, 'DRAFT', false, true, false, false],
    [true, 'SUBMITTED', false, true, true, false],
    [true, 'SUBMITTED', true, false, false, true],
    [true, 'AGREED', true, false, false, true],
    [true, 'APPROVED', true, false, true, false],
    [false, 'DRAFT', true, false, true, false],
    [true, 'DRAFT', false, false, true, false],
  ] as const)(
    'lets a fact be entered (begun %s, %s, service %s, own %s, self-assessed %s): %s',
    (started, status, service, employee, selfAssessed, expected) => {
      expect(mayEnterFact({ started, status, service, employee, selfAssessed })).toBe(expected);
    },
  );

  it('is ready to submit with every fact in and weights of 100 %', () => {
    expect(
      readyToSubmit([
        { fact: '3', weight: '60' },
        { fact: '0', weight: '40' },
      ]),
    ).toBe(true);
    expect(
      readyToSubmit([
        { fact: '3', weight: '60' },
        { fact: null, weight: '40' },
      ]),
    ).toBe(false);
    expect(
      readyToSubmit([
        { fact: '3', weight: '60' },
        { fact: '1', weight: '30' },
      ]),
    ).toBe(false);
    expect(readyToSubmit([])).toBe(false);
  });

  it('checks rules', () => {
    expect(checkRule({ kind: 'LINEAR', maxPoints: '10', capPercent: '120' })).toBeNull();
    expect(checkRule({ kind: 'LINEAR', maxPoints: '10', capPercent: '90' })).toMatch(/cap/);
    expect(checkRule({ kind: 'BANDS', bands: [] })).toMatch(/band/);
    expect(
      checkRule({
        kind: 'BANDS',
        bands: [
          { fromPercent: '80', points: '5' },
          { fromPercent: '80', points: '6' },
        ],
      }),
    ).toMatch(/threshold/);
  });
});

describe('decimals', () => {
  it.each([
    ['12.5', 125000n],
    ['-0.0001', -1n],
    ['0', 0n],
  ])('%s ↔ %s', (text, scaled) => {
    expect(toScaled(text)).toBe(scaled);
  });
  it('rounds half up at the places asked for', () => {
    expect(fromScaled(125n, 2)).toBe('0.01'); // 0.0125
    expect(fromScaled(-125n, 2)).toBe('-0.01');
    expect(fromScaled(150n, 2)).toBe('0.02'); // 0.0150
    expect(fromScaled(-49n, 2)).toBe('0.00'); // no negative zero
  });
  it('refuses more than 4 places', () => expect(() => toScaled('1.23456')).toThrow(RangeError));
});

describe('periods', () => {
  it('parses months, quarters and years', () => {
    expect(parsePeriod('2026-02')).toEqual({
      code: '2026-02',
      kind: 'MONTH',
      start: '2026-02-01',
      end: '2026-02-28',
    });
    expect(parsePeriod('2024-02')!.end).toBe('2024-02-29');
    expect(parsePeriod('2026-Q4')).toMatchObject({ start: '2026-10-01', end: '2026-12-31' });
    expect(parsePeriod('2026')).toMatchObject({ kind: 'YEAR', end: '2026-12-31' });
    expect(parsePeriod('2026-13')).toBeNull();
    expect(parsePeriod('26-01')).toBeNull();
  });
  it('finds the period of a date', () => {
    expect(periodOf('QUARTER', '2026-11-28').code).toBe('2026-Q4');
    expect(periodOf('MONTH', '2026-01-31').code).toBe('2026-01');
  });
});
