import type { SectionEntry } from '../organization/section-entry.js';

/**
 * The medical examinations section of the catalog. Health data is a special category of personal
 * data (152-ФЗ ст. 10): HR and the employee read it, a manager only if the organization adds
 * MEDICAL to `managerSections`.
 */
export const medicalSection = {
  key: 'MEDICAL',
  words: 'медицинские осмотры',
} as const satisfies SectionEntry;
