import { describe, expect, it } from 'vitest';
import { canonicalDecimal, fromKopecks, moneyPattern, normalizeMoney, toKopecks } from './money.js';

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

describe('kopecks', () => {
  it.each([
    ['0', 0n],
    ['12.5', 1250n],
    ['-12.5', -1250n],
    ['-0.05', -5n],
    ['007.1', 710n],
    ['999999999999.99', 99999999999999n],
    // 16 digits: past the exact Number range, read with BigInt.
    ['99999999999999.99', 9999999999999999n],
    ['-99999999999999.99', -9999999999999999n],
    // More than two places are cut, as before.
    ['1.239', 123n],
    ['12.', 1200n],
  ])('reads %s as %s kopecks', (input, expected) => {
    expect(toKopecks(input)).toBe(expected);
  });

  it('reads every amount the fast way as the BigInt way does', () => {
    const slow = (amount: string) => {
      const negative = amount.startsWith('-');
      const [whole = '0', fraction = ''] = (negative ? amount.slice(1) : amount).split('.');
      const kopecks = BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0').slice(0, 2) || '0');
      return negative ? -kopecks : kopecks;
    };
    for (let i = 0; i < 5000; i += 1) {
      const whole = String(Math.floor(Math.random() * 10 ** (1 + (i % 13))));
      const places = i % 3;
      const fraction = places ? `.${String(i % 10 ** places).padStart(places, '0')}` : '';
      const amount = `${i % 4 === 0 ? '-' : ''}${whole}${fraction}`;
      expect(toKopecks(amount)).toBe(slow(amount));
    }
  });

  it.each([
    ['4500.5', '4500.50'],
    ['4500.50', '4500.50'],
    ['-0.5', '-0.50'],
    ['-0.00', '0.00'],
    ['007', '7.00'],
    ['-12.05', '-12.05'],
  ])('writes %s canonically as %s', (input, expected) => {
    expect(canonicalDecimal(input)).toBe(expected);
  });

  it('turns kopecks back into the amount they came from', () => {
    for (const amount of ['0.00', '0.01', '-0.01', '38500.00', '-123456789012.34'])
      expect(fromKopecks(toKopecks(amount))).toBe(amount);
  });
});
