import {
  date,
  employeeRef,
  fileRecordSchema,
  json,
  sectionImport,
  text,
} from '../file-section/index.js';
import { MedicalExaminationKinds, MedicalExaminationResults } from './medical.entity.js';
import { checkMedicalExamination, type MedicalExaminationFields } from './medical.rules.js';
import { ruDate } from '../../core/local-date.js';

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
  notices: async ({ tx, today, recipients }) => {
    const rows = await tx.execute<
      { user_id: string; employee_id: string; next_due_date: string }[]
    >(
      `select distinct u.id as user_id, s.employee_id, s.next_due_date::text as next_due_date
         from imp_medical_examination s ${recipients('s.employee_id')}
        where s.change in ('created', 'updated') and s.next_due_date >= ?::date
          and (s.change = 'created' or (s.old ->> 'next_due_date')::date is distinct from s.next_due_date)
        order by 1, 3`,
      [today],
    );
    return rows.map((row) => ({
      user_id: row.user_id,
      employee_id: row.employee_id,
      type: 'MEDICAL_EXAMINATION_DUE' as const,
      title: `Следующий медицинский осмотр — до ${ruDate(row.next_due_date)}`,
      link: '/file/medical',
    }));
  },
});
