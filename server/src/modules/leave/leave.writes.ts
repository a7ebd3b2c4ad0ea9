import type { EntityManager } from '@mikro-orm/postgresql';
import { LeaveRecord } from './leave.entity.js';
import { holidaysWithin } from './leave.periods.js';
import { findOverlap, leaveDays, type LeaveKind, type LeaveSpan } from './leave.rules.js';

/** What a leave record is written from: HR's save, an approved request. */
export interface LeaveData {
  kind: LeaveKind;
  startDate: string;
  endDate: string;
  /** The order's days; computed when absent (annual leave leaves out public holidays, ст. 120). */
  days?: number | null;
  orderNumber?: string | null;
  orderDate?: string | null;
  sickNoteNumber?: string | null;
}

/**
 * The leave of the file that `leave` would share a day with, by the one overlap rule of the portal
 * (`findOverlap`: none may share a day, but a sick leave inside annual leave, ст. 124), or null.
 * `except` is the record being corrected.
 */
export async function leaveClash(
  tx: EntityManager,
  employeeId: string,
  leave: LeaveSpan,
  except: string | null = null,
): Promise<LeaveSpan | null> {
  const others = (await tx.find(LeaveRecord, { employee: employeeId }))
    .filter((other) => other.id !== except)
    .map((other): LeaveSpan => ({
      kind: other.kind as LeaveKind,
      start: other.startDate,
      end: other.endDate,
    }));
  const clash = findOverlap([...others, leave]);
  if (!clash || !clash.includes(leave)) return null;
  return clash[0] === leave ? clash[1] : clash[0];
}

/**
 * The one writer of `leave_record` in a unit of work: corrects `existing` or records a new leave of
 * the owner's file, after the overlap rule; `refuse` says how the use case refuses a clash (HR's save
 * and an employee's request answer with codes of their own). The import applies its batch set-based
 * and checks the same rule over the batch (`integration/import-checks.ts`).
 */
export async function recordLeave(
  tx: EntityManager,
  owner: { organizationId: string; employeeId: string },
  existing: LeaveRecord | null,
  data: LeaveData,
  refuse: (other: LeaveSpan) => Error,
): Promise<LeaveRecord> {
  const span: LeaveSpan = { kind: data.kind, start: data.startDate, end: data.endDate };
  const other = await leaveClash(tx, owner.employeeId, span, existing?.id ?? null);
  if (other) throw refuse(other);
  const values = {
    kind: data.kind,
    startDate: data.startDate,
    endDate: data.endDate,
    days: data.days ?? leaveDays(span, await holidaysWithin(tx, span.start, span.end)),
    orderNumber: data.orderNumber ?? null,
    orderDate: data.orderDate ?? null,
    sickNoteNumber: data.sickNoteNumber ?? null,
    organization: owner.organizationId,
    employee: owner.employeeId,
  };
  if (!existing) return tx.create(LeaveRecord, values);
  tx.assign(existing, values);
  return existing;
}
