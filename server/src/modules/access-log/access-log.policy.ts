import { anyRole, definePolicy } from '../../core/policy.js';

/** The access journal: everyone reads the entries about their own file; the admin reads all. */
export const accessLogActions = definePolicy('accessLog', {
  /** Read the organization's whole journal. */
  readAll: anyRole('ADMIN'),
});
