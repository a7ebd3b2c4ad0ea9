import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../../app/context.js';
import type { Connection } from '../../core/graphql/connection.js';
import { Department } from '../department/department.entity.js';
import { DepartmentType } from '../department/department.type.js';
import { Organization } from '../organization/organization.entity.js';
import { OrganizationService } from '../organization/organization.service.js';
import { OrganizationType } from '../organization/organization.type.js';
import { Position } from '../position/position.entity.js';
import { PositionType } from '../position/position.type.js';
import { type Employee } from './employee.entity.js';
import { EmployeesArgs } from './employee.inputs.js';
import { EmployeeService } from './employee.service.js';
import { EmployeeConnection, EmployeeType } from './employee.type.js';

@Resolver(() => EmployeeType)
export class EmployeeResolver {
  @Query(() => EmployeeType)
  employee(@Arg('id', () => ID) id: string, @Ctx() ctx: AppContext): Promise<Employee> {
    return new EmployeeService(ctx.em).get(id);
  }

  @Query(() => EmployeeConnection, { description: 'Employees ordered by name, a page at a time.' })
  async employees(
    @Args(() => EmployeesArgs) args: EmployeesArgs,
    @Ctx() ctx: AppContext,
  ): Promise<Connection<Employee>> {
    const organization = await new OrganizationService(ctx.em).current();
    return new EmployeeService(ctx.em).list(organization.id, args, args.filter);
  }

  @FieldResolver(() => String, { description: 'Фамилия Имя Отчество.' })
  fullName(@Root() employee: Employee): string {
    return [employee.lastName, employee.firstName, employee.middleName].filter(Boolean).join(' ');
  }

  @FieldResolver(() => OrganizationType)
  async organization(@Root() employee: Employee, @Ctx() ctx: AppContext): Promise<Organization> {
    return (await ctx.loaders.load(Organization, employee.organization.id))!;
  }

  @FieldResolver(() => DepartmentType, { nullable: true })
  department(@Root() employee: Employee, @Ctx() ctx: AppContext): Promise<Department | null> {
    return ctx.loaders.loadRef(Department, employee.department);
  }

  @FieldResolver(() => PositionType, { nullable: true })
  position(@Root() employee: Employee, @Ctx() ctx: AppContext): Promise<Position | null> {
    return ctx.loaders.loadRef(Position, employee.position);
  }

  @FieldResolver(() => EmployeeType, {
    nullable: true,
    description:
      'The explicit manager, else the head of the department (or of the nearest parent).',
  })
  manager(@Root() employee: Employee, @Ctx() ctx: AppContext): Promise<Employee | null> {
    return new EmployeeService(ctx.em).manager(employee, ctx.loaders);
  }
}
