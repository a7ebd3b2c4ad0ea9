import type { AppContext } from '../../core/context.js';
import { todayIn } from '../../core/time.js';
import { organizationSettingsLoader } from './organization-settings.loader.js';

export { DEFAULT_TIME_ZONE } from './time-zone.js';

/**
 * The one clock of the portal: today's date in an organization's own time zone, not the server's.
 * Deadlines, balances "today", due dates and which sheet is current all ask it.
 */
export async function todayOf(
  ctx: Pick<AppContext, 'loaders'>,
  organizationId: string,
  now: Date = new Date(),
): Promise<string> {
  // The time zone comes with the settings (most requests need both, and the session brings them).
  const { timeZone } = await ctx.loaders.get(organizationSettingsLoader).load(organizationId);
  return todayIn(timeZone, now);
}

/** Today in the organization of `holder` (an employee, a task, a sheet). */
export const organizationToday = (
  ctx: Pick<AppContext, 'loaders'>,
  holder: { organization: { id: string } },
): Promise<string> => todayOf(ctx, holder.organization.id);
