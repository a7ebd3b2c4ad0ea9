import { viewerOf, type AppContext } from '../../core/context.js';
import { authorize } from '../../core/policy.js';
import { employeeActions } from './employee.policy.js';
import { Department } from './department.entity.js';

/** Reads the department tree: the structure of the viewer's organization, for its members. */
export class DepartmentService {
  constructor(private readonly ctx: AppContext) {}

  /** Every department of the viewer's organization; third parties see none. */
  list(): Promise<Department[]> {
    const viewer = viewerOf(this.ctx);
    authorize(viewer, employeeActions.readDepartments);
    return this.ctx.em.find(
      Department,
      { organization: viewer.organizationId, deletedAt: null },
      { orderBy: { sortOrder: 'asc', name: 'asc', id: 'asc' } },
    );
  }
}
