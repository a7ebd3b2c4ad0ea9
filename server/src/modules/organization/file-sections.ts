import type { SectionEntry } from './section-entry.js';
import { attestationSection } from '../attestation/attestation.section.js';
import { medicalSection } from '../medical/medical.section.js';

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
  attestationSection,
  medicalSection,
  section({ key: 'EDUCATION', words: 'образование', managerDefault: true }),
  section({ key: 'PAYROLL', words: 'расчётные листки' }),
  section({ key: 'KPI', words: 'показатели эффективности', managerDefault: true }),
] as const;
