import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { AppContext } from '../../core/context.js';
import { Employee, fullNameOf } from '../employee/index.js';
import { User } from './user.entity.js';

/** Someone shown by name on a task, a sheet or a file. */
export interface Person {
  /** Null for an employee named as a subject, whose account is not disclosed. */
  userId: string | null;
  employeeId: string | null;
  name: string;
}

/** A user by name: the employee's full name, else the account's display name or login (batched). */
export async function personOf(ctx: AppContext, userId: string): Promise<Person> {
  const user = await ctx.loaders.load(User, userId);
  if (!user) return { userId, employeeId: null, name: '—' };
  const employee = await ctx.loaders.loadRef(Employee, user.employee);
  return {
    userId,
    employeeId: employee?.id ?? null,
    name: employee ? fullNameOf(employee) : (user.displayName ?? user.login),
  };
}

/** The active account of each employee, one query per batch. */
export const accountOfEmployeeLoader = (em: EntityManager) =>
  new DataLoader<string, User | null>(async (employeeIds) => {
    const users = await em.find(User, { employee: { $in: [...employeeIds] }, status: 'ACTIVE' });
    const byEmployee = new Map(users.map((user) => [user.employee!.id, user]));
    return employeeIds.map((id) => byEmployee.get(id) ?? null);
  });
