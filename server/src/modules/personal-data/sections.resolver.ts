import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../../core/context.js';
import { provenanceOf } from '../../core/graphql/provenance.js';
import { rowsByOwner } from '../../core/orm/loaders.js';
import { Attestation, AttestationSection } from '../attestation/index.js';
import { EducationRecord, EducationSection } from '../education/index.js';
import { type Employee, EmployeeType, policyOf } from '../employee/index.js';
import { organizationToday } from '../organization/index.js';
import { BusinessTrip, TripSection } from '../trip/index.js';

const tripsLoader = rowsByOwner(BusinessTrip, 'employee', { startDate: 'desc', id: 'desc' });
const attestationsLoader = rowsByOwner(Attestation, 'employee', { date: 'desc', id: 'desc' });
const educationLoader = rowsByOwner(EducationRecord, 'employee', {
  endDate: 'desc nulls last',
  year: 'desc nulls last',
  id: 'asc',
});

/** The trips, attestation and education sections: each checked, journalled and batched. */
@Resolver(() => EmployeeType)
export class RecordSectionsResolver {
  @FieldResolver(() => TripSection, { description: 'Business trips (TRIPS).' })
  async trips(@Root() employee: Employee, @Ctx() ctx: AppContext): Promise<TripSection> {
    await policyOf(ctx).require(employee, 'TRIPS', 'Employee.trips');
    const trips = await ctx.loaders.get(tripsLoader).load(employee.id);
    return { trips, provenance: provenanceOf(trips) };
  }

  @FieldResolver(() => AttestationSection, { description: 'Attestations (ATTESTATION).' })
  attestation(@Root() employee: Employee, @Ctx() ctx: AppContext): Promise<AttestationSection> {
    return attestationSectionOf(ctx, employee);
  }

  @FieldResolver(() => EducationSection, { description: 'Education (EDUCATION).' })
  education(@Root() employee: Employee, @Ctx() ctx: AppContext): Promise<EducationSection> {
    return educationSectionOf(ctx, employee);
  }
}

/** The attestation section, checked and journalled, with the nearest due date from today. */
export async function attestationSectionOf(
  ctx: AppContext,
  employee: Employee,
): Promise<AttestationSection> {
  await policyOf(ctx).require(employee, 'ATTESTATION', 'Employee.attestation');
  const [attestations, today] = await Promise.all([
    ctx.loaders.get(attestationsLoader).load(employee.id),
    organizationToday(ctx, employee),
  ]);
  const due = attestations
    .map((a) => a.nextDueDate)
    .filter((date): date is string => date !== null && date >= today)
    .sort();
  return { attestations, nextDueDate: due[0] ?? null, provenance: provenanceOf(attestations) };
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
