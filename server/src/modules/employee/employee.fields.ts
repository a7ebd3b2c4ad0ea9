import { viewerOf, type AppContext } from '../../core/context.js';
import { formatSnils, maskSnils, maskTail } from '../../core/auth/masking.js';
import type { EmployeeRow } from './employee.entity.js';
import { EmployeePolicy } from './employee.policy.js';

const policies = new WeakMap<AppContext['loaders'], EmployeePolicy>();

/** The file policy of a request (or of its unit of work): built once, over the context's loaders. */
export function policyOf(ctx: AppContext): EmployeePolicy {
  let policy = policies.get(ctx.loaders);
  if (!policy) {
    policy = new EmployeePolicy(viewerOf(ctx), ctx);
    policies.set(ctx.loaders, policy);
  }
  return policy;
}

/** A PERSONAL-section value, or FORBIDDEN (journalled) when the viewer may not read it. */
export async function personal<T>(
  ctx: AppContext,
  employee: EmployeeRow,
  field: string,
  value: T,
): Promise<T> {
  await policyOf(ctx).require(employee, 'PERSONAL', `Employee.${field}`);
  return value;
}

/** An identifier: masked, or in full for the owner and HR when they ask (`reveal`), journalled. */
export async function identifier(
  ctx: AppContext,
  employee: EmployeeRow,
  field: 'snils' | 'inn',
  reveal: boolean,
): Promise<string | null> {
  const value = await personal(ctx, employee, field, employee[field]);
  if (value === null) return null;
  const policy = policyOf(ctx);
  if (reveal && policy.canReveal(employee)) {
    if (employee.id !== ctx.viewer?.employeeId) {
      ctx.access.record({
        subjectEmployeeId: employee.id,
        section: 'PERSONAL',
        action: 'REVEAL',
        allowed: true,
        operation: `Employee.${field}`,
      });
    }
    return field === 'snils' ? formatSnils(value) : value;
  }
  return field === 'snils' ? maskSnils(value) : maskTail(value);
}
