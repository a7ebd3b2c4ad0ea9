import { describe, expect, it } from 'vitest';
import { moneyPattern, normalizeMoney } from './money.js';

describe('money', () => {
  it.each([
    ['4500.5', '4500.50'],
    ['4500', '4500.00'],
    ['0.07', '0.07'],
    ['007.1', '7.10'],
    ['999999999999.99', '999999999999.99'],
  ])('normalizes %s to %s', (input, expected) => {
    expect(moneyPattern.test(input)).toBe(true);
    expect(normalizeMoney(input)).toBe(expected);
  });

  it.each(['45,00', '1.234', '-5', '1e3', ''])('refuses %j', (input) => {
    expect(moneyPattern.test(input)).toBe(false);
  });
});
