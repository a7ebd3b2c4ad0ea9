import { attestationImport } from '../attestation/index.js';
import { medicalImport } from '../medical/index.js';

/**
 * The registry of the sections' record types, applied in this order after the seniority periods
 * (they reference employees only): a section module exports its contribution, one line here.
 */
export const sectionImports = [attestationImport, medicalImport] as const;

export const sectionRecordTypes = sectionImports.map((contribution) => contribution.type);
