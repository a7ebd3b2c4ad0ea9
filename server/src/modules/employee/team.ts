import type { AppContext } from '../../core/context.js';
import { Employee } from './employee.entity.js';
import { policyOf } from './employee.fields.js';

/** How many files the viewer's team has (the dashboard's team size); null for one who manages no one. */
export async function teamSize(ctx: AppContext): Promise<number | null> {
  const scope = policyOf(ctx).teamScopeInline();
  return scope ? ctx.em.count(Employee, { $and: [scope, { deletedAt: null }] }) : null;
}
