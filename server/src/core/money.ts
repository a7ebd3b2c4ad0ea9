/** A money amount as a decimal string with at most two places: exact, never a float. */
export const moneyPattern = /^\d{1,12}(\.\d{1,2})?$/;

/** "4500.5" → "4500.50": the canonical form, by string arithmetic, never through a float. */
export function normalizeMoney(amount: string): string {
  const [whole = '0', fraction = ''] = amount.split('.');
  return `${BigInt(whole).toString()}.${fraction.padEnd(2, '0')}`;
}
