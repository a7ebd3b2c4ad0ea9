/** A money amount as a decimal string with at most two places: exact, never a float. */
export const moneyPattern = /^\d{1,12}(\.\d{1,2})?$/;

/** "4500.5" → "4500.50": the canonical form, by string arithmetic, never through a float. */
export function normalizeMoney(amount: string): string {
  const [whole = '0', fraction = ''] = amount.split('.');
  return `${BigInt(whole).toString()}.${fraction.padEnd(2, '0')}`;
}

/** Kopecks of a canonical or short amount ("-12.5" → -1250n): arithmetic on money is integer. */
export function toKopecks(amount: string): bigint {
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
