import type { EntityClass, FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { AppContext } from '../../core/context.js';
import { appErrorOf, badInput, ErrorCode, notFound } from '../../core/errors.js';
import { isUuid } from '../../core/ids.js';
import { Assignment } from '../assignment/index.js';
import { Department, type Employee } from '../employee/index.js';
import { type LeaveKind, LeaveRecord, recordLeave } from '../leave/index.js';
import { Position } from '../position/index.js';
import { SeniorityPeriod } from '../seniority/index.js';
import type { FileSection } from '../organization/index.js';
import { fileRecordKinds } from './file-records.js';
import { editFile, overlaps, putRecord, recordOfFile } from '../file-section/index.js';
import { checkAssignment, checkLeaveInput, checkSeniorityPeriod } from './file-checks.js';
import type { AssignmentInput, LeaveInput, SeniorityPeriodInput } from './file-edits.inputs.js';

/** The record kinds HR may remove, by section, in the registry's order. */
export const removable = new Map(fileRecordKinds.map((kind) => [kind.section, kind.entity]));

/** The sections records can be removed from, as the refusal names them. */
export const removableList = (): string => [...removable.keys()].join(', ');

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
        checkAssignment(today, input);
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
        const assignment = await recordOfFile(tx, Assignment, input.id, employee);
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
        return putRecord(tx, Assignment, assignment, {
          kind: input.kind,
          orderNumber: input.orderNumber ?? null,
          orderDate: input.orderDate ?? null,
          department,
          position,
          rate: Number(input.rate).toFixed(2),
          startDate: input.startDate,
          endDate: input.endDate ?? null,
          organization: employee.organization,
          employee,
        });
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
        checkLeaveInput(today, input);
        const leave = await recordOfFile(tx, LeaveRecord, input.id, employee);
        return recordLeave(
          tx,
          { organizationId: employee.organization.id, employeeId: employee.id },
          leave,
          {
            kind: input.kind as LeaveKind,
            startDate: input.startDate,
            endDate: input.endDate,
            days: input.days ?? null,
            orderNumber: input.orderNumber ?? null,
            orderDate: input.orderDate ?? null,
            sickNoteNumber: input.sickNoteNumber ?? null,
          },
          (other) =>
            badInput(
              ['input', 'startDate'],
              `Overlaps the leave from ${other.start} to ${other.end}`,
            ),
        );
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
        checkSeniorityPeriod(today, input);
        const period = await recordOfFile(tx, SeniorityPeriod, input.id, employee);
        return putRecord(tx, SeniorityPeriod, period, {
          kind: input.kind,
          startDate: input.startDate,
          endDate: input.endDate ?? null,
          factor: Number(input.factor).toFixed(2),
          document: input.document ?? null,
          employee,
        });
      },
    );
  }

  /** Removes a record of the file; the section names which kind of record `id` is. */
  async deleteRecord(section: FileSection, id: string): Promise<boolean> {
    const entity = removable.get(section);
    if (!entity) throw badInput(['section'], `Records can be removed from ${removableList()}`);
    const row = isUuid(id) ? await this.ctx.em.findOne(entity, { id }) : null;
    if (!row) throw notFound('Record', id);
    return editFile(this.ctx, row.employee.id, section, 'deleteFileRecord', async (tx) => {
      await tx.nativeDelete(entity, { id });
      return true;
    }).catch((error: unknown) => {
      // A record of a file the viewer may not see answers as an unknown record, naming no one.
      throw appErrorOf(error)?.extensions['code'] === ErrorCode.NotFound
        ? notFound('Record', id)
        : error;
    });
  }

  private async inOrganization<T extends Department | Position>(
    tx: EntityManager,
    entity: EntityClass<T>,
    id: string | null | undefined,
    employee: Employee,
    field: string,
  ): Promise<T | null> {
    if (!id) return null;
    const where = { id, organization: employee.organization.id, deletedAt: null } as FilterQuery<T>;
    const row: T | null = isUuid(id) ? await tx.findOne<T>(entity, where) : null;
    if (!row) throw badInput(['input', field], 'Unknown in this organization');
    return row;
  }
}
