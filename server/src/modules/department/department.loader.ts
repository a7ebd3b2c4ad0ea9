import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { raw } from '@mikro-orm/core';
import { Employee } from '../employee/employee.entity.js';
import { Department } from './department.entity.js';

/** Number of employees currently working in each department, one grouped query per batch. */
export const departmentHeadcountLoader = (em: EntityManager) =>
  new DataLoader<string, number>(async (departmentIds) => {
    const rows = await em
      .createQueryBuilder(Employee, 'e')
      .select(['e.department', raw('count(*)::int as headcount')])
      .where({ department: { $in: [...departmentIds] }, dismissalDate: null })
      .groupBy('e.department')
      .execute<{ department_id: string; headcount: number }[]>('all', false);
    const counts = new Map(rows.map((row) => [row.department_id, row.headcount]));
    return departmentIds.map((id) => counts.get(id) ?? 0);
  });

export type DepartmentTree = ReadonlyMap<string, Department>;

/** Every department of an organization by id: trees are small, and walking them in memory is free. */
export const departmentTreeLoader = (em: EntityManager) =>
  new DataLoader<string, DepartmentTree>(async (organizationIds) => {
    const rows = await em.find(Department, { organization: { $in: [...organizationIds] } });
    return organizationIds.map(
      (organizationId) =>
        new Map(
          rows.filter((row) => row.organization.id === organizationId).map((row) => [row.id, row]),
        ),
    );
  });

/** The nearest head up the chain from the employee's department who is not the employee. */
export function headAbove(
  tree: DepartmentTree,
  employee: { id: string; department: { id: string } | null },
): string | null {
  const visited = new Set<string>();
  let department = employee.department ? tree.get(employee.department.id) : undefined;
  while (department && !visited.has(department.id)) {
    visited.add(department.id);
    if (department.head && department.head.id !== employee.id) return department.head.id;
    department = department.parent ? tree.get(department.parent.id) : undefined;
  }
  return null;
}
