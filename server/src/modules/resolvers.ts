import type { NonEmptyArray } from 'type-graphql';
import { DepartmentResolver } from './department/department.resolver.js';
import { EmployeeResolver } from './employee/employee.resolver.js';
import { DirectoryCardResolver } from './employee/directory-card.resolver.js';
import { OrganizationResolver } from './organization/organization.resolver.js';
import { SystemResolver } from './system/system.resolver.js';
import { IdentityResolver } from './identity/identity.resolver.js';
import { AccessLogResolver } from './access-log/access-log.resolver.js';
import { AssignmentResolver, EmploymentSectionResolver } from './assignment/assignment.resolver.js';
import { PersonalDataResolver } from './personal-data/personal-data.resolver.js';
import { LeaveSectionResolver } from './leave/leave.resolver.js';
import { SeniorityResolver } from './seniority/seniority.resolver.js';
import { RecordSectionsResolver } from './personal-data/sections.resolver.js';
import { FileEditsResolver } from './personal-data/file-edits.resolver.js';
import { FileErrorReportResolver } from './personal-data/file-error-report.resolver.js';
import { PayrollResolver } from './payroll/payroll.resolver.js';
import { PayslipActionsResolver } from './payroll/payslip-actions.resolver.js';
import { CalendarResolver } from './calendar/calendar.resolver.js';
import { NotificationResolver } from './notification/notification.resolver.js';
import { StoredFileResolver } from './files/files.resolver.js';
import { NotificationPreferenceResolver } from './notification/notification-preference.resolver.js';
import { TaskFieldsResolver } from './task/task-fields.resolver.js';
import {
  TaskAttachmentResolver,
  TaskEventResolver,
  TaskMessageResolver,
} from './task/task-parts.resolver.js';
import { TaskResolver } from './task/task.resolver.js';
import { TaskStreamResolver } from './task/task-stream.resolver.js';
import { DeputyResolver } from './task/deputy.resolver.js';
import { IndicatorResolver } from './kpi/kpi-catalogue.resolver.js';
import {
  EvaluationEventResolver,
  EvaluationSheetFieldsResolver,
  IndicatorValueResolver,
} from './kpi/kpi-fields.resolver.js';
import { EvaluationSheetResolver } from './kpi/kpi.resolver.js';
import { DashboardResolver } from './dashboard/dashboard.resolver.js';
import { IntegrationResolver } from './integration/integration.resolver.js';

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
