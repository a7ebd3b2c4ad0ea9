import { Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../../core/context.js';
import { cardOf, type DirectoryCard } from './directory-card.resolver.js';
import { DirectoryCardType } from './directory-card.type.js';
import { Department, type DepartmentRow } from './department.entity.js';
import { departmentHeadcountLoader } from './department.loader.js';
import { DepartmentService } from './department.service.js';
import { DepartmentType } from './department.type.js';

@Resolver(() => DepartmentType)
export class DepartmentResolver {
  @Query(() => [DepartmentType], { description: "The departments of the viewer's organization." })
  departments(@Ctx() ctx: AppContext): Promise<Department[]> {
    return new DepartmentService(ctx).list();
  }

  @FieldResolver(() => DepartmentType, { nullable: true })
  parent(@Root() department: DepartmentRow, @Ctx() ctx: AppContext): Promise<DepartmentRow | null> {
    return ctx.loaders.rowRef(Department, department.parent);
  }

  @FieldResolver(() => DirectoryCardType, {
    nullable: true,
    description: 'Руководитель подразделения, as a directory card.',
  })
  head(@Root() department: DepartmentRow, @Ctx() ctx: AppContext): Promise<DirectoryCard | null> {
    return cardOf(ctx, department.head);
  }

  @FieldResolver(() => Int, { description: 'Employees currently working in the department.' })
  headcount(@Root() department: DepartmentRow, @Ctx() ctx: AppContext): Promise<number> {
    return ctx.loaders.get(departmentHeadcountLoader).load(department.id);
  }
}
