/** СНИЛС shown as `***-***-*** 45`: the check digits only. */
export function maskSnils(snils: string): string {
  return `***-***-*** ${snils.slice(-2)}`;
}

/** СНИЛС in its printed form, `123-456-789 01`. */
export function formatSnils(snils: string): string {
  return snils.length === 11
    ? `${snils.slice(0, 3)}-${snils.slice(3, 6)}-${snils.slice(6, 9)} ${snils.slice(9)}`
    : snils;
}

/** Any identifier with all but its last `visible` characters starred. */
export function maskTail(value: string, visible = 2): string {
  const shown = visible > 0 ? value.slice(-visible) : '';
  return `${'*'.repeat(value.length - shown.length)}${shown}`;
}
