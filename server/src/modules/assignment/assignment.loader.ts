import { rowsByOwner } from '../../core/orm/loaders.js';
import { Assignment, PreviousEmployment } from './assignment.entity.js';

export const assignmentsLoader = rowsByOwner(Assignment, 'employee', {
  startDate: 'asc',
  id: 'asc',
});

export const previousEmploymentLoader = rowsByOwner(PreviousEmployment, 'employee', {
  startDate: 'asc',
  id: 'asc',
});

/** The main post today: the latest hire or transfer that has not ended (combinations are extra). */
export function currentAssignment(
  assignments: readonly Assignment[],
  today: string,
): Assignment | null {
  const open = assignments.filter(
    (a) =>
      (a.kind === 'HIRE' || a.kind === 'TRANSFER') &&
      a.startDate <= today &&
      (a.endDate === null || a.endDate >= today),
  );
  return open.at(-1) ?? null;
}
