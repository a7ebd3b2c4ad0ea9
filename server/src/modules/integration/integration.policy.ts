import { anyRole, definePolicy } from '../../core/policy.js';

/** The import from the system of record. */
export const integrationActions = definePolicy('integration', {
  /** Send records (the system of record's service account only). */
  importRecords: anyRole('INTEGRATION'),
  /** Read the organization's import runs. */
  readImportRuns: anyRole('ADMIN'),
});
