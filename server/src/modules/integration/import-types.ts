import {
  date,
  employeeRef,
  int,
  order,
  type SqlType,
  text,
  type TypeSpec,
} from '../file-section/index.js';
import { sectionImports, sectionRecordTypes } from './import-sections.js';

/** The record types of schema version 1, in the order a batch is applied (references point back). */
export const RecordTypes = [
  'organization',
  'department',
  'position',
  'employee',
  'familyMember',
  'previousEmployment',
  'assignment',
  'leave',
  'leaveSchedule',
  'businessTrip',
  'seniorityPeriod',
  ...sectionRecordTypes,
  'education',
  'payrollPeriod',
  'payslip',
] as const;
export type RecordType = (typeof RecordTypes)[number];

/** The schema versions this importer reads. */
export const SchemaVersions = [1] as const;

export type { DerivedSpec, FieldSpec, RefSpec, SqlType, TypeSpec } from '../file-section/index.js';

/** How each record type maps onto its table. */
export const typeSpecs: TypeSpec[] = [
  {
    type: 'department',
    table: 'department',
    fields: [text('name', 'name'), text('code', 'code'), int('sortOrder', 'sort_order')],
    refs: [
      { field: 'parentExternalId', column: 'parent_id', target: 'department', late: true },
      { field: 'headExternalId', column: 'head_id', target: 'employee', late: true },
    ],
    scope: 'organization',
    deletion: 'soft',
    section: null,
  },
  {
    type: 'position',
    table: 'position',
    fields: [
      text('name', 'name'),
      text('category', 'category'),
      int('basicLeaveDays', 'basic_leave_days'),
      int('additionalLeaveDays', 'additional_leave_days'),
      text('seniorityKind', 'seniority_kind'),
    ],
    refs: [],
    scope: 'organization',
    deletion: 'soft',
    section: null,
  },
  {
    type: 'employee',
    table: 'employee',
    fields: [
      text('personnelNumber', 'personnel_number', 'BASIC'),
      text('lastName', 'last_name', 'BASIC'),
      text('firstName', 'first_name', 'BASIC'),
      text('middleName', 'middle_name', 'BASIC'),
      text('email', 'email', 'BASIC'),
      text('workPhone', 'work_phone', 'BASIC'),
      date('hireDate', 'hire_date', 'BASIC'),
      date('dismissalDate', 'dismissal_date', 'BASIC'),
      text('gender', 'gender', 'PERSONAL'),
      date('birthDate', 'birth_date', 'PERSONAL'),
      text('mobilePhone', 'mobile_phone', 'PERSONAL'),
      text('snils', 'snils', 'PERSONAL'),
      text('inn', 'inn', 'PERSONAL'),
      { field: 'formerNames', column: 'former_names', sql: 'text[]', section: 'PERSONAL' },
      text('birthPlace', 'birth_place', 'PERSONAL'),
      text('citizenship', 'citizenship', 'PERSONAL'),
      text('registrationAddress', 'registration_address', 'PERSONAL'),
      text('residenceAddress', 'residence_address', 'PERSONAL'),
      text('maritalStatus', 'marital_status', 'PERSONAL'),
      text('militaryCategory', 'military_category', 'PERSONAL'),
    ],
    refs: [
      {
        field: 'departmentExternalId',
        column: 'department_id',
        target: 'department',
        section: 'BASIC',
      },
      { field: 'positionExternalId', column: 'position_id', target: 'position', section: 'BASIC' },
      {
        field: 'managerExternalId',
        column: 'manager_id',
        target: 'employee',
        section: 'BASIC',
        late: true,
      },
    ],
    scope: 'organization',
    deletion: 'soft',
    section: 'BASIC',
    adoptBy: ['personnel_number'],
  },
  {
    type: 'familyMember',
    table: 'family_member',
    fields: [
      text('relation', 'relation'),
      text('fullName', 'full_name'),
      date('birthDate', 'birth_date'),
    ],
    refs: [employeeRef],
    scope: 'employee',
    deletion: 'hard',
    section: 'PERSONAL',
  },
  {
    type: 'previousEmployment',
    table: 'previous_employment',
    fields: [
      text('employer', 'employer'),
      text('position', 'position'),
      date('startDate', 'start_date'),
      date('endDate', 'end_date'),
      { field: 'countsAsPedagogical', column: 'counts_as_pedagogical', sql: 'boolean' },
      { field: 'countsAsMedical', column: 'counts_as_medical', sql: 'boolean' },
    ],
    refs: [employeeRef],
    scope: 'employee',
    deletion: 'hard',
    section: 'EMPLOYMENT',
  },
  {
    type: 'assignment',
    table: 'assignment',
    fields: [
      text('kind', 'kind'),
      ...order,
      { field: 'rate', column: 'rate', sql: 'numeric' },
      date('startDate', 'start_date'),
      date('endDate', 'end_date'),
    ],
    refs: [
      employeeRef,
      { field: 'departmentExternalId', column: 'department_id', target: 'department' },
      { field: 'positionExternalId', column: 'position_id', target: 'position' },
    ],
    scope: 'organization',
    deletion: 'hard',
    section: 'EMPLOYMENT',
  },
  {
    type: 'leave',
    table: 'leave_record',
    fields: [
      text('kind', 'kind'),
      date('startDate', 'start_date'),
      date('endDate', 'end_date'),
      int('days', 'days'),
      ...order,
      text('sickNoteNumber', 'sick_note_number'),
    ],
    refs: [employeeRef],
    scope: 'organization',
    deletion: 'hard',
    section: 'LEAVE',
    remember: ['order_number', 'order_date', 'start_date', 'end_date'],
  },
  {
    type: 'leaveSchedule',
    table: 'leave_schedule_entry',
    fields: [
      int('year', 'year'),
      date('startDate', 'start_date'),
      date('endDate', 'end_date'),
      int('days', 'days'),
    ],
    refs: [employeeRef],
    scope: 'organization',
    deletion: 'hard',
    section: 'LEAVE',
  },
  {
    type: 'businessTrip',
    table: 'business_trip',
    fields: [
      text('destination', 'destination'),
      text('hostOrganization', 'host_organization'),
      text('purpose', 'purpose'),
      date('startDate', 'start_date'),
      date('endDate', 'end_date'),
      ...order,
      text('fundingSource', 'funding_source'),
      { field: 'advanceAmount', column: 'advance_amount', sql: 'numeric' },
      { field: 'reportAmount', column: 'report_amount', sql: 'numeric' },
      text('status', 'status'),
    ],
    refs: [employeeRef],
    scope: 'organization',
    deletion: 'hard',
    section: 'TRIPS',
  },
  {
    type: 'seniorityPeriod',
    table: 'seniority_period',
    fields: [
      text('kind', 'kind'),
      date('startDate', 'start_date'),
      date('endDate', 'end_date'),
      { field: 'factor', column: 'factor', sql: 'numeric' },
      text('document', 'document'),
    ],
    refs: [employeeRef],
    scope: 'employee',
    deletion: 'hard',
    section: 'SENIORITY',
  },
  ...sectionImports.map(({ type, spec }) => ({ type, ...spec })),
  {
    type: 'education',
    table: 'education_record',
    fields: [
      text('kind', 'kind'),
      text('level', 'level'),
      text('institution', 'institution'),
      text('specialty', 'specialty'),
      text('qualification', 'qualification'),
      text('program', 'program'),
      int('hours', 'hours'),
      text('documentNumber', 'document_number'),
      date('startDate', 'start_date'),
      date('endDate', 'end_date'),
      int('year', 'year'),
      text('proficiency', 'proficiency'),
    ],
    refs: [employeeRef],
    scope: 'employee',
    deletion: 'hard',
    section: 'EDUCATION',
  },
  {
    type: 'payrollPeriod',
    table: 'payroll_period',
    fields: [int('year', 'year'), int('month', 'month'), date('startDate', 'start_date')],
    refs: [],
    derived: [
      {
        column: 'advance_published',
        sql: 'boolean',
        target: 'advance_published_at',
        current: '(t.advance_published_at is not null)',
        write: (t) =>
          `case when s.advance_published then ${t ? `coalesce(${t}.advance_published_at, now())` : 'now()'} end`,
      },
      {
        column: 'published',
        sql: 'boolean',
        target: 'published_at',
        current: '(t.published_at is not null)',
        write: (t) =>
          `case when s.published then ${t ? `coalesce(${t}.published_at, now())` : 'now()'} end`,
      },
    ],
    scope: 'organization',
    deletion: 'soft',
    section: null,
    adoptBy: ['year', 'month'],
    remember: ['published_at', 'advance_published_at'],
  },
  {
    type: 'payslip',
    table: 'payslip',
    fields: [
      { field: 'openingBalance', column: 'opening_balance', sql: 'numeric' },
      { field: 'closingBalance', column: 'closing_balance', sql: 'numeric' },
      int('normDays', 'norm_days'),
      int('workedDays', 'worked_days'),
    ],
    refs: [
      { field: 'periodExternalId', column: 'period_id', target: 'payrollPeriod' },
      employeeRef,
      { field: 'assignmentExternalId', column: 'assignment_id', target: 'assignment' },
    ],
    attached: { column: 'lines', table: 'imp_payslip_lines', key: 'payslip_line' },
    scope: 'organization',
    deletion: 'soft',
    section: 'PAYROLL',
    remember: ['period_id'],
  },
];

export const specOf = new Map(typeSpecs.map((spec) => [spec.type, spec]));

/** Every file section a type's records touch, as an SQL text array: what a created record changes. */
export function allSectionsSql(spec: TypeSpec): string {
  const sections = new Set(
    [...spec.fields, ...spec.refs].map((item) => item.section ?? spec.section).filter(Boolean),
  );
  return `array[${[...sections].map((s) => `'${s}'`).join(', ')}]::text[]`;
}

/** Temporary staging table of a type's records. */
export const stagingOf = (spec: { table: string }): string => `imp_${spec.table}`;

/** Columns of the passport, staged with the employee it belongs to. */
export const identityDocumentColumns: { column: string; sql: SqlType }[] = [
  { column: 'kind', sql: 'text' },
  { column: 'series', sql: 'text' },
  { column: 'number', sql: 'text' },
  { column: 'issued_by', sql: 'text' },
  { column: 'issue_date', sql: 'date' },
  { column: 'division_code', sql: 'text' },
];
