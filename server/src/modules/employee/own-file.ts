import { wrap } from '@mikro-orm/core';
import { viewerOf, type AppContext } from '../../core/context.js';
import { Employee } from './employee.entity.js';

/**
 * An employee by id: the file the request already holds (the viewer's own, read with the session)
 * costs no statement; any other comes through the request's loader, batched.
 */
export function employeeById(
  ctx: Pick<AppContext, 'loaders'>,
  id: string,
): Promise<Employee | null> {
  const known = ctx.loaders.em.getUnitOfWork().getById<Employee>(Employee.name, id);
  return known && wrap(known).isInitialized()
    ? Promise.resolve(known)
    : ctx.loaders.load(Employee, id);
}

/** The viewer's own personal file, or null for an account without one (or whose file was deleted). */
export async function ownFileOf(ctx: AppContext): Promise<Employee | null> {
  const id = viewerOf(ctx).employeeId;
  const employee = id ? await employeeById(ctx, id) : null;
  return employee && !employee.deletedAt ? employee : null;
}
