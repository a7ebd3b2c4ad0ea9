import { hasRole } from '../../core/auth/viewer.js';
import { anyRole, definePolicy } from '../../core/policy.js';

/** Payroll: the payroll office writes and publishes; employees read and question their own. */
export const payrollActions = definePolicy('payroll', {
  /** Save payslips and publish a period (the office, or the system of record). */
  writePayslips: anyRole('ACCOUNTANT', 'INTEGRATION'),
  /** See payslips before their period is published. */
  seeUnpublished: anyRole('ACCOUNTANT', 'HR'),
  /** List who has not acknowledged a published month. */
  followAcknowledgements: anyRole('ACCOUNTANT'),
  /** Question a line of the payslip of `employeeId`: its employee, or the office on their behalf. */
  questionLine: (viewer, employeeId: string) =>
    employeeId === viewer.employeeId || hasRole(viewer, 'ACCOUNTANT'),
});
