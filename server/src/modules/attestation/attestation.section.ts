import type { SectionEntry } from '../organization/section-entry.js';

/** The attestation section of the catalog: work-related, so a manager reads it by default. */
export const attestationSection = {
  key: 'ATTESTATION',
  words: 'аттестация',
  managerDefault: true,
} as const satisfies SectionEntry;
