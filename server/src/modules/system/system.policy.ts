import { anyRole, definePolicy } from '../../core/policy.js';

export const systemActions = definePolicy('system', {
  /** Publish and watch the diagnostic ping. */
  diagnostics: anyRole('ADMIN'),
});
