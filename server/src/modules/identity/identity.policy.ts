import { anyRole, definePolicy } from '../../core/policy.js';

/** Accounts: who keeps the system of record's credentials and lets registered people in. */
export const identityActions = definePolicy('identity', {
  /** List, create and revoke integration tokens. */
  manageIntegrationTokens: anyRole('ADMIN'),
  /** See and decide the registrations waiting for approval. */
  reviewRegistrations: anyRole('ADMIN'),
});
