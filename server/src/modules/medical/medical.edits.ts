import type { Ref } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { viewerOf, type AppContext } from '../../core/context.js';
import { appErrorOf, badInput } from '../../core/errors.js';
import { claimUploads, type StoredFile } from '../files/index.js';
import { editFile, type FileRecordKind, putRecord, recordOfFile } from '../file-section/index.js';
import { MedicalExamination } from './medical.entity.js';
import type { MedicalExaminationInput } from './medical.inputs.js';
import { checkMedicalExamination } from './medical.rules.js';

/** HR removes an examination with deleteFileRecord(section: MEDICAL). */
export const medicalRecords = {
  section: 'MEDICAL',
  entity: MedicalExamination,
} as const satisfies FileRecordKind;

/** HR adds or corrects a medical examination: checked, journalled (CHANGE), one unit of work. */
export function saveMedicalExamination(
  ctx: AppContext,
  input: MedicalExaminationInput,
): Promise<MedicalExamination> {
  return editFile(
    ctx,
    input.employeeId,
    'MEDICAL',
    'saveMedicalExamination',
    async (tx, employee, today) => {
      checkMedicalExamination(today, input);
      const row = await recordOfFile(tx, MedicalExamination, input.id, employee);
      const documentFile = await documentOf(ctx, tx, row, input.documentFileId);
      return putRecord(tx, MedicalExamination, row, {
        date: input.date,
        kind: input.kind,
        result: input.result,
        restrictions: input.restrictions?.trim() || null,
        nextDueDate: input.nextDueDate ?? null,
        clinic: input.clinic?.trim() || null,
        documentNumber: input.documentNumber?.trim() || null,
        documentFile,
        organization: employee.organization,
        employee,
      });
    },
  );
}

/** The conclusion's file: the one the record has, or a fresh upload of HR's, claimed in the unit. */
async function documentOf(
  ctx: AppContext,
  tx: EntityManager,
  row: MedicalExamination | null,
  fileId: string | null | undefined,
): Promise<Ref<StoredFile> | StoredFile | null> {
  if (!fileId) return null;
  // The file it has already (a reference, not loaded): a correction that keeps the document.
  const current = row?.documentFile;
  if (current && current.id === fileId.toLowerCase()) return current;
  try {
    const [file] = await claimUploads(tx, viewerOf(ctx), [fileId], ['input', 'documentFileId']);
    return file ?? null;
  } catch (error) {
    const expected = appErrorOf(error);
    if (!expected) throw error;
    throw badInput(['input', 'documentFileId'], expected.message);
  }
}
