import { Organization } from './organization/organization.entity.js';
import { Department } from './department/department.entity.js';
import { Position } from './position/position.entity.js';
import { Employee, FamilyMember, IdentityDocument } from './employee/employee.entity.js';
import { Assignment, PreviousEmployment } from './assignment/assignment.entity.js';
import { LeaveRecord, LeaveScheduleEntry } from './leave/leave.entity.js';
import { SeniorityPeriod } from './seniority/seniority.entity.js';
import { BusinessTrip } from './trip/trip.entity.js';
import { Attestation } from './attestation/attestation.entity.js';
import { EducationRecord } from './education/education.entity.js';
import { FileErrorReport } from './personal-data/file-error-report.entity.js';
import { PayrollPeriod, Payslip, PayslipQuestion } from './payroll/payroll.entity.js';
import { CalendarDay, CalendarYear } from './calendar/calendar.entity.js';
import { Notification, NotificationCursor } from './notification/notification.entity.js';
import { NotificationPreference } from './notification/notification-preference.entity.js';
import { EmailOutbox } from './mail/email-outbox.entity.js';
import {
  Deputy,
  Task,
  TaskAttachment,
  TaskEvent,
  TaskMessage,
  TaskReadMarker,
} from './task/task.entity.js';
import { StoredFile } from './files/stored-file.entity.js';
import {
  EvaluationEvent,
  EvaluationSheet,
  Indicator,
  IndicatorAssignment,
  IndicatorValue,
} from './kpi/kpi.entity.js';
import { User } from './identity/user.entity.js';
import { Session } from './identity/session.entity.js';
import { LoginLimit } from './identity/login-limit.entity.js';
import { AccessLogEntry } from './access-log/access-log.entity.js';
import { OrganizationSettings } from './organization/organization-settings.entity.js';
import { IntegrationToken } from './integration/integration-token.entity.js';
import { ImportRun } from './integration/import-run.entity.js';

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
