import type { EntityClass, FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { AppContext } from '../../app/context.js';
import { badInput, notFound } from '../../core/errors.js';
import { isUuid } from '../../core/ids.js';
import { isPersonalInn, isSnils } from '../../core/ru-identifiers.js';
import { Assignment } from '../assignment/assignment.entity.js';
import { Department } from '../department/department.entity.js';
import { FamilyMember, IdentityDocument, type Employee } from '../employee/employee.entity.js';
import { isLocalDate } from '../../core/graphql/scalars.js';
import { LeaveRecord } from '../leave/leave.entity.js';
import { checkLeave, findOverlap, leaveDays, type LeaveKind } from '../leave/leave.rules.js';
import { Position } from '../position/position.entity.js';
import { SeniorityPeriod } from '../seniority/seniority.entity.js';
import { Attestation } from '../attestation/attestation.entity.js';
import { EducationRecord } from '../education/education.entity.js';
import { BusinessTrip } from '../trip/trip.entity.js';
import { checkDates, editFile, overlaps } from './file-edit.js';
import type {
  FamilyMemberInput,
  IdentityDocumentInput,
  AssignmentInput,
  LeaveInput,
  PersonalDataInput,
  SeniorityPeriodInput,
} from './file-edits.inputs.js';

const decimal = /^\d{1,2}(\.\d{1,2})?$/;

/** The record kinds HR may remove, by the section they belong to. */
export const removable = {
  EMPLOYMENT: Assignment,
  LEAVE: LeaveRecord,
  SENIORITY: SeniorityPeriod,
  TRIPS: BusinessTrip,
  PERSONAL: FamilyMember,
  ATTESTATION: Attestation,
  EDUCATION: EducationRecord,
} as const;
export type RemovableSection = keyof typeof removable;

/** HR's corrections to personal files: each a checked, journalled, single-transaction use case. */
export class FileEditsService {
  constructor(private readonly ctx: AppContext) {}

  /** Adds or corrects an employment history entry; main posts (hire, transfer) must not overlap. */
  saveAssignment(input: AssignmentInput): Promise<Assignment> {
    return editFile(
      this.ctx,
      input.employeeId,
      'EMPLOYMENT',
      'saveAssignment',
      async (tx, employee, today) => {
        checkDates(
          today,
          [
            { path: ['input', 'startDate'], value: input.startDate },
            { path: ['input', 'endDate'], value: input.endDate },
            { path: ['input', 'orderDate'], value: input.orderDate },
          ],
          [[0, 1]],
        );
        if (!decimal.test(input.rate) || Number(input.rate) <= 0 || Number(input.rate) > 1.5) {
          throw badInput(['input', 'rate'], 'Rate must be above 0 and at most 1.5, e.g. "0.50"');
        }
        const department = await this.inOrganization(
          tx,
          Department,
          input.departmentId,
          employee,
          'departmentId',
        );
        const position = await this.inOrganization(
          tx,
          Position,
          input.positionId,
          employee,
          'positionId',
        );
        const assignment = await this.existing(tx, Assignment, input.id, employee);
        const main = (kind: string) => kind === 'HIRE' || kind === 'TRANSFER';
        if (main(input.kind)) {
          const others = await tx.find(Assignment, {
            employee: employee.id,
            kind: { $in: ['HIRE', 'TRANSFER'] },
          });
          const clash = others.find(
            (other) =>
              other.id !== assignment?.id &&
              overlaps(
                { start: input.startDate, end: input.endDate ?? null },
                { start: other.startDate, end: other.endDate },
              ),
          );
          if (clash) {
            throw badInput(
              ['input', 'startDate'],
              `Overlaps the ${clash.kind.toLowerCase()} from ${clash.startDate}`,
            );
          }
        }
        const target =
          assignment ??
          tx.create(Assignment, {
            organization: employee.organization,
            employee,
            kind: input.kind,
            rate: input.rate,
            startDate: input.startDate,
          });
        tx.assign(target, {
          kind: input.kind,
          orderNumber: input.orderNumber ?? null,
          orderDate: input.orderDate ?? null,
          department,
          position,
          rate: Number(input.rate).toFixed(2),
          startDate: input.startDate,
          endDate: input.endDate ?? null,
        });
        return target;
      },
    );
  }

  /** Adds or corrects a leave; leaves must not overlap (but for sick leave inside annual leave). */
  saveLeave(input: LeaveInput): Promise<LeaveRecord> {
    return editFile(
      this.ctx,
      input.employeeId,
      'LEAVE',
      'saveLeave',
      async (tx, employee, today) => {
        checkDates(
          today,
          [
            { path: ['input', 'startDate'], value: input.startDate },
            { path: ['input', 'endDate'], value: input.endDate },
            { path: ['input', 'orderDate'], value: input.orderDate },
          ],
          [[0, 1]],
        );
        const record = {
          kind: input.kind as LeaveKind,
          start: input.startDate,
          end: input.endDate,
        };
        const problem = checkLeave(record);
        if (problem) throw badInput(['input', 'kind'], problem);
        if (
          input.days !== null &&
          input.days !== undefined &&
          (input.days < 0 || input.days > 1000)
        ) {
          throw badInput(['input', 'days'], 'Days must be between 0 and 1000');
        }
        const leave = await this.existing(tx, LeaveRecord, input.id, employee);
        const others = (await tx.find(LeaveRecord, { employee: employee.id }))
          .filter((other) => other.id !== leave?.id)
          .map((other) => ({
            kind: other.kind as LeaveKind,
            start: other.startDate,
            end: other.endDate,
          }));
        const clash = findOverlap([...others, record]);
        if (clash && clash.includes(record)) {
          const other = clash[0] === record ? clash[1] : clash[0];
          throw badInput(
            ['input', 'startDate'],
            `Overlaps the leave from ${other.start} to ${other.end}`,
          );
        }
        const target =
          leave ??
          tx.create(LeaveRecord, {
            organization: employee.organization,
            employee,
            kind: input.kind,
            startDate: input.startDate,
            endDate: input.endDate,
            days: 0,
          });
        tx.assign(target, {
          kind: input.kind,
          startDate: input.startDate,
          endDate: input.endDate,
          days: input.days ?? leaveDays(record),
          orderNumber: input.orderNumber ?? null,
          orderDate: input.orderDate ?? null,
          sickNoteNumber: input.sickNoteNumber ?? null,
        });
        return target;
      },
    );
  }

  /** Adds or corrects a directly entered seniority period. */
  saveSeniorityPeriod(input: SeniorityPeriodInput): Promise<SeniorityPeriod> {
    return editFile(
      this.ctx,
      input.employeeId,
      'SENIORITY',
      'saveSeniorityPeriod',
      async (tx, employee, today) => {
        checkDates(
          today,
          [
            { path: ['input', 'startDate'], value: input.startDate },
            { path: ['input', 'endDate'], value: input.endDate },
          ],
          [[0, 1]],
        );
        if (!decimal.test(input.factor) || Number(input.factor) <= 0 || Number(input.factor) > 2) {
          throw badInput(['input', 'factor'], 'Factor must be above 0 and at most 2, e.g. "1.50"');
        }
        const period = await this.existing(tx, SeniorityPeriod, input.id, employee);
        const target =
          period ??
          tx.create(SeniorityPeriod, {
            employee,
            kind: input.kind,
            startDate: input.startDate,
            factor: input.factor,
          });
        tx.assign(target, {
          kind: input.kind,
          startDate: input.startDate,
          endDate: input.endDate ?? null,
          factor: Number(input.factor).toFixed(2),
          document: input.document ?? null,
        });
        return target;
      },
    );
  }

  /** Changes the personal section; identifiers must carry valid check digits. */
  updatePersonalData(employeeId: string, input: PersonalDataInput): Promise<Employee> {
    return editFile(
      this.ctx,
      employeeId,
      'PERSONAL',
      'updatePersonalData',
      async (tx, employee) => {
        if (input.snils && !isSnils(input.snils))
          throw badInput(['input', 'snils'], 'Not a valid СНИЛС');
        if (input.inn && !isPersonalInn(input.inn))
          throw badInput(['input', 'inn'], 'Not a valid ИНН');
        const { identityDocument, ...fields } = input;
        if (identityDocument) await this.replaceDocument(tx, employee, identityDocument);
        const changes = Object.fromEntries(
          Object.entries(fields).filter(([, value]) => value !== undefined),
        ) as Partial<Employee>;
        tx.assign(employee, changes);
        tx.persist(employee);
        return employee;
      },
    );
  }

  /** Adds or corrects a family member (PERSONAL). */
  saveFamilyMember(input: FamilyMemberInput): Promise<FamilyMember> {
    return editFile(
      this.ctx,
      input.employeeId,
      'PERSONAL',
      'saveFamilyMember',
      async (tx, employee, today) => {
        checkDates(today, [{ path: ['input', 'birthDate'], value: input.birthDate }]);
        if (!input.relation.trim())
          throw badInput(['input', 'relation'], 'Степень родства is required');
        if (input.fullName.trim().length < 3) throw badInput(['input', 'fullName'], 'A full name');
        const member = input.id ? await this.existing(tx, FamilyMember, input.id, employee) : null;
        const target =
          member ??
          tx.create(FamilyMember, { employee, relation: input.relation, fullName: input.fullName });
        tx.assign(target, {
          relation: input.relation.trim(),
          fullName: input.fullName.trim(),
          birthDate: input.birthDate ?? null,
        });
        return target;
      },
    );
  }

  private async replaceDocument(
    tx: EntityManager,
    employee: Employee,
    input: IdentityDocumentInput,
  ) {
    if (!/^\d{2} ?\d{2}$/.test(input.series))
      throw badInput(['input', 'identityDocument', 'series'], 'Серия: 4 digits');
    if (!/^\d{6}$/.test(input.number))
      throw badInput(['input', 'identityDocument', 'number'], 'Номер: 6 digits');
    if (!isLocalDate(input.issueDate) || input.issueDate < (employee.birthDate ?? '1900-01-01')) {
      throw badInput(
        ['input', 'identityDocument', 'issueDate'],
        'Issued on a real date after birth',
      );
    }
    const document =
      (await tx.findOne(IdentityDocument, { employee: employee.id })) ??
      tx.create(IdentityDocument, { employee, ...input, divisionCode: input.divisionCode ?? null });
    tx.assign(document, { ...input, divisionCode: input.divisionCode ?? null });
  }

  /** Removes a record of the file; the section names which kind of record `id` is. */
  async deleteRecord(section: RemovableSection, id: string): Promise<boolean> {
    const entity = removable[section] as EntityClass<{ id: string; employee: { id: string } }>;
    const row = isUuid(id) ? await this.ctx.em.findOne(entity, { id }) : null;
    if (!row) throw notFound('Record', id);
    return editFile(this.ctx, row.employee.id, section, 'deleteFileRecord', async (tx) => {
      await tx.nativeDelete(entity, { id });
      return true;
    });
  }

  private async existing<T extends Assignment | LeaveRecord | SeniorityPeriod | FamilyMember>(
    tx: EntityManager,
    entity: EntityClass<T>,
    id: string | null | undefined,
    employee: Employee,
  ): Promise<T | null> {
    if (!id) return null;
    const row: T | null = isUuid(id) ? await tx.findOne<T>(entity, { id } as FilterQuery<T>) : null;
    if (!row || row.employee.id !== employee.id) {
      throw badInput(['input', 'id'], 'No such record in this file');
    }
    return row;
  }

  private async inOrganization<T extends Department | Position>(
    tx: EntityManager,
    entity: EntityClass<T>,
    id: string | null | undefined,
    employee: Employee,
    field: string,
  ): Promise<T | null> {
    if (!id) return null;
    const where = { id, organization: employee.organization.id } as FilterQuery<T>;
    const row: T | null = isUuid(id) ? await tx.findOne<T>(entity, where) : null;
    if (!row) throw badInput(['input', field], 'Unknown in this organization');
    return row;
  }
}
