import { appErrorOf } from '../../core/errors.js';
import { normalizeMoney } from '../../core/money.js';
import { stagedId } from './import-ids.js';
import { pad } from '../../core/local-date.js';
import { leaveDays, statutoryHolidays, type LeaveKind } from '../leave/index.js';
import {
  checkAssignment,
  checkEducation,
  checkFamilyMember,
  checkIdentifiers,
  checkIdentityDocument,
  checkLeaveInput,
  checkSeniorityPeriod,
  checkTrip,
} from '../personal-data/index.js';
import { checkDates, checkRecordDates, type Fields } from '../file-section/index.js';
import { checkPayslipBody, payslipLineData, type PayslipLineSource } from '../payroll/index.js';
import type { FieldProblem } from './import-schema.js';
import { sectionImports } from './import-sections.js';
import { specOf, type RecordType } from './import-types.js';

/** A record as the schema let it through: its fields by name. */
export type { Fields } from '../file-section/index.js';

/** A staged row: staging column → value, as json_populate_recordset reads it. */
export type StagedRow = Record<string, unknown>;

/** A record ready for staging, with what it brings along (a passport, payslip lines). */
export interface PreparedRecord {
  row: StagedRow;
  identityDocument?: StagedRow | null;
  /** A payslip's lines as the payslip holds them (one jsonb document). */
  lines?: StagedRow;
}

/**
 * The checks a record gets beyond the schema, before anything is written: the same rules HR's
 * edits and the payroll office's savePayslip apply, so a file reads the same whoever wrote it.
 * Each throws BAD_USER_INPUT naming the field (under `input`, which is dropped here).
 */
const rules: Partial<Record<RecordType, (fields: Fields, today: string) => void>> = {
  employee: (f, today) => {
    checkIdentifiers(f);
    checkDates(
      today,
      [
        { path: ['input', 'birthDate'], value: f['birthDate'] as string | null },
        { path: ['input', 'hireDate'], value: f['hireDate'] as string },
        { path: ['input', 'dismissalDate'], value: f['dismissalDate'] as string | null },
      ],
      [[1, 2]],
    );
    const document = f['identityDocument'] as Fields | null | undefined;
    if (document)
      checkIdentityDocument(
        document as { series: string; number: string; issueDate: string },
        (f['birthDate'] as string | null | undefined) ?? null,
      );
  },
  familyMember: (f, today) =>
    checkFamilyMember(today, f as { relation: string; fullName: string; birthDate?: string }),
  previousEmployment: (f, today) => checkRecordDates(today, f),
  assignment: (f, today) => checkAssignment(today, f as { rate: string }),
  leave: (f, today) =>
    checkLeaveInput(today, f as { kind: string; startDate: string; endDate: string }),
  leaveSchedule: (f, today) => checkRecordDates(today, f),
  businessTrip: (f, today) => checkTrip(today, f as { destination: string }),
  seniorityPeriod: (f, today) => checkSeniorityPeriod(today, f as { factor: string }),
  education: (f, today) => checkEducation(today, f),
  payslip: (f) => checkPayslipBody(f as unknown as Parameters<typeof checkPayslipBody>[0]),
  ...Object.fromEntries(sectionImports.map(({ type, check }) => [type, check])),
};

/** Runs the type's rules; the problem found, with its path relative to the record. */
export function ruleProblem(type: RecordType, fields: Fields, today: string): FieldProblem | null {
  try {
    rules[type]?.(fields, today);
    return null;
  } catch (error) {
    const expected = appErrorOf(error);
    if (!expected) throw error;
    const field = expected.extensions['field'];
    const path = Array.isArray(field) ? (field as (string | number)[]) : [];
    return { path: path[0] === 'input' ? path.slice(1) : path, message: expected.message };
  }
}

/** Fields the database derives or normalizes, filled in before staging. */
const normalize: Partial<Record<RecordType, (fields: Fields) => Fields>> = {
  leave: (f) => ({
    ...f,
    days:
      f['days'] ??
      leaveDays(
        {
          kind: f['kind'] as LeaveKind,
          start: f['startDate'] as string,
          end: f['endDate'] as string,
        },
        // A feed carries no calendar: the ст. 112 holidays, which annual leave does not count.
        statutoryHolidays(f['startDate'] as string, f['endDate'] as string),
      ),
  }),
  businessTrip: (f) => ({
    ...f,
    advanceAmount: f['advanceAmount'] ? normalizeMoney(f['advanceAmount'] as string) : null,
    reportAmount: f['reportAmount'] ? normalizeMoney(f['reportAmount'] as string) : null,
  }),
  payrollPeriod: (f) => ({
    ...f,
    startDate: `${String(f['year'])}-${pad(f['month'] as number)}-01`,
    advancePublished: f['advancePublished'] === true,
    published: f['published'] === true,
  }),
};

/** Defaults of fields a record may leave out (an absent field is otherwise empty). */
const defaults: Partial<Record<RecordType, Fields>> = {
  department: { sortOrder: 0 },
  position: { basicLeaveDays: 28, additionalLeaveDays: 0 },
  employee: { formerNames: [] },
  previousEmployment: { countsAsPedagogical: false, countsAsMedical: false },
};

/** The staging row of an upsert: every column of the type, absent fields as null. */
export function prepareUpsert(
  type: Exclude<RecordType, 'organization'>,
  line: number,
  externalId: string,
  input: Fields,
): PreparedRecord {
  const spec = specOf.get(type)!;
  const base = defaults[type];
  // Copied only for the few types that derive fields; a payslip is read as it came.
  const fields = normalize[type]?.({ ...base, ...input }) ?? input;
  const row: StagedRow = { line, op: 'upsert', external_id: externalId, id: stagedId() };
  for (const field of spec.fields)
    row[field.column] = fields[field.field] ?? base?.[field.field] ?? null;
  for (const ref of spec.refs) row[`${ref.column}_ext`] = fields[ref.field] ?? null;
  for (const derived of spec.derived ?? []) row[derived.column] = fields[camel(derived.column)];
  const prepared: PreparedRecord = { row };
  if (type === 'employee') prepared.identityDocument = identityDocumentRow(fields, line);
  if (type === 'payslip')
    prepared.lines = {
      payslip_line: line,
      lines: (fields['lines'] as PayslipLineSource[]).map(payslipLineData),
    };
  return prepared;
}

/** The staging row of a deletion. */
export function prepareDeletion(line: number, externalId: string): PreparedRecord {
  return { row: { line, op: 'delete', external_id: externalId, id: stagedId() } };
}

function identityDocumentRow(fields: Fields, line: number): StagedRow | null {
  const document = fields['identityDocument'] as Fields | null | undefined;
  if (!document) return null;
  return {
    employee_line: line,
    kind: document['kind'] ?? 'Паспорт гражданина РФ',
    series: document['series'],
    number: document['number'],
    issued_by: document['issuedBy'],
    issue_date: document['issueDate'],
    division_code: document['divisionCode'] ?? null,
  };
}

const camel = (column: string) => column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** An organization's identifiers: a legal entity's ИНН has 10 digits (checked by the schema). */
export function organizationProblem(fields: Fields): FieldProblem | null {
  const timeZone = fields['timeZone'];
  if (typeof timeZone === 'string') {
    try {
      new Intl.DateTimeFormat('ru-RU', { timeZone });
    } catch {
      return { path: ['timeZone'], message: 'Not an IANA time zone' };
    }
  }
  return null;
}
