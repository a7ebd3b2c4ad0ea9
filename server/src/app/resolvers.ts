import type { NonEmptyArray } from 'type-graphql';
import {
  DepartmentResolver,
  DirectoryCardResolver,
  EmployeeResolver,
} from '../modules/employee/index.js';
import { OrganizationResolver } from '../modules/organization/index.js';
import { SystemResolver } from '../modules/system/index.js';
import {
  EmployeeAccountResolver,
  IdentityResolver,
  IntegrationTokenResolver,
} from '../modules/identity/index.js';
import { AccessLogResolver } from '../modules/access-log/index.js';
import { AssignmentResolver, EmploymentSectionResolver } from '../modules/assignment/index.js';
import { FileEditsResolver, PersonalDataResolver } from '../modules/personal-data/index.js';
import { TripSectionResolver } from '../modules/trip/index.js';
import { EducationSectionResolver } from '../modules/education/index.js';
import { LeaveSectionResolver } from '../modules/leave/index.js';
import { SeniorityResolver } from '../modules/seniority/index.js';
import {
  DeputyResolver,
  FileErrorReportResolver,
  TaskAttachmentResolver,
  TaskEventResolver,
  TaskFieldsResolver,
  TaskMessageResolver,
  TaskResolver,
  TaskStreamResolver,
} from '../modules/task/index.js';
import { PayrollResolver, PayslipActionsResolver } from '../modules/payroll/index.js';
import { CalendarResolver } from '../modules/calendar/index.js';
import {
  NotificationPreferenceResolver,
  NotificationResolver,
} from '../modules/notification/index.js';
import { StoredFileResolver } from '../modules/files/index.js';
import {
  EvaluationEventResolver,
  EvaluationSheetFieldsResolver,
  EvaluationSheetResolver,
  IndicatorResolver,
  IndicatorValueResolver,
} from '../modules/kpi/index.js';
import { DashboardResolver } from '../modules/dashboard/index.js';
import { IntegrationResolver } from '../modules/integration/index.js';

import { AttestationResolver } from '../modules/attestation/index.js';
import { MedicalExaminationResolver, MedicalSectionResolver } from '../modules/medical/index.js';
/** Every GraphQL resolver class. */
export const resolvers: NonEmptyArray<Function> = [
  OrganizationResolver,
  DepartmentResolver,
  EmployeeResolver,
  DirectoryCardResolver,
  SystemResolver,
  IdentityResolver,
  EmployeeAccountResolver,
  AccessLogResolver,
  EmploymentSectionResolver,
  AssignmentResolver,
  PersonalDataResolver,
  LeaveSectionResolver,
  SeniorityResolver,
  TripSectionResolver,
  AttestationResolver,
  MedicalSectionResolver,
  MedicalExaminationResolver,
  EducationSectionResolver,
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
  IntegrationTokenResolver,
  IntegrationResolver,
];
