import { wrap } from '@mikro-orm/core';
import type { AppContext } from '../../core/context.js';
import { todayIn } from '../../core/time.js';
import { Organization } from './organization.entity.js';
import { organizationSettingsLoader } from './organization-settings.loader.js';

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
  // The settings' read brings the organization along (most requests need both): no statement here.
  await ctx.loaders.get(organizationSettingsLoader).load(organizationId);
  const known = ctx.loaders.em
    .getUnitOfWork()
    .getById<Organization>(Organization.name, organizationId);
  const organization =
    known && wrap(known).isInitialized()
      ? known
      : await ctx.loaders.load(Organization, organizationId);
  return todayIn(organization?.timeZone ?? DEFAULT_TIME_ZONE, now);
}

/** Today in the organization of `holder` (an employee, a task, a sheet). */
export const organizationToday = (
  ctx: Pick<AppContext, 'loaders'>,
  holder: { organization: { id: string } },
): Promise<string> => todayOf(ctx, holder.organization.id);
