import type { AppContext } from '../../core/context.js';
import { todayIn } from '../../core/time.js';
import { Organization } from './organization.entity.js';

/** The time zone of an organization that names none (and of the demo school). */
export const DEFAULT_TIME_ZONE = 'Europe/Moscow';

/**
 * The one clock of the portal: today's date in an organization's own time zone, not the server's.
 * Deadlines, balances "today", due dates and which sheet is current all ask it.
 */
export async function todayOf(
  ctx: Pick<AppContext, 'loaders'>,
  organizationId: string,
  now: Date = new Date(),
): Promise<string> {
  const organization = await ctx.loaders.load(Organization, organizationId);
  return todayIn(organization?.timeZone ?? DEFAULT_TIME_ZONE, now);
}

/** Today in the organization of `holder` (an employee, a task, a sheet). */
export const organizationToday = (
  ctx: Pick<AppContext, 'loaders'>,
  holder: { organization: { id: string } },
): Promise<string> => todayOf(ctx, holder.organization.id);
