import type { SectionEntry } from './section-entry.js';

const section = <const K extends string>(entry: SectionEntry<K>) => entry;

/**
 * The registry of personal-file sections, in the order they are shown and listed (the GraphQL enum
 * `FileSection`, the journal's words): a section module exports its entry, one line here.
 */
export const fileSectionCatalog = [
  section({ key: 'BASIC', words: 'основные сведения', managerDefault: true }),
  section({ key: 'PERSONAL', words: 'персональные данные' }),
  section({ key: 'EMPLOYMENT', words: 'трудовая деятельность', managerDefault: true }),
  section({ key: 'LEAVE', words: 'отпуска', managerDefault: true }),
  section({ key: 'TRIPS', words: 'командировки' }),
  section({ key: 'SENIORITY', words: 'стаж' }),
  section({ key: 'ATTESTATION', words: 'аттестация', managerDefault: true }),
  // Health data is a special category of personal data (152-ФЗ ст. 10): HR and the employee read
  // it, a manager only if the organization adds MEDICAL to managerSections.
  section({ key: 'MEDICAL', words: 'медицинские осмотры' }),
  section({ key: 'EDUCATION', words: 'образование', managerDefault: true }),
  section({ key: 'PAYROLL', words: 'расчётные листки' }),
  section({ key: 'KPI', words: 'показатели эффективности', managerDefault: true }),
] as const;
