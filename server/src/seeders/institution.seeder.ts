import type { EntityClass } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Department, Employee, FamilyMember, IdentityDocument } from '../modules/employee/index.js';
import {
  hashPassword,
  type PasswordCost,
  type StoredRole,
  User,
} from '../modules/identity/index.js';
import {
  defaultManagerSections,
  Organization,
  OrganizationSettings,
  PortalSections,
} from '../modules/organization/index.js';
import { Position } from '../modules/position/index.js';
import { newId } from '../core/orm/base.entity.js';
import { Assignment, PreviousEmployment } from '../modules/assignment/index.js';
import { Attestation } from '../modules/attestation/index.js';
import { EducationRecord } from '../modules/education/index.js';
import { BusinessTrip } from '../modules/trip/index.js';
import { LeaveRecord, LeaveScheduleEntry, postLeave } from '../modules/leave/index.js';
import { Random, generateInstitution, type GeneratedInstitution } from './institution.generator.js';
import { generatePersonalFiles } from './personal-file.generator.js';
import { generatePayroll } from './payroll.generator.js';
import {
  PayrollPeriod,
  Payslip,
  payslipLineData,
  type PayslipLineData,
} from '../modules/payroll/index.js';
import { rethrow, runInUnit } from '../core/orm/unit-scope.js';
import { sectionSeeds } from './section-seeds.js';

const CHUNK = 1000;

export interface InstitutionSeedOptions {
  seed: number;
  employees: number;
  organization: { name: string; shortName: string; inn: string; kpp: string; address: string };
  /** Marks the organization so a second run of the same seed is recognised. */
  externalId: string;
  emailDomain: string;
  /** Every active employee gets an account `${loginPrefix}${personnelNumber}`; none when null. */
  loginPrefix: string | null;
  password: string;
  /** The argon2id cost of that password's hash; `standard` unless a test asks. */
  passwordCost?: PasswordCost;
  asOf?: Date;
  /** Lets the caller adjust the generated people before they are written (named demo accounts). */
  adjust?: (institution: GeneratedInstitution) => SeedAccount[];
  onProgress?: (done: number, total: number) => void;
  /** Months of payslips to generate back from `asOf` (the demo's three years); none by default. */
  payrollMonths?: number;
}

export interface SeedAccount {
  login: string;
  roles: StoredRole[];
  employeeId: string | null;
  displayName?: string;
  /** The account's own address (external users); employees' mail goes to their file's. */
  email?: string;
}

export interface InstitutionSeedResult {
  organizationId: string;
  employees: number;
  departments: number;
  accounts: SeedAccount[];
}

export const SEED_SOURCE = 'seed';

/** Writes a generated institution in one transaction, in bulk inserts of CHUNK rows. */
export async function seedInstitution(
  em: EntityManager,
  options: InstitutionSeedOptions,
): Promise<InstitutionSeedResult> {
  const institution = generateInstitution({
    seed: options.seed,
    employeeCount: options.employees,
    asOf: options.asOf ?? new Date(),
    emailDomain: options.emailDomain,
  });
  const named = options.adjust?.(institution) ?? [];
  const asOf = (options.asOf ?? new Date()).toISOString().slice(0, 10);
  const files = generatePersonalFiles(institution, new Random(options.seed + 1), asOf);
  const payroll = generatePayroll(
    institution,
    files,
    new Random(options.seed + 2),
    asOf,
    options.payrollMonths ?? 0,
    newId,
  );
  const personal = new Map(files.personal.map(({ employeeId, ...data }) => [employeeId, data]));
  // One hash for every seeded account: argon2 at OWASP cost takes ~150 ms a hash.
  const passwordHash = await hashPassword(options.password, options.passwordCost);
  const organizationId = newId();
  const total = institution.employees.length;

  await runInUnit(
    em,
    async ({ em: tx }) => {
      await tx.insert(Organization, {
        id: organizationId,
        ...options.organization,
        timeZone: 'Europe/Moscow',
        externalSource: SEED_SOURCE,
        externalId: options.externalId,
      });
      await tx.insert(OrganizationSettings, {
        id: newId(),
        organization: organizationId,
        managerSections: [...defaultManagerSections],
        enabledSections: [...PortalSections],
      });
      await tx.insertMany(
        Position,
        institution.positions.map((position) => {
          const teaching = position.category === 'Педагогические работники';
          return {
            ...position,
            organization: organizationId,
            basicLeaveDays: postLeave(position.name).basicDays,
            additionalLeaveDays: 0,
            seniorityKind: teaching ? 'PEDAGOGICAL' : null,
          };
        }),
      );
      await tx.insertMany(
        Department,
        institution.departments.map(({ id, parentId, name, code, sortOrder }) => ({
          id,
          organization: organizationId,
          parent: parentId,
          name,
          code,
          sortOrder,
        })),
      );
      for (let start = 0; start < total; start += CHUNK) {
        const chunk = institution.employees.slice(start, start + CHUNK);
        await tx.insertMany(
          Employee,
          chunk.map(({ departmentId, positionId, ...employee }) => ({
            ...employee,
            ...personal.get(employee.id),
            organization: organizationId,
            department: departmentId,
            position: positionId,
          })),
        );
        options.onProgress?.(Math.min(start + CHUNK, total), total);
      }
      await tx.execute(
        `update department d set head_id = h.head_id
         from json_to_recordset(?::json) as h(id uuid, head_id uuid) where d.id = h.id`,
        [
          JSON.stringify(
            institution.departments.map((department) => ({
              id: department.id,
              head_id: department.headId,
            })),
          ),
        ],
      );

      // Every personal-file row belongs to an employee; most also name the organization.
      const ofOrganization = { organization: organizationId };
      const owned = <R extends { employeeId: string }>(rows: R[], extra: object = {}) =>
        rows.map(({ employeeId, ...row }) => ({
          id: newId(),
          ...extra,
          ...row,
          employee: employeeId,
        }));
      await insertChunked(
        tx,
        IdentityDocument,
        owned(files.documents, { kind: 'Паспорт гражданина РФ' }),
      );
      await insertChunked(
        tx,
        Assignment,
        owned(
          files.assignments.map(({ departmentId, positionId, ...row }) => ({
            ...row,
            department: departmentId,
            position: positionId,
          })),
          ofOrganization,
        ),
      );
      await insertChunked(
        tx,
        PreviousEmployment,
        owned(files.previousEmployment, { countsAsMedical: false }),
      );
      await insertChunked(tx, LeaveRecord, owned(files.leaves, ofOrganization));
      await insertChunked(tx, LeaveScheduleEntry, owned(files.schedule, ofOrganization));
      await insertChunked(tx, FamilyMember, owned(files.family));
      await insertChunked(tx, BusinessTrip, owned(files.trips, ofOrganization));
      await insertChunked(tx, Attestation, owned(files.attestations, ofOrganization));
      await insertChunked(tx, EducationRecord, owned(files.education));
      for (const section of sectionSeeds)
        await section.seed({
          organizationId,
          institution,
          asOf,
          random: new Random(options.seed + seedOffset(section.name)),
          insert: (entity, rows) => insertChunked(tx, entity, rows),
        });
      await insertChunked(
        tx,
        PayrollPeriod,
        payroll.periods.map(({ published, ...period }) => ({
          ...period,
          ...ofOrganization,
          advancePublishedAt: published ? new Date(`${period.startDate}T12:00:00Z`) : null,
          publishedAt: published ? new Date(`${period.startDate}T12:00:00Z`) : null,
        })),
      );
      const linesOf = new Map<string, PayslipLineData[]>();
      for (const line of payroll.lines) {
        let lines = linesOf.get(line.payslipId);
        if (!lines) linesOf.set(line.payslipId, (lines = []));
        lines.push(payslipLineData(line));
      }
      await insertChunked(
        tx,
        Payslip,
        payroll.payslips.map(({ periodId, employeeId, ...payslip }) => ({
          ...payslip,
          ...ofOrganization,
          period: periodId,
          employee: employeeId,
          lines: linesOf.get(payslip.id) ?? [],
        })),
      );

      const accounts = [...named];
      if (options.loginPrefix !== null) {
        // An HR account reads the whole institution: what benchmarks of lists need.
        accounts.push({
          login: `${options.loginPrefix}hr`,
          roles: ['HR'],
          employeeId: null,
          displayName: 'Отдел кадров (нагрузочный тест)',
        });
        const taken = new Set(named.map((account) => account.employeeId));
        for (const employee of institution.employees) {
          if (employee.dismissalDate || taken.has(employee.id)) continue;
          accounts.push({
            login: `${options.loginPrefix}${employee.personnelNumber}`,
            roles: ['EMPLOYEE'],
            employeeId: employee.id,
          });
        }
      }
      for (let start = 0; start < accounts.length; start += CHUNK) {
        await tx.insertMany(
          User,
          accounts.slice(start, start + CHUNK).map((account) => ({
            id: newId(),
            organization: organizationId,
            login: account.login,
            roles: account.roles,
            employee: account.employeeId,
            displayName: account.displayName ?? null,
            email: account.email ?? null,
            passwordHash,
            status: 'ACTIVE' as const,
          })),
        );
      }
    },
    rethrow,
  );

  // Fresh statistics, or the planner takes a bulk-loaded table for empty and scans it.
  await em.execute(
    `analyze organization, department, position, employee, app_user, assignment, leave_record, leave_schedule_entry, identity_document, previous_employment, family_member, business_trip, attestation, education_record, payroll_period, payslip${sectionSeeds.flatMap((section) => section.tables.map((table) => `, ${table}`)).join('')}`,
  );
  return {
    organizationId,
    employees: total,
    departments: institution.departments.length,
    accounts: named,
  };
}

/** Bulk insert in chunks, so a 50 000-person seed never builds one giant statement. */
/** A section's generator seed from its name, far from the seeds of the generated files. */
const seedOffset = (name: string) =>
  1000 + [...name].reduce((sum, char) => (sum * 31 + char.charCodeAt(0)) % 100_000, 0);

async function insertChunked<T extends object>(
  tx: EntityManager,
  entity: EntityClass<T>,
  rows: object[],
): Promise<void> {
  for (let start = 0; start < rows.length; start += CHUNK) {
    await tx.insertMany(entity, rows.slice(start, start + CHUNK));
  }
}
