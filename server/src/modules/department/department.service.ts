import type { EntityManager } from '@mikro-orm/postgresql';
import { Department } from './department.entity.js';

/** Reads the department tree of an organization. */
export class DepartmentService {
  constructor(private readonly em: EntityManager) {}

  /** Every department of the organization, parents before children within the same sort order. */
  list(organizationId: string): Promise<Department[]> {
    return this.em.find(
      Department,
      { organization: organizationId },
      { orderBy: { sortOrder: 'asc', name: 'asc', id: 'asc' } },
    );
  }
}
