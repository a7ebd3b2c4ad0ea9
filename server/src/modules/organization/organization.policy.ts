import { anyRole, definePolicy } from '../../core/policy.js';

/** The organization's own settings. */
export const organizationActions = definePolicy('organization', {
  /** Change the settings (sections, manager access, API documents). */
  updateSettings: anyRole('ADMIN'),
  /** Send GraphQL documents of one's own with a token even when the organization forbids it. */
  alwaysSendApiDocuments: anyRole('ADMIN'),
});
