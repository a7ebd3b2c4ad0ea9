import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../../core/context.js';
import { provenanceOf } from '../../core/graphql/provenance.js';
import { Department } from '../employee/department.entity.js';
import { DepartmentType } from '../employee/department.type.js';
import type { Employee } from '../employee/employee.entity.js';
import { policyOf } from '../employee/employee.fields.js';
import { EmployeeType } from '../employee/employee.type.js';
import type { Position } from '../position/position.entity.js';
import { positionOf } from '../position/position.loader.js';
import { PositionType } from '../position/position.type.js';
import type { Assignment } from './assignment.entity.js';
import {
  assignmentsLoader,
  currentAssignment,
  previousEmploymentLoader,
} from './assignment.loader.js';
import { AssignmentType, EmploymentSection } from './assignment.type.js';
import { organizationToday } from '../organization/organization.service.js';

@Resolver(() => EmployeeType)
export class EmploymentSectionResolver {
  @FieldResolver(() => EmploymentSection, { description: 'Employment section (EMPLOYMENT).' })
  async employment(@Root() employee: Employee, @Ctx() ctx: AppContext): Promise<EmploymentSection> {
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
  department(@Root() assignment: Assignment, @Ctx() ctx: AppContext): Promise<Department | null> {
    return ctx.loaders.loadRef(Department, assignment.department);
  }

  @FieldResolver(() => PositionType, { nullable: true })
  position(@Root() assignment: Assignment, @Ctx() ctx: AppContext): Promise<Position | null> {
    return positionOf(ctx, assignment.organization.id, assignment.position);
  }
}
