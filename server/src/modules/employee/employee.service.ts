import type { EntityManager } from '@mikro-orm/postgresql';
import type { FilterQuery } from '@mikro-orm/core';
import { badInput, notFound } from '../../core/errors.js';
import { isUuid } from '../../core/ids.js';
import { checkPageSize, type Connection } from '../../core/graphql/connection.js';
import { pageOf } from '../../core/orm/pagination.js';
import type { Loaders } from '../../core/orm/loaders.js';
import { departmentTreeLoader, headAbove } from '../department/department.loader.js';
import { Employee } from './employee.entity.js';
import type { EmployeeFilter } from './employee.inputs.js';
import { departmentSubtreeIds } from './employee.queries.js';

const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (char) => `\\${char}`);

/** Reads employees; the one place where a later access scope narrows what a viewer may see. */
export class EmployeeService {
  constructor(private readonly em: EntityManager) {}

  async get(id: string): Promise<Employee> {
    const employee = isUuid(id) ? await this.em.findOne(Employee, { id }) : null;
    if (!employee) throw notFound('Employee', id);
    return employee;
  }

  async list(
    organizationId: string,
    page: { first: number; after?: string | null },
    filter: EmployeeFilter | null | undefined,
  ): Promise<Connection<Employee>> {
    const where: FilterQuery<Employee>[] = [{ organization: organizationId }];
    if (!filter?.includeDismissed) where.push({ dismissalDate: null });
    if (filter?.departmentId) {
      const ids = await departmentSubtreeIds(this.em, organizationId, filter.departmentId);
      if (ids.length === 0) throw badInput(['filter', 'departmentId'], 'Unknown department');
      where.push({ department: { $in: ids } });
    }
    for (const term of (filter?.search ?? '').trim().split(/\s+/).filter(Boolean)) {
      const prefix = `${escapeLike(term)}%`;
      where.push({
        $or: [
          { lastName: { $ilike: prefix } },
          { firstName: { $ilike: prefix } },
          { middleName: { $ilike: prefix } },
          { personnelNumber: { $ilike: prefix } },
        ],
      });
    }
    return pageOf(
      this.em,
      Employee,
      { $and: where },
      {
        first: checkPageSize(page.first),
        after: page.after ?? null,
        orderBy: { lastName: 'asc', firstName: 'asc', id: 'asc' },
      },
    );
  }

  /**
   * The explicit manager, else the nearest head up the employee's department chain who is not them.
   * The organization's tree is loaded once per request, so a page of managers costs two queries.
   */
  async manager(employee: Employee, loaders: Loaders): Promise<Employee | null> {
    const tree = await loaders.get(departmentTreeLoader).load(employee.organization.id);
    const managerId = employee.manager?.id ?? headAbove(tree, employee);
    return managerId ? loaders.load(Employee, managerId) : null;
  }
}
