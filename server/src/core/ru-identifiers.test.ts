import { describe, expect, it } from 'vitest';
import { isPersonalInn, isSnils, personalInnFrom, snilsCheck } from './ru-identifiers.js';

describe('СНИЛС', () => {
  it.each([
    ['112233445', '95'], // the usual published example
    ['001001998', '64'], // sum under 100 is the check number itself
    ['920000003', '00'], // sum 100
    ['920000004', '00'], // sum 101
    ['999999999', '01'], // 405 mod 101
    ['996100000', '00'], // 201 mod 101 = 100
  ])('check digits of %s are %s', (first9, check) => {
    expect(snilsCheck(first9)).toBe(check);
  });

  it('accepts valid numbers and refuses a changed digit', () => {
    expect(isSnils('11223344595')).toBe(true);
    expect(isSnils('11223344596')).toBe(false);
    expect(isSnils('1122334459')).toBe(false);
  });
});

describe('ИНН of a person', () => {
  it('computes both check digits', () => {
    expect(personalInnFrom('7707083893')).toHaveLength(12);
    expect(isPersonalInn('500100732259')).toBe(true);
    expect(isPersonalInn('500100732258')).toBe(false);
  });
});
