import { anyRole, definePolicy } from '../../core/policy.js';

export const calendarActions = definePolicy('calendar', {
  /** Record a day of the production calendar (a regional or new decree). */
  setDay: anyRole('HR', 'ADMIN'),
});
