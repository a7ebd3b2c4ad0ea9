import type { AppContext } from '../../core/context.js';
import { provenanceOf } from '../../core/graphql/provenance.js';
import { readRowsByOwner } from '../../core/orm/loaders.js';
import { type DueDateSource, nearestDue } from '../file-section/index.js';
import { type EmployeeRow, policyOf } from '../employee/index.js';
import { organizationToday } from '../organization/index.js';
import { MedicalExamination } from './medical.entity.js';
import type { MedicalSection } from './medical.type.js';

const examinationsLoader = readRowsByOwner(MedicalExamination, 'employee', {
  date: 'desc',
  id: 'desc',
});

/** The medical section, checked against MEDICAL and journalled, with the nearest due date. */
export async function medicalSectionOf(
  ctx: AppContext,
  employee: EmployeeRow,
): Promise<MedicalSection> {
  await policyOf(ctx).require(employee, 'MEDICAL', 'Employee.medicalExaminations');
  const [examinations, today] = await Promise.all([
    ctx.loaders.get(examinationsLoader).load(employee.id),
    organizationToday(ctx, employee),
  ]);
  return {
    examinations,
    nextDueDate: nearestDue(examinations, today),
    provenance: provenanceOf(examinations),
  };
}

/** The dashboard's "next medical examination": the nearest due date from today, as attestation's. */
export const medicalDue: DueDateSource = {
  section: 'MEDICAL',
  due: async (ctx, employee) => (await medicalSectionOf(ctx, employee)).nextDueDate,
};
