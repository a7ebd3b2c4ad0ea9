import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Employee } from '../employee/employee.entity.js';

/** Number of employees currently working in each department, one grouped query per batch. */
export const departmentHeadcountLoader = (em: EntityManager) =>
  new DataLoader<string, number>(async (departmentIds) => {
    const rows = await em
      .createQueryBuilder(Employee, 'e')
      .select(['e.department', 'count(*) as headcount'])
      .where({ department: { $in: [...departmentIds] }, dismissalDate: null })
      .groupBy('e.department')
      .execute<{ department: string; headcount: string }[]>('all', false);
    const counts = new Map(rows.map((row) => [row.department, Number(row.headcount)]));
    return departmentIds.map((id) => counts.get(id) ?? 0);
  });
