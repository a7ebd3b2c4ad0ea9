/**
 * НДФЛ on wages (налоговые резиденты, основная налоговая база). Pure rules, money in kopecks.
 *
 * - Rates by the year's annual income (ст. 224 НК РФ): 13 % flat before 2021; 13 % up to 5 M ₽ and
 *   15 % above in 2021–2024 (№ 372-ФЗ от 23.11.2020); since 2025 13 % up to 2.4 M, 15 % to 5 M,
 *   18 % to 20 M, 20 % to 50 M, 22 % above (№ 176-ФЗ от 12.07.2024). Each rate applies to the part
 *   of the income inside its bracket only.
 * - The employer computes the tax cumulatively from the start of the year (п. 3 ст. 226): the tax on
 *   the year-to-date income less the tax already withheld this year.
 * - The tax is in whole roubles (п. 6 ст. 52): under 50 kopecks dropped, 50 kopecks and more a
 *   rouble. It is the year-to-date tax that is rounded, so a month's own figure may differ from its
 *   income × rate by a rouble either way.
 */

export interface NdflBracket {
  /** The upper edge of the bracket's annual income in kopecks (inclusive); null for the last. */
  upTo: bigint | null;
  /** Percent on the part of the income inside the bracket. */
  rate: bigint;
}

const million = 100_000_000n; // 1 000 000 ₽ in kopecks

const flat: readonly NdflBracket[] = [{ upTo: null, rate: 13n }];
const from2021: readonly NdflBracket[] = [
  { upTo: 5n * million, rate: 13n },
  { upTo: null, rate: 15n },
];
const from2025: readonly NdflBracket[] = [
  { upTo: (24n * million) / 10n, rate: 13n },
  { upTo: 5n * million, rate: 15n },
  { upTo: 20n * million, rate: 18n },
  { upTo: 50n * million, rate: 20n },
  { upTo: null, rate: 22n },
];

/** The brackets of ст. 224 НК РФ in force in `year`. */
export function ndflBrackets(year: number): readonly NdflBracket[] {
  if (year >= 2025) return from2025;
  if (year >= 2021) return from2021;
  return flat;
}

/** Kopecks to whole roubles in kopecks by п. 6 ст. 52 НК РФ; `exact` in hundredths of a kopeck. */
function wholeRoubles(exact: bigint): bigint {
  return ((exact + 5_000n) / 10_000n) * 100n;
}

/**
 * The tax on a year's income to date (kopecks), in whole roubles as kopecks: each bracket's rate on
 * the part of the income inside it, the sum rounded once. Nothing on no income.
 */
export function ndflOnIncome(year: number, income: bigint): bigint {
  if (income <= 0n) return 0n;
  let exact = 0n; // hundredths of a kopeck: kopecks × percent
  let lower = 0n;
  for (const { upTo, rate } of ndflBrackets(year)) {
    const top = upTo === null || income < upTo ? income : upTo;
    if (top > lower) exact += (top - lower) * rate;
    if (upTo === null || income <= upTo) break;
    lower = upTo;
  }
  return wholeRoubles(exact);
}

/**
 * What to withhold now (п. 3 ст. 226 НК РФ): the tax on the year's income to date, this payment's
 * included, less what was withheld this year. Negative when more was withheld than is due: the
 * excess the employer returns (ст. 231).
 */
export function ndflToWithhold(year: number, incomeToDate: bigint, withheldToDate: bigint): bigint {
  return ndflOnIncome(year, incomeToDate) - withheldToDate;
}

/** The withholding of each month of one year, given each month's income (kopecks). */
export function cumulativeNdfl(year: number, monthlyIncome: readonly bigint[]): bigint[] {
  let income = 0n;
  let withheld = 0n;
  return monthlyIncome.map((month) => {
    income += month;
    const tax = ndflToWithhold(year, income, withheld);
    withheld += tax;
    return tax;
  });
}
