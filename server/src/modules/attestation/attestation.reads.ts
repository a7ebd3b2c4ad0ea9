import type { AppContext } from '../../core/context.js';
import { provenanceOf } from '../../core/graphql/provenance.js';
import { rowsByOwner } from '../../core/orm/loaders.js';
import { type DueDateSource, nearestDue } from '../file-section/index.js';
import { type EmployeeRow, policyOf } from '../employee/index.js';
import { organizationToday } from '../organization/index.js';
import { Attestation } from './attestation.entity.js';
import type { AttestationSection } from './attestation.type.js';

const attestationsLoader = rowsByOwner(Attestation, 'employee', { date: 'desc', id: 'desc' });

/** The attestation section, checked and journalled, with the nearest due date from today. */
export async function attestationSectionOf(
  ctx: AppContext,
  employee: EmployeeRow,
): Promise<AttestationSection> {
  await policyOf(ctx).require(employee, 'ATTESTATION', 'Employee.attestation');
  const [attestations, today] = await Promise.all([
    ctx.loaders.get(attestationsLoader).load(employee.id),
    organizationToday(ctx, employee),
  ]);
  return {
    attestations,
    nextDueDate: nearestDue(attestations, today),
    provenance: provenanceOf(attestations),
  };
}

/** The dashboard's "next attestation": the nearest due date from today. */
export const attestationDue: DueDateSource = {
  section: 'ATTESTATION',
  due: async (ctx, employee) => (await attestationSectionOf(ctx, employee)).nextDueDate,
};
