import type { EntityClass, FilterQuery, RequiredEntityData } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { AppContext } from '../../core/context.js';
import { unitOf } from '../../core/unit-of-work.js';
import { forbidden } from '../../core/auth/viewer.js';
import { badInput, notFound } from '../../core/errors.js';
import { isUuid } from '../../core/ids.js';
import { isLocalDate } from '../../core/graphql/scalars.js';
import { Employee, policyOf } from '../employee/index.js';
import { type FileSection, organizationToday } from '../organization/index.js';

/** How far ahead a date in a record may lie: next year's leave schedule, not a typo's 2205. */
const MAX_YEARS_AHEAD = 2;

/**
 * One HR change to a personal file, as a use case: HR of the organization only, the input checked
 * before anything is written, the change and its journal entry in one transaction.
 */
export async function editFile<T>(
  ctx: AppContext,
  employeeId: string,
  section: FileSection,
  operation: string,
  change: (tx: EntityManager, employee: Employee, today: string) => Promise<T>,
): Promise<T> {
  const employee = isUuid(employeeId) ? await ctx.em.findOne(Employee, { id: employeeId }) : null;
  if (!employee || employee.deletedAt) throw notFound('Employee', employeeId);
  const policy = policyOf(ctx);
  if (!policy.canEdit(employee)) {
    ctx.access.record({
      subjectEmployeeId: employee.id,
      section,
      action: 'DENIED',
      allowed: false,
      operation,
    });
    // Someone who may not see the file is told what an unknown id is told.
    if (!(await policy.sees(employee))) throw notFound('Employee', employeeId);
    throw forbidden('Only HR changes the personal file');
  }
  const today = await organizationToday(ctx, employee);
  const tx = unitOf(ctx).em;
  const result = await change(tx, employee, today);
  await ctx.access.writeNow(tx, {
    subjectEmployeeId: employee.id,
    section,
    action: 'CHANGE',
    allowed: true,
    operation,
  });
  return result;
}

/**
 * Checks a period's dates: real dates, in order, not in the far future (a field may allow more,
 * as a qualification category's five years); errors name the field.
 */
export function checkDates(
  today: string,
  fields: { path: string[]; value: string | null | undefined; yearsAhead?: number }[],
  order: [start: number, end: number][] = [],
): void {
  for (const { path, value, yearsAhead = MAX_YEARS_AHEAD } of fields) {
    if (value === null || value === undefined) continue;
    if (!isLocalDate(value)) throw badInput(path, 'Not a calendar date YYYY-MM-DD');
    if (value > `${Number(today.slice(0, 4)) + yearsAhead}${today.slice(4)}`)
      throw badInput(path, `Dates more than ${yearsAhead} years ahead are not accepted`);
  }
  for (const [start, end] of order) {
    const from = fields[start]?.value;
    const to = fields[end]?.value;
    if (from && to && to < from)
      throw badInput(fields[end]!.path, 'The period ends before it starts');
  }
}

/** The usual dates of a record: real, not far ahead, the start not after the end, the order date. */
export function checkRecordDates(
  today: string,
  input: { startDate?: string | null; endDate?: string | null; orderDate?: string | null },
): void {
  checkDates(
    today,
    [
      { path: ['input', 'startDate'], value: input.startDate },
      { path: ['input', 'endDate'], value: input.endDate },
      { path: ['input', 'orderDate'], value: input.orderDate },
    ],
    [[0, 1]],
  );
}

/** Two inclusive periods share a day; an open end runs on. */
export const overlaps = (
  a: { start: string; end: string | null },
  b: { start: string; end: string | null },
): boolean => a.start <= (b.end ?? '9999-12-31') && b.start <= (a.end ?? '9999-12-31');

/** The record `id` of an entity, which must belong to this employee's file; for corrections. */
export async function recordOfFile<T extends { employee: { id: string } }>(
  tx: EntityManager,
  entity: EntityClass<T>,
  id: string | null | undefined,
  employee: { id: string },
): Promise<T | null> {
  if (!id) return null;
  const row: T | null = isUuid(id) ? await tx.findOne<T>(entity, { id } as FilterQuery<T>) : null;
  if (!row || row.employee.id !== employee.id)
    throw badInput(['input', 'id'], 'No such record in this file');
  return row;
}

/** Corrects `existing` with `data`, or creates the record from it: every save's last step. */
export function putRecord<T extends object>(
  tx: EntityManager,
  entity: EntityClass<T>,
  existing: T | null,
  data: RequiredEntityData<T>,
): T {
  if (!existing) return tx.create(entity, data);
  tx.assign(existing, data as never);
  return existing;
}

/**
 * Adds or corrects one record of a file as an HR edit: `build` checks the input and returns the
 * record's data, the record to correct must belong to the file; journalled as `editFile` does.
 */
export function saveFileRecord<T extends { employee: { id: string } }>(
  ctx: AppContext,
  entity: EntityClass<T>,
  input: { id?: string | null; employeeId: string },
  section: FileSection,
  operation: string,
  build: (employee: Employee, today: string) => object,
): Promise<T> {
  return editFile(ctx, input.employeeId, section, operation, async (tx, employee, today) => {
    const data = build(employee, today);
    const row = await recordOfFile(tx, entity, input.id, employee);
    return putRecord(tx, entity, row, data as RequiredEntityData<T>);
  });
}
