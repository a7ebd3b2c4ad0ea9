import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { raw } from '@mikro-orm/core';
import { Employee } from './employee.entity.js';
import { Department } from './department.entity.js';

/** Number of employees currently working in each department, one grouped query per batch. */
export const departmentHeadcountLoader = (em: EntityManager) =>
  new DataLoader<string, number>(async (departmentIds) => {
    const rows = await em
      .createQueryBuilder(Employee, 'e')
      .select(['e.department', raw('count(*)::int as headcount')])
      .where({ department: { $in: [...departmentIds] }, dismissalDate: null, deletedAt: null })
      .groupBy('e.department')
      .execute<{ department_id: string; headcount: number }[]>('all', false);
    const counts = new Map(rows.map((row) => [row.department_id, row.headcount]));
    return departmentIds.map((id) => counts.get(id) ?? 0);
  });

/** The part of a department the manager rules need: where it hangs and who heads it. */
export interface DepartmentNode {
  id: string;
  parentId: string | null;
  headId: string | null;
}

export type DepartmentTree = ReadonlyMap<string, DepartmentNode>;

/** Every department of an organization as light rows: trees are small and walked in memory. */
export const departmentTreeLoader = (em: EntityManager) =>
  new DataLoader<string, DepartmentTree>(async (organizationIds) => {
    const rows = await em
      .createQueryBuilder(Department, 'd')
      .select(['d.id', 'd.organization', 'd.parent', 'd.head'])
      .where({ organization: { $in: [...organizationIds] }, deletedAt: null })
      .execute<
        { id: string; organization_id: string; parent_id: string | null; head_id: string | null }[]
      >('all', false);
    return organizationIds.map(
      (organizationId) =>
        new Map(
          rows
            .filter((row) => row.organization_id === organizationId)
            .map((row) => [row.id, { id: row.id, parentId: row.parent_id, headId: row.head_id }]),
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
    if (department.headId && department.headId !== employee.id) return department.headId;
    department = department.parentId ? tree.get(department.parentId) : undefined;
  }
  return null;
}
