import type { AppContext } from '../../core/context.js';
import { provenanceOf } from '../../core/graphql/provenance.js';
import { readRowsByOwner } from '../../core/orm/loaders.js';
import { type EmployeeRow, policyOf } from '../employee/index.js';
import { EducationRecord } from './education.entity.js';
import type { EducationSection } from './education.type.js';

const educationLoader = readRowsByOwner(EducationRecord, 'employee', {
  endDate: 'desc nulls last',
  year: 'desc nulls last',
  id: 'asc',
});

/** The education section, checked and journalled, grouped by kind. */
export async function educationSectionOf(
  ctx: AppContext,
  employee: EmployeeRow,
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
