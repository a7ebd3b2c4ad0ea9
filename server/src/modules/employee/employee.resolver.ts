import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { fullNameOf } from './full-name.js';
import type { AppContext } from '../../core/context.js';
import type { Connection } from '../../core/graphql/connection.js';
import { LocalDateScalar } from '../../core/graphql/scalars.js';
import { Department, type DepartmentRow } from './department.entity.js';
import { DepartmentType } from './department.type.js';
import { type FileSectionValue, Organization, OrganizationType } from '../organization/index.js';
import { type PositionRow, positionOf, PositionType } from '../position/index.js';
import { managerCardOf, type DirectoryCard } from './directory-card.resolver.js';
import { DirectoryCardType } from './directory-card.type.js';
import type { EmployeeRow } from './employee.entity.js';
import { EmployeesArgs } from './employee.inputs.js';
import { identifier, personal, policyOf } from './employee.fields.js';
import { EmployeeService } from './employee.service.js';
import {
  EmployeeConnection,
  EmployeePermissions,
  EmployeeType,
  GenderValue,
} from './employee.type.js';

@Resolver(() => EmployeeType)
export class EmployeeResolver {
  @Query(() => EmployeeType, { description: 'One personal file, if the viewer may open it.' })
  employee(@Arg('id', () => ID) id: string, @Ctx() ctx: AppContext): Promise<EmployeeRow> {
    return new EmployeeService(ctx).get(id);
  }

  @Query(() => EmployeeConnection, {
    description: 'The files the viewer may list (own, subordinates, or the organization), by name.',
  })
  employees(
    @Args(() => EmployeesArgs) args: EmployeesArgs,
    @Ctx() ctx: AppContext,
  ): Promise<Connection<EmployeeRow>> {
    return new EmployeeService(ctx).list(args, args.filter);
  }

  @Query(() => EmployeeConnection, {
    description: "MANAGER: the viewer's subordinates, filtered by department and name.",
  })
  myTeam(
    @Args(() => EmployeesArgs) args: EmployeesArgs,
    @Ctx() ctx: AppContext,
  ): Promise<Connection<EmployeeRow>> {
    return new EmployeeService(ctx).team(args, args.filter);
  }

  @FieldResolver(() => String, { description: 'Фамилия Имя Отчество.' })
  fullName(@Root() employee: EmployeeRow): string {
    return fullNameOf(employee);
  }

  @FieldResolver(() => LocalDateScalar, { nullable: true, description: 'Personal section.' })
  birthDate(@Root() employee: EmployeeRow, @Ctx() ctx: AppContext): Promise<string | null> {
    return personal(ctx, employee, 'birthDate', employee.birthDate);
  }

  @FieldResolver(() => GenderValue, { nullable: true, description: 'Personal section.' })
  gender(@Root() employee: EmployeeRow, @Ctx() ctx: AppContext): Promise<GenderValue | null> {
    return personal(ctx, employee, 'gender', employee.gender as GenderValue | null);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Personal section.' })
  mobilePhone(@Root() employee: EmployeeRow, @Ctx() ctx: AppContext): Promise<string | null> {
    return personal(ctx, employee, 'mobilePhone', employee.mobilePhone);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      'СНИЛС, masked (`***-***-*** 45`) unless the owner or HR asks with `reveal: true`.',
  })
  snils(
    @Root() employee: EmployeeRow,
    @Arg('reveal', () => Boolean, { defaultValue: false }) reveal: boolean,
    @Ctx() ctx: AppContext,
  ): Promise<string | null> {
    return identifier(ctx, employee, 'snils', reveal);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'ИНН, masked unless the owner or HR asks with `reveal: true`.',
  })
  inn(
    @Root() employee: EmployeeRow,
    @Arg('reveal', () => Boolean, { defaultValue: false }) reveal: boolean,
    @Ctx() ctx: AppContext,
  ): Promise<string | null> {
    return identifier(ctx, employee, 'inn', reveal);
  }

  @FieldResolver(() => EmployeePermissions)
  async viewerCan(
    @Root() employee: EmployeeRow,
    @Ctx() ctx: AppContext,
  ): Promise<EmployeePermissions> {
    const policy = policyOf(ctx);
    const sections = await policy.sections(employee);
    return {
      sections: [...sections] as FileSectionValue[],
      revealIdentifiers: sections.has('PERSONAL') && policy.canReveal(employee),
    };
  }

  @FieldResolver(() => OrganizationType)
  async organization(@Root() employee: EmployeeRow, @Ctx() ctx: AppContext): Promise<Organization> {
    return (await ctx.loaders.load(Organization, employee.organization.id))!;
  }

  @FieldResolver(() => DepartmentType, { nullable: true })
  department(@Root() employee: EmployeeRow, @Ctx() ctx: AppContext): Promise<DepartmentRow | null> {
    return ctx.loaders.rowRef(Department, employee.department);
  }

  @FieldResolver(() => PositionType, { nullable: true })
  position(@Root() employee: EmployeeRow, @Ctx() ctx: AppContext): Promise<PositionRow | null> {
    return positionOf(ctx, employee.organization.id, employee.position);
  }

  @FieldResolver(() => DirectoryCardType, {
    nullable: true,
    description:
      'The explicit manager, else the head of the department (or of the nearest parent), as a ' +
      'directory card; their file is `employee(id)`, for those who may open it.',
  })
  async manager(
    @Root() employee: EmployeeRow,
    @Ctx() ctx: AppContext,
  ): Promise<DirectoryCard | null> {
    return managerCardOf(ctx, employee);
  }
}
