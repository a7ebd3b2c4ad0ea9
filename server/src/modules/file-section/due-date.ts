import type { AppContext } from '../../core/context.js';
import type { EmployeeRow } from '../employee/index.js';
import type { FileSection } from '../organization/index.js';

/** A section's nearest due date for the dashboard (an attestation, a medical examination). */
export interface DueDateSource {
  section: FileSection;
  /** The nearest due date from today (the window the attestation uses), or null. */
  due: (ctx: AppContext, employee: EmployeeRow) => Promise<string | null>;
}

/** The nearest of the records' next due dates from `today` on (a date in the past is missed, not due). */
export function nearestDue(
  records: readonly { nextDueDate: string | null }[],
  today: string,
): string | null {
  const due = records
    .map((record) => record.nextDueDate)
    .filter((date): date is string => date !== null && date >= today)
    .sort();
  return due[0] ?? null;
}
