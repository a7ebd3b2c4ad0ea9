import { addDays, pad } from '../core/local-date.js';
import { generateInstitution, Random } from './institution.generator.js';
import { generatePayroll, type GeneratedSeniorityPeriod } from './payroll.generator.js';
import { generatePersonalFiles } from './personal-file.generator.js';
import { postLeave } from '../modules/leave/index.js';

export interface GeneratorOptions {
  seed: number;
  employees: number;
  /** Months of payslips back from `asOf` (and the current, unpublished one). */
  months: number;
  /** The day the institution is generated as of (YYYY-MM-DD): the same day gives the same file. */
  asOf: string;
  source: string;
  organizationExternalId: string;
  organizationName: string;
}

type Row = Record<string, unknown>;

/**
 * A whole institution as the system of record would send it: the header, the organization, its
 * departments, positions and people with every section of their files, and payslips. Built by the
 * demo's generators, so it is deterministic per seed and date; records come one by one, so a batch
 * of any size streams without being held in memory.
 */
export function* generateImportRecords(options: GeneratorOptions): Generator<Row> {
  const asOf = new Date(`${options.asOf}T12:00:00Z`);
  const institution = generateInstitution({
    seed: options.seed,
    employeeCount: options.employees,
    asOf,
    emailDomain: `org${options.seed}.example.ru`,
  });
  const files = generatePersonalFiles(institution, new Random(options.seed + 1), options.asOf);
  const military = militaryService(institution, files);
  let sequence = 0;
  const payroll = generatePayroll(
    institution,
    files,
    new Random(options.seed + 2),
    options.asOf,
    options.months,
    () => `g${++sequence}`,
    military,
  );
  const upsert = (type: string, externalId: string, fields: Row): Row => ({
    type,
    op: 'upsert',
    externalId,
    ...fields,
  });

  yield {
    type: 'header',
    schemaVersion: 1,
    source: options.source,
    organizationExternalId: options.organizationExternalId,
  };
  yield upsert('organization', options.organizationExternalId, {
    name: options.organizationName,
    shortName: `Учреждение № ${options.seed}`,
    inn: String(3_100_000_000 + options.seed).slice(0, 10),
    kpp: '310001001',
    address: '309110, Белгородская обл.',
    timeZone: 'Europe/Moscow',
  });

  const departmentKey = new Map(institution.departments.map((d) => [d.id, `dep-${d.code}`]));
  const positionKey = new Map(institution.positions.map((p, i) => [p.id, `pos-${pad(i + 1, 3)}`]));
  const employeeKey = new Map(institution.employees.map((e) => [e.id, `emp-${e.personnelNumber}`]));
  for (const department of institution.departments) {
    yield upsert('department', departmentKey.get(department.id)!, {
      name: department.name,
      code: department.code,
      parentExternalId: department.parentId ? departmentKey.get(department.parentId)! : null,
      headExternalId: department.headId ? employeeKey.get(department.headId)! : null,
      sortOrder: department.sortOrder,
    });
  }
  for (const position of institution.positions) {
    const teaching = position.category === 'Педагогические работники';
    yield upsert('position', positionKey.get(position.id)!, {
      name: position.name,
      category: position.category,
      basicLeaveDays: postLeave(position.name).basicDays,
      additionalLeaveDays: 0,
      seniorityKind: teaching ? 'PEDAGOGICAL' : null,
    });
  }
  const personal = new Map(files.personal.map(({ employeeId, ...data }) => [employeeId, data]));
  const documents = new Map(files.documents.map(({ employeeId, ...data }) => [employeeId, data]));
  for (const employee of institution.employees) {
    const { id, departmentId, positionId, ...fields } = employee;
    const document = documents.get(id);
    yield upsert('employee', employeeKey.get(id)!, {
      ...fields,
      departmentExternalId: departmentKey.get(departmentId)!,
      positionExternalId: positionKey.get(positionId)!,
      ...personal.get(id),
      identityDocument: document ? { kind: 'Паспорт гражданина РФ', ...document } : null,
    });
  }

  let n = 0;
  const key = (prefix: string) => `${prefix}-${pad(++n, 6)}`;
  const owned = (employeeId: string) => ({ employeeExternalId: employeeKey.get(employeeId)! });
  for (const { employeeId, ...row } of files.family)
    yield upsert('familyMember', key('fam'), { ...owned(employeeId), ...row });
  for (const { employeeId, ...row } of files.previousEmployment)
    yield upsert('previousEmployment', key('prev'), {
      ...owned(employeeId),
      ...row,
      countsAsMedical: false,
    });
  // The demo may date a transfer after `asOf`: a system of record holds no order not yet issued.
  const assignments = files.assignments.flatMap((assignment, index, all) => {
    if (assignment.kind === 'TRANSFER' && assignment.startDate > options.asOf) return [];
    const next = all[index + 1];
    return next?.employeeId === assignment.employeeId &&
      next.kind === 'TRANSFER' &&
      next.startDate > options.asOf
      ? [{ ...assignment, endDate: next.endDate }]
      : [assignment];
  });
  for (const { employeeId, departmentId, positionId, ...row } of assignments) {
    yield upsert('assignment', key('asg'), {
      ...owned(employeeId),
      ...row,
      departmentExternalId: departmentKey.get(departmentId)!,
      positionExternalId: positionKey.get(positionId)!,
    });
  }
  for (const { employeeId, ...row } of files.leaves)
    yield upsert('leave', key('lv'), { ...owned(employeeId), ...row });
  for (const { employeeId, ...row } of files.schedule)
    yield upsert('leaveSchedule', key('ls'), { ...owned(employeeId), ...row });
  for (const { employeeId, ...row } of files.trips)
    yield upsert('businessTrip', key('trip'), { ...owned(employeeId), ...row });
  for (const { employeeId, ...row } of files.attestations)
    yield upsert('attestation', key('att'), { ...owned(employeeId), ...row });
  for (const { employeeId, ...row } of files.education)
    yield upsert('education', key('edu'), { ...owned(employeeId), ...row });
  for (const { employeeId, ...period } of military)
    yield upsert('seniorityPeriod', key('sen'), {
      ...owned(employeeId),
      ...period,
      document: 'Военный билет',
    });

  const periodKey = new Map(
    payroll.periods.map((p) => [p.id, `pp-${p.year}-${pad(p.month)}`] as const),
  );
  for (const period of payroll.periods) {
    yield upsert('payrollPeriod', periodKey.get(period.id)!, {
      year: period.year,
      month: period.month,
      advancePublished: period.published,
      published: period.published,
    });
  }
  const linesOf = new Map<string, Row[]>();
  for (const { id: _id, payslipId, sortOrder: _order, ...line } of payroll.lines) {
    let lines = linesOf.get(payslipId);
    if (!lines) linesOf.set(payslipId, (lines = []));
    lines.push(line);
  }
  const personnelNumber = new Map(institution.employees.map((e) => [e.id, e.personnelNumber]));
  for (const { id, periodId, employeeId, ...payslip } of payroll.payslips) {
    const period = periodKey.get(periodId)!;
    yield upsert('payslip', `ps-${personnelNumber.get(employeeId)}-${period.slice(3)}`, {
      periodExternalId: period,
      employeeExternalId: employeeKey.get(employeeId)!,
      ...payslip,
      lines: linesOf.get(id) ?? [],
    });
  }
}

/**
 * Military service, which counts towards страховой стаж (документ — военный билет): a year from
 * 18 of every man whose file has a military category. The payslips' sick pay counts it too.
 */
function militaryService(
  institution: ReturnType<typeof generateInstitution>,
  files: ReturnType<typeof generatePersonalFiles>,
): GeneratedSeniorityPeriod[] {
  const birthDate = new Map(institution.employees.map((e) => [e.id, e.birthDate]));
  return files.personal.flatMap(({ employeeId, militaryCategory }) => {
    const born = birthDate.get(employeeId);
    if (!militaryCategory || !born) return [];
    const start = addDays(born, 18 * 365 + 120);
    return [
      {
        employeeId,
        kind: 'INSURANCE' as const,
        startDate: start,
        endDate: addDays(start, 364),
        factor: '1.00',
      },
    ];
  });
}
