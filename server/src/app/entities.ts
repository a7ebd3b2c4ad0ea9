import { Organization } from '../modules/organization/organization.entity.js';
import { Department } from '../modules/department/department.entity.js';
import { Position } from '../modules/position/position.entity.js';
import { Employee, FamilyMember, IdentityDocument } from '../modules/employee/employee.entity.js';
import { Assignment, PreviousEmployment } from '../modules/assignment/assignment.entity.js';
import { LeaveRecord, LeaveScheduleEntry } from '../modules/leave/leave.entity.js';
import { SeniorityPeriod } from '../modules/seniority/seniority.entity.js';
import { BusinessTrip } from '../modules/trip/trip.entity.js';
import { Attestation } from '../modules/attestation/attestation.entity.js';
import { MedicalExamination } from '../modules/medical/medical.entity.js';
import { EducationRecord } from '../modules/education/education.entity.js';
import { FileErrorReport } from '../modules/personal-data/file-error-report.entity.js';
import { PayrollPeriod, Payslip, PayslipQuestion } from '../modules/payroll/payroll.entity.js';
import { CalendarDay, CalendarYear } from '../modules/calendar/calendar.entity.js';
import { Notification, NotificationCursor } from '../modules/notification/notification.entity.js';
import { NotificationPreference } from '../modules/notification/notification-preference.entity.js';
import { EmailOutbox } from '../modules/mail/email-outbox.entity.js';
import {
  Deputy,
  Task,
  TaskAttachment,
  TaskEvent,
  TaskMessage,
  TaskReadMarker,
} from '../modules/task/task.entity.js';
import { StoredFile } from '../modules/files/stored-file.entity.js';
import {
  EvaluationEvent,
  EvaluationSheet,
  Indicator,
  IndicatorAssignment,
  IndicatorValue,
} from '../modules/kpi/kpi.entity.js';
import { User } from '../modules/identity/user.entity.js';
import { Session } from '../modules/identity/session.entity.js';
import { LoginLimit } from '../modules/identity/login-limit.entity.js';
import { AccessLogEntry } from '../modules/access-log/access-log.entity.js';
import { OrganizationSettings } from '../modules/organization/organization-settings.entity.js';
import { IntegrationToken } from '../modules/integration/integration-token.entity.js';
import { ImportRun } from '../modules/integration/import-run.entity.js';

/** Every MikroORM entity; the ORM discovers nothing by scanning folders. */
export const entities = [
  Organization,
  OrganizationSettings,
  Department,
  Position,
  Employee,
  IdentityDocument,
  FamilyMember,
  Assignment,
  PreviousEmployment,
  LeaveRecord,
  LeaveScheduleEntry,
  SeniorityPeriod,
  BusinessTrip,
  Attestation,
  MedicalExamination,
  EducationRecord,
  FileErrorReport,
  PayrollPeriod,
  Payslip,
  PayslipQuestion,
  CalendarDay,
  CalendarYear,
  Notification,
  NotificationCursor,
  NotificationPreference,
  EmailOutbox,
  StoredFile,
  Task,
  TaskEvent,
  TaskMessage,
  TaskReadMarker,
  TaskAttachment,
  Deputy,
  Indicator,
  IndicatorAssignment,
  EvaluationSheet,
  IndicatorValue,
  EvaluationEvent,
  User,
  Session,
  LoginLimit,
  AccessLogEntry,
  IntegrationToken,
  ImportRun,
];
