import { badInput } from '../../core/errors.js';
import { isLocalDate } from '../../core/graphql/scalars.js';
import { moneyPattern } from '../../core/money.js';
import { isPersonalInn, isSnils } from '../../core/ru-identifiers.js';
import { checkLeave, type LeaveKind } from '../leave/index.js';
import { checkDates, checkRecordDates } from '../file-section/index.js';

/**
 * What a personal-file record must satisfy before it is written, whoever writes it: HR through the
 * `save*` mutations or the system of record through the import. Each throws BAD_USER_INPUT naming
 * the field under `input`.
 */

const decimal = /^\d{1,2}(\.\d{1,2})?$/;

interface Dated {
  startDate?: string | null;
  endDate?: string | null;
  orderDate?: string | null;
}

export function checkIdentifiers(input: { snils?: string | null; inn?: string | null }): void {
  if (input.snils && !isSnils(input.snils)) throw badInput(['input', 'snils'], 'Not a valid СНИЛС');
  if (input.inn && !isPersonalInn(input.inn)) throw badInput(['input', 'inn'], 'Not a valid ИНН');
}

export function checkIdentityDocument(
  input: { series: string; number: string; issueDate: string },
  birthDate: string | null,
): void {
  if (!/^\d{2} ?\d{2}$/.test(input.series))
    throw badInput(['input', 'identityDocument', 'series'], 'Серия: 4 digits');
  if (!/^\d{6}$/.test(input.number))
    throw badInput(['input', 'identityDocument', 'number'], 'Номер: 6 digits');
  if (!isLocalDate(input.issueDate) || input.issueDate < (birthDate ?? '1900-01-01')) {
    throw badInput(['input', 'identityDocument', 'issueDate'], 'Issued on a real date after birth');
  }
}

export function checkFamilyMember(
  today: string,
  input: { relation: string; fullName: string; birthDate?: string | null },
): void {
  checkDates(today, [{ path: ['input', 'birthDate'], value: input.birthDate }]);
  if (!input.relation.trim()) throw badInput(['input', 'relation'], 'Степень родства is required');
  if (input.fullName.trim().length < 3) throw badInput(['input', 'fullName'], 'A full name');
}

export function checkAssignment(today: string, input: Dated & { rate: string }): void {
  checkRecordDates(today, input);
  if (!decimal.test(input.rate) || Number(input.rate) <= 0 || Number(input.rate) > 1.5) {
    throw badInput(['input', 'rate'], 'Rate must be above 0 and at most 1.5, e.g. "0.50"');
  }
}

export function checkLeaveInput(
  today: string,
  input: Dated & { kind: string; startDate: string; endDate: string; days?: number | null },
): void {
  checkRecordDates(today, input);
  const problem = checkLeave({
    kind: input.kind as LeaveKind,
    start: input.startDate,
    end: input.endDate,
  });
  if (problem) throw badInput(['input', 'kind'], problem);
  if (input.days !== null && input.days !== undefined && (input.days < 0 || input.days > 1000)) {
    throw badInput(['input', 'days'], 'Days must be between 0 and 1000');
  }
}

export function checkSeniorityPeriod(today: string, input: Dated & { factor: string }): void {
  checkRecordDates(today, input);
  if (!decimal.test(input.factor) || Number(input.factor) <= 0 || Number(input.factor) > 2) {
    throw badInput(['input', 'factor'], 'Factor must be above 0 and at most 2, e.g. "1.50"');
  }
}

export function checkTrip(
  today: string,
  input: Dated & {
    destination: string;
    advanceAmount?: string | null;
    reportAmount?: string | null;
  },
): void {
  checkRecordDates(today, input);
  for (const field of ['advanceAmount', 'reportAmount'] as const) {
    const value = input[field];
    if (value && !moneyPattern.test(value))
      throw badInput(['input', field], 'An amount in roubles, e.g. "4500.00"');
  }
  if (!input.destination.trim()) throw badInput(['input', 'destination'], 'Where the trip goes');
}

export function checkEducation(
  today: string,
  input: Dated & { hours?: number | null; year?: number | null },
): void {
  checkRecordDates(today, input);
  if (
    input.hours !== null &&
    input.hours !== undefined &&
    (input.hours < 1 || input.hours > 5000)
  ) {
    throw badInput(['input', 'hours'], 'Hours between 1 and 5000');
  }
  const thisYear = Number(today.slice(0, 4));
  if (
    input.year !== null &&
    input.year !== undefined &&
    (input.year < 1940 || input.year > thisYear + 1)
  ) {
    throw badInput(['input', 'year'], `A year from 1940 to ${thisYear + 1}`);
  }
}
