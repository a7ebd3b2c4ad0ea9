import { readRowsByOwner } from '../../core/orm/loaders.js';
import type { Row } from '../../core/orm/rows.js';
import { Assignment, PreviousEmployment } from './assignment.entity.js';

/** A file's assignments, each with its department's and position's rows: the reads show both. */
export const assignmentsLoader = readRowsByOwner(
  Assignment,
  'employee',
  { startDate: 'asc', id: 'asc' },
  ['department', 'position'],
);

export const previousEmploymentLoader = readRowsByOwner(PreviousEmployment, 'employee', {
  startDate: 'asc',
  id: 'asc',
});

/** The main post today: the latest hire or transfer that has not ended (combinations are extra). */
export function currentAssignment<A extends Row<Assignment>>(
  assignments: readonly A[],
  today: string,
): A | null {
  const open = assignments.filter(
    (a) =>
      (a.kind === 'HIRE' || a.kind === 'TRANSFER') &&
      a.startDate <= today &&
      (a.endDate === null || a.endDate >= today),
  );
  return open.at(-1) ?? null;
}
