import type { AppContext } from '../../core/context.js';
import type { ScalarPart } from '../../core/orm/scalar-parts.js';
import { Employee } from './employee.entity.js';
import { policyOf } from './employee.fields.js';

/**
 * How many files the viewer's team has (the dashboard's team size), as a part of a statement: null
 * for one who manages no one (and then no column).
 */
export function teamSizePart(ctx: AppContext): ScalarPart<number | null> {
  const scope = policyOf(ctx).teamScopeInline();
  if (!scope) return { columns: {}, read: () => null };
  const count = ctx.em
    .createQueryBuilder(Employee)
    .count()
    .where({ $and: [scope, { deletedAt: null }] })
    .getKnexQuery();
  return { columns: { size: count }, read: (row) => Number(row['size'] ?? 0) };
}
