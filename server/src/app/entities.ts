import { Organization, OrganizationSettings } from '../modules/organization/index.js';
import { Department, Employee, FamilyMember, IdentityDocument } from '../modules/employee/index.js';
import { Position } from '../modules/position/index.js';
import { Assignment, PreviousEmployment } from '../modules/assignment/index.js';
import { LeaveRecord, LeaveScheduleEntry } from '../modules/leave/index.js';
import { SeniorityPeriod } from '../modules/seniority/index.js';
import { BusinessTrip } from '../modules/trip/index.js';
import { Attestation } from '../modules/attestation/index.js';
import { MedicalExamination } from '../modules/medical/index.js';
import { EducationRecord } from '../modules/education/index.js';
import {
  Deputy,
  FileErrorReport,
  Task,
  TaskAttachment,
  TaskEvent,
  TaskMessage,
  TaskReadMarker,
} from '../modules/task/index.js';
import { PayrollPeriod, Payslip, PayslipQuestion } from '../modules/payroll/index.js';
import { CalendarDay, CalendarYear } from '../modules/calendar/index.js';
import {
  EmailOutbox,
  Notification,
  NotificationCursor,
  NotificationPreference,
} from '../modules/notification/index.js';
import { StoredFile } from '../modules/files/index.js';
import {
  EvaluationEvent,
  EvaluationSheet,
  Indicator,
  IndicatorAssignment,
  IndicatorValue,
} from '../modules/kpi/index.js';
import { IntegrationToken, LoginLimit, Session, User } from '../modules/identity/index.js';
import { AccessLogEntry } from '../modules/access-log/index.js';
import { ImportRun } from '../modules/integration/index.js';

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
