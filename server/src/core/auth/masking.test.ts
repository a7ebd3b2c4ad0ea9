import { describe, expect, it } from 'vitest';
import { formatSnils, maskSnils, maskTail } from './masking.js';

describe('masking', () => {
  it.each([
    ['123456789012', 2, '**********12'],
    ['14 15', 0, '*****'],
    ['654321', 2, '****21'],
    ['1', 2, '1'],
  ])('maskTail(%s, %i) = %s', (value, visible, expected) => {
    expect(maskTail(value, visible)).toBe(expected);
  });

  it('masks СНИЛС to its check digits and prints it in full in the usual form', () => {
    expect(maskSnils('11223344595')).toBe('***-***-*** 95');
    expect(formatSnils('11223344595')).toBe('112-233-445 95');
  });
});
