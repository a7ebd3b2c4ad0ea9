import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../../core/context.js';
import { provenanceOf } from '../../core/graphql/provenance.js';
import { rowsByOwner } from '../../core/orm/loaders.js';
import { EducationRecord, EducationSection } from '../education/index.js';
import { type Employee, EmployeeType, policyOf } from '../employee/index.js';
import { BusinessTrip, TripSection } from '../trip/index.js';

const tripsLoader = rowsByOwner(BusinessTrip, 'employee', { startDate: 'desc', id: 'desc' });
const educationLoader = rowsByOwner(EducationRecord, 'employee', {
  endDate: 'desc nulls last',
  year: 'desc nulls last',
  id: 'asc',
});

/** The trips and education sections: each checked, journalled and batched. */
@Resolver(() => EmployeeType)
export class RecordSectionsResolver {
  @FieldResolver(() => TripSection, { description: 'Business trips (TRIPS).' })
  async trips(@Root() employee: Employee, @Ctx() ctx: AppContext): Promise<TripSection> {
    await policyOf(ctx).require(employee, 'TRIPS', 'Employee.trips');
    const trips = await ctx.loaders.get(tripsLoader).load(employee.id);
    return { trips, provenance: provenanceOf(trips) };
  }

  @FieldResolver(() => EducationSection, { description: 'Education (EDUCATION).' })
  education(@Root() employee: Employee, @Ctx() ctx: AppContext): Promise<EducationSection> {
    return educationSectionOf(ctx, employee);
  }
}

/** The education section, checked and journalled, grouped by kind. */
export async function educationSectionOf(
  ctx: AppContext,
  employee: Employee,
): Promise<EducationSection> {
  await policyOf(ctx).require(employee, 'EDUCATION', 'Employee.education');
  const records = await ctx.loaders.get(educationLoader).load(employee.id);
  const of = (...kinds: string[]) => records.filter((record) => kinds.includes(record.kind));
  const courses = of('PROFESSIONAL_DEVELOPMENT');
  return {
    basic: of('BASIC'),
    professionalDevelopment: courses,
    retraining: of('RETRAINING'),
    degrees: of('DEGREE', 'TITLE'),
    languages: of('LANGUAGE'),
    lastCourseEnd: courses[0]?.endDate ?? null,
    provenance: provenanceOf(records),
  };
}
