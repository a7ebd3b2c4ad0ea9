import type { Row } from '../../core/orm/rows.js';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../../core/context.js';
import { provenanceOf } from '../../core/graphql/provenance.js';
import {
  Department,
  type DepartmentRow,
  DepartmentType,
  type EmployeeRow,
  EmployeeType,
  policyOf,
} from '../employee/index.js';
import { type PositionRow, positionOf, PositionType } from '../position/index.js';
import type { Assignment } from './assignment.entity.js';
import {
  assignmentsLoader,
  currentAssignment,
  previousEmploymentLoader,
} from './assignment.loader.js';
import { AssignmentType, EmploymentSection } from './assignment.type.js';
import { organizationToday } from '../organization/index.js';

@Resolver(() => EmployeeType)
export class EmploymentSectionResolver {
  @FieldResolver(() => EmploymentSection, { description: 'Employment section (EMPLOYMENT).' })
  async employment(
    @Root() employee: EmployeeRow,
    @Ctx() ctx: AppContext,
  ): Promise<EmploymentSection> {
    await policyOf(ctx).require(employee, 'EMPLOYMENT', 'Employee.employment');
    const [assignments, previous] = await Promise.all([
      ctx.loaders.get(assignmentsLoader).load(employee.id),
      ctx.loaders.get(previousEmploymentLoader).load(employee.id),
    ]);
    return {
      assignments,
      current: currentAssignment(assignments, await organizationToday(ctx, employee)),
      previousEmployment: previous,
      provenance: provenanceOf([...assignments, ...previous]),
    };
  }
}

@Resolver(() => AssignmentType)
export class AssignmentResolver {
  @FieldResolver(() => DepartmentType, { nullable: true })
  department(
    @Root() assignment: Row<Assignment>,
    @Ctx() ctx: AppContext,
  ): Promise<DepartmentRow | null> {
    return ctx.loaders.rowRef(Department, assignment.department);
  }

  @FieldResolver(() => PositionType, { nullable: true })
  position(
    @Root() assignment: Row<Assignment>,
    @Ctx() ctx: AppContext,
  ): Promise<PositionRow | null> {
    return positionOf(ctx, assignment.organization.id, assignment.position);
  }
}
