import type { EntityManager } from '@mikro-orm/postgresql';
import type { FilterQuery } from '@mikro-orm/core';
import type { AppContext } from '../../core/context.js';
import { forbidden } from '../../core/auth/viewer.js';
import { badInput, notFound } from '../../core/errors.js';
import { isUuid } from '../../core/ids.js';
import { checkPageSize, type Connection } from '../../core/graphql/connection.js';
import { rowPageOf } from '../../core/orm/pagination.js';
import type { Loaders } from '../../core/orm/loaders.js';
import { departmentTreeLoader, headAbove } from './department.loader.js';
import { Employee, type EmployeeRow } from './employee.entity.js';
import type { EmployeeFilter } from './employee.inputs.js';
import { policyOf } from './employee.fields.js';
import type { EmployeePolicy } from './employee.policy.js';
import { departmentSubtreeIds } from './employee.queries.js';

/** Every list scope starts with the viewer's organization. */
const viewerOrganization = (scope: FilterQuery<Employee>): string =>
  (scope as { organization: string }).organization;

const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (char) => `\\${char}`);

/** Reads personal files through the EmployeePolicy: the one place a viewer's scope applies. */
export class EmployeeService {
  private readonly em: EntityManager;
  private readonly policy: EmployeePolicy;

  private readonly loaders: Loaders;

  constructor(ctx: AppContext) {
    this.em = ctx.em;
    this.loaders = ctx.loaders;
    this.policy = policyOf(ctx);
  }

  /** Opens one personal file: NOT_FOUND alike when there is none and when it is not the viewer's to see. */
  async get(id: string): Promise<EmployeeRow> {
    // A row by id, so the viewer's own file (read with the session) costs no query; a deleted one is gone.
    const employee = isUuid(id) ? await this.loaders.row(Employee, id) : null;
    if (!employee || employee.deletedAt) throw notFound('Employee', id);
    await this.policy.requireFound(employee, 'BASIC', 'employee', () => notFound('Employee', id));
    return employee;
  }

  /** A page of the files the viewer may list, filtered and in name order, as rows. */
  async list(
    page: { first: number; after?: string | null },
    filter: EmployeeFilter | null | undefined,
  ): Promise<Connection<EmployeeRow>> {
    const scope = await this.policy.listScope();
    if (!scope) throw forbidden();
    return this.page(scope, page, filter, 'employees');
  }

  /** MANAGER: the subordinates (the subtree they head and explicit reports), without themselves. */
  async team(
    page: { first: number; after?: string | null },
    filter: EmployeeFilter | null | undefined,
  ): Promise<Connection<EmployeeRow>> {
    const scope = await this.policy.teamScope();
    if (!scope) throw forbidden('Only managers have a team');
    return this.page(scope, page, filter, 'myTeam');
  }

  private async page(
    scope: FilterQuery<Employee>,
    page: { first: number; after?: string | null },
    filter: EmployeeFilter | null | undefined,
    operation: string,
  ): Promise<Connection<EmployeeRow>> {
    const organizationId = viewerOrganization(scope);
    const where: FilterQuery<Employee>[] = [scope, { deletedAt: null }];
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
    const connection = await rowPageOf(
      this.em,
      Employee,
      { $and: where },
      {
        first: checkPageSize(page.first),
        after: page.after ?? null,
        orderBy: { lastName: 'asc', firstName: 'asc', id: 'asc' },
        // A directory page shows each person's department and position: in the page's statement.
        join: ['department', 'position'],
      },
    );
    for (const { node } of connection.edges) await this.policy.read(node, 'BASIC', operation);
    return connection;
  }
}

/**
 * The explicit manager, else the nearest head up the employee's department chain who is not them.
 * The organization's tree is loaded once per request, so a page of managers costs two queries.
 */
export async function managerOf(employee: EmployeeRow, loaders: Loaders): Promise<Employee | null> {
  const managerId = await managerIdOf(employee, loaders);
  return managerId ? loaders.load(Employee, managerId) : null;
}

/** The manager's id alone, from the request's department tree: for a directory card. */
export async function managerIdOf(employee: EmployeeRow, loaders: Loaders): Promise<string | null> {
  const tree = await loaders.get(departmentTreeLoader).load(employee.organization.id);
  return employee.manager?.id ?? headAbove(tree, employee);
}
