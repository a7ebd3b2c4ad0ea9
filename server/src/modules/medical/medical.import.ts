import {
  date,
  employeeRef,
  fileRecordSchema,
  json,
  nextDueNotices,
  sectionImport,
  text,
} from '../file-section/index.js';
import { MedicalExaminationKinds, MedicalExaminationResults } from './medical.entity.js';
import { checkMedicalExamination, type MedicalExaminationFields } from './medical.rules.js';

/**
 * The `medicalExamination` record of the exchange format (the conclusion's file stays with HR's
 * edits); a new next due date notifies the employee, as an attestation's does.
 */
export const medicalImport = sectionImport({
  type: 'medicalExamination',
  spec: {
    table: 'medical_examination',
    fields: [
      date('date', 'date'),
      text('kind', 'kind'),
      text('result', 'result'),
      text('restrictions', 'restrictions'),
      date('nextDueDate', 'next_due_date'),
      text('clinic', 'clinic'),
      text('documentNumber', 'document_number'),
    ],
    refs: [employeeRef],
    scope: 'organization',
    deletion: 'hard',
    section: 'MEDICAL',
    remember: ['next_due_date'],
  },
  check: (fields, today) =>
    checkMedicalExamination(today, fields as unknown as MedicalExaminationFields),
  schema: fileRecordSchema(
    'medicalExamination',
    'A mandatory medical examination and its conclusion (ст. 220 ТК РФ, приказ Минздрава России № 29н).',
    {
      date: json.date,
      kind: json.oneOf(MedicalExaminationKinds),
      result: json.oneOf(MedicalExaminationResults),
      restrictions: json.text(2000),
      nextDueDate: json.optionalDate,
      clinic: json.text(300),
      documentNumber: json.text(64),
    },
    ['date', 'kind', 'result'],
  ),
  notices: nextDueNotices('medical_examination', {
    type: 'MEDICAL_EXAMINATION_DUE',
    title: (date) => `Следующий медицинский осмотр — до ${date}`,
    link: '/file/medical',
  }),
});
