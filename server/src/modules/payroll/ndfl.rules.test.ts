import { describe, expect, it } from 'vitest';
import { fromKopecks, toKopecks } from '../../core/money.js';
import { cumulativeNdfl, ndflBrackets, ndflOnIncome, ndflToWithhold } from './ndfl.rules.js';

const rub = (amount: string) => toKopecks(amount.replace(/\s/g, ''));

describe('ndflOnIncome', () => {
  // Every answer by hand: each rate on the part of the income inside its bracket, the sum rounded
  // once to whole roubles (п. 6 ст. 52 НК РФ: under 50 kopecks dropped, 50 and more a rouble).
  it.each([
    // ст. 224 п. 1 НК РФ (ред. № 176-ФЗ), from 2025: 13 % to 2.4 M, 15 % to 5 M, 18 % to 20 M, 20 % to 50 M, 22 % above.
    [
      '2025: just under 2.4 M, 13 %: 311 999.9987 → 312 000 (п. 6 ст. 52)',
      2025,
      '2 399 999.99',
      '312 000',
    ],
    ['2025: exactly 2.4 M, all at 13 %: 312 000', 2025, '2 400 000.00', '312 000'],
    ['2025: one kopeck over 2.4 M: 312 000 + 0.0015 → 312 000', 2025, '2 400 000.01', '312 000'],
    [
      '2025: 3.34 over 2.4 M at 15 %: 0.501 → 312 001 (at 13 % 0.4342 would drop)',
      2025,
      '2 400 003.34',
      '312 001',
    ],
    ['2025: exactly 5 M: 312 000 + 15 % × 2.6 M = 702 000', 2025, '5 000 000.00', '702 000'],
    ['2025: one kopeck over 5 M: 702 000 + 0.0018 → 702 000', 2025, '5 000 000.01', '702 000'],
    [
      '2025: 2.78 over 5 M at 18 %: 0.5004 → 702 001 (at 15 % 0.417 would drop)',
      2025,
      '5 000 002.78',
      '702 001',
    ],
    ['2025: 6 M: 702 000 + 18 % × 1 M = 882 000', 2025, '6 000 000.00', '882 000'],
    ['2025: exactly 20 M: 702 000 + 18 % × 15 M = 3 402 000', 2025, '20 000 000.00', '3 402 000'],
    [
      '2025: one kopeck over 20 M: 3 402 000 + 0.002 → 3 402 000',
      2025,
      '20 000 000.01',
      '3 402 000',
    ],
    [
      '2025: 2.50 over 20 M at 20 %: exactly 0.50 → a rouble (at 18 % 0.45)',
      2025,
      '20 000 002.50',
      '3 402 001',
    ],
    ['2025: exactly 50 M: 3 402 000 + 20 % × 30 M = 9 402 000', 2025, '50 000 000.00', '9 402 000'],
    [
      '2025: one kopeck over 50 M: 9 402 000 + 0.0022 → 9 402 000',
      2025,
      '50 000 000.01',
      '9 402 000',
    ],
    [
      '2025: 2.28 over 50 M at 22 %: 0.5016 → 9 402 001 (at 20 % 0.456)',
      2025,
      '50 000 002.28',
      '9 402 001',
    ],
    ['2025: 60 M: 9 402 000 + 22 % × 10 M = 11 602 000', 2025, '60 000 000.00', '11 602 000'],
    ['2026: the same five brackets: exactly 2.4 M', 2026, '2 400 000.00', '312 000'],
    // ст. 224 п. 1 НК РФ (ред. № 372-ФЗ), 2021–2024: 13 % to 5 M, 15 % above.
    ['2024: 2.4 M is all at 13 %: 312 000', 2024, '2 400 000.00', '312 000'],
    ['2024: 2.4 M + 3.34 still at 13 %: 312 000.4342 → 312 000', 2024, '2 400 003.34', '312 000'],
    ['2024: exactly 5 M: 650 000', 2024, '5 000 000.00', '650 000'],
    ['2024: one kopeck over 5 M: 650 000.0015 → 650 000', 2024, '5 000 000.01', '650 000'],
    ['2024: 3.34 over 5 M at 15 %: 0.501 → 650 001', 2024, '5 000 003.34', '650 001'],
    ['2024: 6 M: 650 000 + 15 % × 1 M = 800 000', 2024, '6 000 000.00', '800 000'],
    ['2023: 6 M by the 2021 rule: 800 000', 2023, '6 000 000.00', '800 000'],
    // ст. 224 п. 1 НК РФ before № 372-ФЗ: 13 % flat.
    ['2020: 6 M all at 13 %: 780 000', 2020, '6 000 000.00', '780 000'],
    // п. 6 ст. 52 НК РФ: the rounding itself.
    ['no income, no tax', 2025, '0.00', '0'],
    ['3.84 × 13 % = 0.4992: under 50 kopecks, dropped', 2025, '3.84', '0'],
    ['3.85 × 13 % = 0.5005: 50 kopecks and more, a rouble', 2025, '3.85', '1'],
    ['3 850 × 13 % = 500.50: exactly 50 kopecks, rounded up', 2025, '3 850.00', '501'],
    ['3 849.99 × 13 % = 500.4987: dropped', 2025, '3 849.99', '500'],
    ['78 000 × 13 % = 10 140: already whole', 2025, '78 000.00', '10 140'],
  ])('%s', (_name, year, income, tax) => {
    expect(fromKopecks(ndflOnIncome(year, rub(income)))).toBe(fromKopecks(rub(tax)));
  });

  it('has five brackets from 2025, two in 2021–2024 and one before (ст. 224 НК РФ)', () => {
    expect(ndflBrackets(2025).map((b) => b.rate)).toEqual([13n, 15n, 18n, 20n, 22n]);
    expect(ndflBrackets(2024).map((b) => b.rate)).toEqual([13n, 15n]);
    expect(ndflBrackets(2020).map((b) => b.rate)).toEqual([13n]);
  });
});

describe('cumulativeNdfl', () => {
  // п. 3 ст. 226 НК РФ: each month withholds the tax on the year-to-date income less what was
  // withheld; the year-to-date tax is rounded (п. 6 ст. 52), not each month's own.
  it.each([
    {
      name: '10 003.85 a month: 1300.5005 rounds up in January, the year-to-date 2601.001 down in February',
      // YTD 10 003.85 → 1 301; 20 007.70 → 2 601 (− 1 301 = 1 300); 30 011.55 → 3 902 (− 2 601 = 1 301).
      // Rounded month by month it would be 1 301 every month, 3 903 in all.
      year: 2025,
      months: ['10 003.85', '10 003.85', '10 003.85'],
      withheld: ['1 301', '1 300', '1 301'],
    },
    {
      name: '3.85 a month: a rouble every other month, not every month',
      // YTD 3.85 → 0.5005 → 1; 7.70 → 1.001 → 1 (0); 11.55 → 1.5015 → 2 (1); 15.40 → 2.002 → 2 (0).
      year: 2025,
      months: ['3.85', '3.85', '3.85', '3.85'],
      withheld: ['1', '0', '1', '0'],
    },
    {
      name: '250 000 a month in 2025: 15 % from the month the year passes 2.4 M (ст. 224)',
      // Jan–Sep: 13 % × 250 000 = 32 500. Oct: YTD 2.5 M → 312 000 + 15 000 = 327 000 − 292 500
      // = 34 500. Nov: 2.75 M → 364 500 (37 500). Dec: 3 M → 402 000 (37 500).
      year: 2025,
      months: Array<string>(12).fill('250 000'),
      withheld: [...Array<string>(9).fill('32 500'), '34 500', '37 500', '37 500'],
    },
    {
      name: '250 000 a month in 2024: 13 % all year, 5 M is not reached (ст. 224 ред. № 372-ФЗ)',
      year: 2024,
      months: Array<string>(12).fill('250 000'),
      withheld: Array<string>(12).fill('32 500'),
    },
    {
      name: 'a month crossing 2.4 M by 3.35: the 15 % part makes the rouble month rounding would drop',
      // Jan: 2 399 999.99 → 311 999.9987 → 312 000. Feb: YTD 2 400 003.34 → 312 000 + 0.501 → 312 001
      // (1). On its own at 13 %, 3.35 × 13 % = 0.4355 would round to 0.
      year: 2025,
      months: ['2 399 999.99', '3.35'],
      withheld: ['312 000', '1'],
    },
    {
      name: 'income reversed by a recalculation: the excess withheld comes back (ст. 231)',
      // Jan: 10 000 → 1 300. Feb: YTD 5 000 → 650 − 1 300 = − 650.
      year: 2025,
      months: ['10 000', '-5 000'],
      withheld: ['1 300', '-650'],
    },
  ])('$name', ({ year, months, withheld }) => {
    expect(cumulativeNdfl(year, months.map(rub)).map(fromKopecks)).toEqual(
      withheld.map((amount) => fromKopecks(rub(amount))),
    );
  });

  it('withholds the tax to date less what was withheld (п. 3 ст. 226 НК РФ)', () => {
    // 2 500 000 in 2025 → 327 000; 292 500 withheld before → 34 500 now.
    expect(ndflToWithhold(2025, rub('2 500 000'), rub('292 500'))).toBe(rub('34 500'));
  });
});
