import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../../core/context.js';
import { type EmployeeRow, EmployeeType } from '../employee/index.js';
import { educationSectionOf } from './education.reads.js';
import { EducationSection } from './education.type.js';

/** The education section of a file. */
@Resolver(() => EmployeeType)
export class EducationSectionResolver {
  @FieldResolver(() => EducationSection, { description: 'Education (EDUCATION).' })
  education(@Root() employee: EmployeeRow, @Ctx() ctx: AppContext): Promise<EducationSection> {
    return educationSectionOf(ctx, employee);
  }
}
