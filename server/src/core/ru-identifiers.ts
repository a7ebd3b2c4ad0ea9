/** Russian personal identifiers: check digits per their official algorithms. */

const digits = (value: string) => [...value].map(Number);

/** The two check digits of a СНИЛС from its first nine digits. */
export function snilsCheck(first9: string): string {
  const sum = digits(first9).reduce((total, digit, index) => total + digit * (9 - index), 0);
  const check =
    sum < 100 ? sum : sum === 100 || sum === 101 ? 0 : sum % 101 === 100 ? 0 : sum % 101;
  return String(check).padStart(2, '0');
}

/** A valid СНИЛС: 11 digits with correct check digits. */
export function isSnils(value: string): boolean {
  return /^\d{11}$/.test(value) && snilsCheck(value.slice(0, 9)) === value.slice(9);
}

const innWeights11 = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
const innWeights12 = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
const checkDigit = (values: number[], weights: number[]) =>
  (weights.reduce((total, weight, index) => total + weight * values[index]!, 0) % 11) % 10;

/** Completes a person's ИНН from its first ten digits. */
export function personalInnFrom(first10: string): string {
  const values = digits(first10);
  const eleventh = checkDigit(values, innWeights11);
  const twelfth = checkDigit([...values, eleventh], innWeights12);
  return `${first10}${eleventh}${twelfth}`;
}

/** A valid ИНН of a person: 12 digits with correct check digits. */
export function isPersonalInn(value: string): boolean {
  return /^\d{12}$/.test(value) && personalInnFrom(value.slice(0, 10)) === value;
}
