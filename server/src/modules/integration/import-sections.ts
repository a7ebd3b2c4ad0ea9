import { attestationImport } from '../attestation/attestation.import.js';

/**
 * The registry of the sections' record types, applied in this order after the seniority periods
 * (they reference employees only): a section module exports its contribution, one line here.
 */
export const sectionImports = [attestationImport] as const;

export const sectionRecordTypes = sectionImports.map((contribution) => contribution.type);
