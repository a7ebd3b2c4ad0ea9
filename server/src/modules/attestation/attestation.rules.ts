import { badInput } from '../../core/errors.js';
import { checkDates } from '../file-section/index.js';

/** What an attestation must satisfy, whoever writes it (HR's saveAttestation or the import). */
export function checkAttestation(
  today: string,
  input: {
    date: string;
    validUntil?: string | null;
    nextDueDate?: string | null;
    orderDate?: string | null;
  },
): void {
  checkDates(
    today,
    [
      { path: ['input', 'date'], value: input.date },
      // A category is valid, and the next attestation due, up to five years on.
      { path: ['input', 'validUntil'], value: input.validUntil, yearsAhead: 5 },
      { path: ['input', 'nextDueDate'], value: input.nextDueDate, yearsAhead: 5 },
      { path: ['input', 'orderDate'], value: input.orderDate },
    ],
    [
      [0, 1],
      [0, 2],
    ],
  );
  if (input.date > today)
    throw badInput(['input', 'date'], 'An attestation that has not happened yet');
}
