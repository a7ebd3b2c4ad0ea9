import type { AppContext } from '../../core/context.js';
import { attestationDue } from '../attestation/attestation.reads.js';
import type { Employee } from '../employee/employee.entity.js';
import { medicalDue } from '../medical/medical.reads.js';
import type { FileSection } from '../organization/organization-settings.entity.js';

/** A section's next due date in the viewer's own file, for the dashboard. */
export interface DueDateSource {
  section: FileSection;
  /** The nearest due date from today (the window the attestation uses), or null. */
  due: (ctx: AppContext, employee: Employee) => Promise<string | null>;
}

/**
 * The registry of upcoming due dates the dashboard shows (Dashboard.dueDates), in this order: a
 * section module exports its source, one line here.
 */
export const dueDateSources: DueDateSource[] = [attestationDue, medicalDue];
