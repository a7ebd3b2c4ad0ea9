import { anyRole, definePolicy } from '../../core/policy.js';

export const notificationActions = definePolicy('notification', {
  /** Send an announcement to everyone in the organization. */
  announce: anyRole('HR'),
});
