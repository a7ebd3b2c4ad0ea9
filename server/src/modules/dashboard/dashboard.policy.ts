import { anyRole, definePolicy } from '../../core/policy.js';

export const dashboardActions = definePolicy('dashboard', {
  /** See the team widget (the team's size, sheets to approve, who is away). */
  seeTeam: anyRole('MANAGER', 'HR'),
});
