/** A money amount as a decimal string with at most two places: exact, never a float. */
export const moneyPattern = /^\d{1,12}(\.\d{1,2})?$/;
/** The largest amount Money (and a numeric(14,2) column) holds: 999 999 999 999.99 ₽. */
export const MAX_KOPECKS = 10n ** 14n - 1n;

/** "4500.5" → "4500.50": the canonical form, by string arithmetic, never through a float. */
export function normalizeMoney(amount: string): string {
  const [whole = '0', fraction = ''] = amount.split('.');
  return `${BigInt(whole).toString()}.${fraction.padEnd(2, '0')}`;
}

/** Kopecks of a canonical or short amount ("-12.5" → -1250n): arithmetic on money is integer. */
export function toKopecks(amount: string): bigint {
  const small = smallKopecks(amount);
  if (small !== null) return BigInt(small);
  const negative = amount.startsWith('-');
  const [whole = '0', fraction = ''] = (negative ? amount.slice(1) : amount).split('.');
  const kopecks = BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0').slice(0, 2) || '0');
  return negative ? -kopecks : kopecks;
}

/** The canonical decimal string of an amount in kopecks (-1250n → "-12.50"). */
export function fromKopecks(kopecks: bigint): string {
  const negative = kopecks < 0n;
  const magnitude = negative ? -kopecks : kopecks;
  const text = `${magnitude / 100n}.${String(magnitude % 100n).padStart(2, '0')}`;
  return negative ? `-${text}` : text;
}

const canonical = /^-?(0|[1-9]\d*)\.\d\d$/;

/**
 * The canonical form of an amount with at most two places, sign kept ("4500.5" → "4500.50",
 * "-0.5" → "-0.50", "007" → "7.00"); one already canonical comes back as it is.
 */
export function canonicalDecimal(amount: string): string {
  if (canonical.test(amount) && amount !== '-0.00') return amount;
  return fromKopecks(toKopecks(amount));
}

/**
 * Kopecks of an amount of at most 15 digits and two places as an exact integer Number (below
 * 2^53), read digit by digit; null for anything else, which takes the BigInt way. An import checks
 * millions of amounts, and parsing each through split and BigInt took most of its checking time.
 */
function smallKopecks(amount: string): number | null {
  const length = amount.length;
  let index = amount.charCodeAt(0) === 45 ? 1 : 0;
  const negative = index === 1;
  let value = 0;
  let digits = 0;
  let places = -1;
  for (; index < length; index += 1) {
    const code = amount.charCodeAt(index);
    if (code === 46) {
      if (places >= 0 || digits === 0) return null;
      places = 0;
      continue;
    }
    if (code < 48 || code > 57 || digits === 15 || places === 2) return null;
    value = value * 10 + (code - 48);
    digits += 1;
    if (places >= 0) places += 1;
  }
  if (digits === 0 || places === 0) return null;
  const kopecks = places === 2 ? value : places === 1 ? value * 10 : value * 100;
  return negative ? -kopecks : kopecks;
}
