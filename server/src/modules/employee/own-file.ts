import { viewerOf, type AppContext } from '../../core/context.js';
import { Employee, type EmployeeRow } from './employee.entity.js';

/**
 * An employee's file as a row, by id: the viewer's own, read with the session, costs no statement;
 * any other comes through the request's row loader, batched.
 */
export function employeeById(
  ctx: Pick<AppContext, 'loaders'>,
  id: string,
): Promise<EmployeeRow | null> {
  return ctx.loaders.row(Employee, id);
}

/** The viewer's own personal file, or null for an account without one (or whose file was deleted). */
export async function ownFileOf(ctx: AppContext): Promise<EmployeeRow | null> {
  const id = viewerOf(ctx).employeeId;
  const employee = id ? await employeeById(ctx, id) : null;
  return employee && !employee.deletedAt ? employee : null;
}
