import { badInput } from '../../core/errors.js';
import { checkDates } from '../file-section/index.js';
import type { MedicalExaminationResult } from './medical.entity.js';

/** The fields of an examination its checks read, whoever writes it (HR or the import). */
export interface MedicalExaminationFields {
  date: string;
  result: MedicalExaminationResult;
  restrictions?: string | null;
  nextDueDate?: string | null;
  clinic?: string | null;
  documentNumber?: string | null;
}

/**
 * What a medical examination must satisfy before it is written; throws BAD_USER_INPUT naming the
 * field under `input`:
 * - the date is a real date that has come (the conclusion is issued after the examination,
 *   приказ № 29н);
 * - the next due date is a real date after the examination's, and not far ahead (two years from
 *   today, as any record's date);
 * - restrictions are named exactly when the conclusion is «годен с ограничениями».
 */
export function checkMedicalExamination(today: string, input: MedicalExaminationFields): void {
  checkDates(today, [
    { path: ['input', 'date'], value: input.date },
    { path: ['input', 'nextDueDate'], value: input.nextDueDate },
  ]);
  if (input.date > today)
    throw badInput(['input', 'date'], 'An examination that has not happened yet');
  if (input.nextDueDate && input.nextDueDate <= input.date)
    throw badInput(['input', 'nextDueDate'], 'The next examination is due after this one');
  const restrictions = input.restrictions?.trim() ?? '';
  if (input.result === 'FIT_WITH_RESTRICTIONS' && !restrictions)
    throw badInput(['input', 'restrictions'], 'Name the restrictions of a conclusion with them');
  if (input.result !== 'FIT_WITH_RESTRICTIONS' && restrictions)
    throw badInput(['input', 'restrictions'], 'Only a conclusion with restrictions names them');
  if (restrictions.length > 2000)
    throw badInput(['input', 'restrictions'], 'At most 2000 characters');
  if (input.clinic && input.clinic.length > 300)
    throw badInput(['input', 'clinic'], 'At most 300 characters');
  if (input.documentNumber && input.documentNumber.length > 64)
    throw badInput(['input', 'documentNumber'], 'At most 64 characters');
}
