/**
 * Exact decimals of up to 4 places (plans, facts, weights, percents, leave days) as scaled
 * integers: ten-thousandths in a bigint, rounded half up when places are dropped. Never a float.
 */

export const SCALE = 4;
export const ONE = 10n ** BigInt(SCALE);

const decimalPattern = /^-?\d{1,12}(\.\d{1,4})?$/;

export const isDecimal = (value: string): boolean => decimalPattern.test(value);

/** A decimal string as an integer of ten-thousandths. */
export function toScaled(value: string): bigint {
  if (!isDecimal(value)) throw new RangeError(`Not a decimal with up to 4 places: ${value}`);
  const negative = value.startsWith('-');
  const [whole, fraction = ''] = (negative ? value.slice(1) : value).split('.');
  const scaled = BigInt(whole!) * ONE + BigInt(fraction.padEnd(SCALE, '0'));
  return negative ? -scaled : scaled;
}

/** Ten-thousandths as a decimal string with `places` places, rounded half up (away from zero). */
export function fromScaled(scaled: bigint, places = SCALE): string {
  const drop = 10n ** BigInt(SCALE - places);
  const negative = scaled < 0n;
  let magnitude = negative ? -scaled : scaled;
  magnitude = (magnitude + drop / 2n) / drop;
  const unit = 10n ** BigInt(places);
  const whole = magnitude / unit;
  const fraction = places > 0 ? `.${(magnitude % unit).toString().padStart(places, '0')}` : '';
  return `${negative && magnitude !== 0n ? '-' : ''}${whole}${fraction}`;
}
