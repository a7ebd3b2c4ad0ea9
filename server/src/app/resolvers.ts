import type { NonEmptyArray } from 'type-graphql';
import { DepartmentResolver } from '../modules/department/department.resolver.js';
import { EmployeeResolver } from '../modules/employee/employee.resolver.js';
import { DirectoryCardResolver } from '../modules/employee/directory-card.resolver.js';
import { OrganizationResolver } from '../modules/organization/organization.resolver.js';
import { SystemResolver } from '../modules/system/system.resolver.js';
import { IdentityResolver } from '../modules/identity/identity.resolver.js';
import { AccessLogResolver } from '../modules/access-log/access-log.resolver.js';
import {
  AssignmentResolver,
  EmploymentSectionResolver,
} from '../modules/assignment/assignment.resolver.js';
import { PersonalDataResolver } from '../modules/personal-data/personal-data.resolver.js';
import { LeaveSectionResolver } from '../modules/leave/leave.resolver.js';
import { SeniorityResolver } from '../modules/seniority/seniority.resolver.js';
import { RecordSectionsResolver } from '../modules/personal-data/sections.resolver.js';
import { AttestationResolver } from '../modules/attestation/attestation.resolver.js';
import {
  MedicalExaminationResolver,
  MedicalSectionResolver,
} from '../modules/medical/medical.resolver.js';
import { FileEditsResolver } from '../modules/personal-data/file-edits.resolver.js';
import { FileErrorReportResolver } from '../modules/personal-data/file-error-report.resolver.js';
import { PayrollResolver } from '../modules/payroll/payroll.resolver.js';
import { PayslipActionsResolver } from '../modules/payroll/payslip-actions.resolver.js';
import { CalendarResolver } from '../modules/calendar/calendar.resolver.js';
import { NotificationResolver } from '../modules/notification/notification.resolver.js';
import { StoredFileResolver } from '../modules/files/files.resolver.js';
import { NotificationPreferenceResolver } from '../modules/notification/notification-preference.resolver.js';
import { TaskFieldsResolver } from '../modules/task/task-fields.resolver.js';
import {
  TaskAttachmentResolver,
  TaskEventResolver,
  TaskMessageResolver,
} from '../modules/task/task-parts.resolver.js';
import { TaskResolver } from '../modules/task/task.resolver.js';
import { TaskStreamResolver } from '../modules/task/task-stream.resolver.js';
import { DeputyResolver } from '../modules/task/deputy.resolver.js';
import { IndicatorResolver } from '../modules/kpi/kpi-catalogue.resolver.js';
import {
  EvaluationEventResolver,
  EvaluationSheetFieldsResolver,
  IndicatorValueResolver,
} from '../modules/kpi/kpi-fields.resolver.js';
import { EvaluationSheetResolver } from '../modules/kpi/kpi.resolver.js';
import { DashboardResolver } from '../modules/dashboard/dashboard.resolver.js';
import { IntegrationResolver } from '../modules/integration/integration.resolver.js';

/** Every GraphQL resolver class. */
export const resolvers: NonEmptyArray<Function> = [
  OrganizationResolver,
  DepartmentResolver,
  EmployeeResolver,
  DirectoryCardResolver,
  SystemResolver,
  IdentityResolver,
  AccessLogResolver,
  EmploymentSectionResolver,
  AssignmentResolver,
  PersonalDataResolver,
  LeaveSectionResolver,
  SeniorityResolver,
  RecordSectionsResolver,
  AttestationResolver,
  MedicalSectionResolver,
  MedicalExaminationResolver,
  FileEditsResolver,
  FileErrorReportResolver,
  PayrollResolver,
  PayslipActionsResolver,
  CalendarResolver,
  NotificationResolver,
  StoredFileResolver,
  NotificationPreferenceResolver,
  TaskResolver,
  TaskStreamResolver,
  TaskFieldsResolver,
  TaskAttachmentResolver,
  TaskEventResolver,
  TaskMessageResolver,
  DeputyResolver,
  IndicatorResolver,
  EvaluationSheetResolver,
  EvaluationSheetFieldsResolver,
  IndicatorValueResolver,
  EvaluationEventResolver,
  DashboardResolver,
  IntegrationResolver,
];
