import { describe, expect, it } from 'vitest';
import { isLocalDate } from './scalars.js';

/** The former rule: the pattern, then a Date that must give the same year, month and day back. */
function byDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

describe('isLocalDate', () => {
  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['1900-02-29', false],
    ['2000-02-29', true],
    ['2026-04-31', false],
    ['2026-12-31', true],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['2026-01-00', false],
    ['0099-01-01', false],
    ['0100-01-01', true],
    ['2026-1-01', false],
    ['2026-01-01T00:00', false],
    ['２026-01-01', false],
    ['2026/01/01', false],
    ['', false],
  ])('%j is %s', (value, expected) => {
    expect(isLocalDate(value)).toBe(expected);
  });

  it('agrees with the Date-based rule on every day of four centuries and their neighbours', () => {
    for (let year = 1800; year <= 2200; year += 1)
      for (let month = 0; month <= 13; month += 1)
        for (let day = 0; day <= 32; day += 1) {
          const value = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
          expect(isLocalDate(value)).toBe(byDate(value));
        }
  });
});
