import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../../core/context.js';
import { Department } from './department.entity.js';
import { DepartmentType } from './department.type.js';
import { fullNameOf } from './full-name.js';
import { type Position, positionOf, PositionType } from '../position/index.js';
import { Employee } from './employee.entity.js';
import { DirectoryCardType } from './directory-card.type.js';

/** The person behind a manager or a department head, as a directory card (none once removed). */
export async function cardOf(
  ctx: Pick<AppContext, 'loaders'>,
  ref: { id: string } | null,
): Promise<Employee | null> {
  const employee = ref ? await ctx.loaders.load(Employee, ref.id) : null;
  return employee && !employee.deletedAt ? employee : null;
}

/** The card's computed fields: the same batched loaders as a file's, and no access checks. */
@Resolver(() => DirectoryCardType)
export class DirectoryCardResolver {
  @FieldResolver(() => String, { description: 'Фамилия Имя Отчество.' })
  fullName(@Root() employee: Employee): string {
    return fullNameOf(employee);
  }

  @FieldResolver(() => PositionType, { nullable: true, description: 'Должность.' })
  position(@Root() employee: Employee, @Ctx() ctx: AppContext): Promise<Position | null> {
    return positionOf(ctx, employee.organization.id, employee.position);
  }

  @FieldResolver(() => DepartmentType, { nullable: true })
  department(@Root() employee: Employee, @Ctx() ctx: AppContext): Promise<Department | null> {
    return ctx.loaders.loadRef(Department, employee.department);
  }
}
