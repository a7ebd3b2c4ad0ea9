import { attestationDue } from '../attestation/index.js';
import { medicalDue } from '../medical/index.js';

/** A section's next due date in the viewer's own file, for the dashboard. */
import type { DueDateSource } from '../file-section/index.js';

/**
 * The registry of upcoming due dates the dashboard shows (Dashboard.dueDates), in this order: a
 * section module exports its source, one line here.
 */
export const dueDateSources: DueDateSource[] = [attestationDue, medicalDue];
