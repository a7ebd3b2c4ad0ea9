import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { UseCase } from '../../core/unit-of-work.js';
import { AppError, badInput, ErrorCode, notFound } from '../../core/errors.js';
import { isUuid } from '../../core/ids.js';
import { Employee } from '../employee/index.js';
import { User } from '../identity/index.js';
import type { NewNotification } from '../notification/index.js';
import {
  EvaluationEvent,
  EvaluationSheet,
  IndicatorValue,
  type Indicator,
  type SheetStatus,
} from './kpi.entity.js';
import { isDecimal } from '../../core/decimal.js';
import { KpiPolicy, type SheetActor } from './kpi.policy.js';
import {
  achievement,
  parsePeriod,
  points,
  weightedTotal,
  type IndicatorDirection,
  type Period,
  type PeriodKind,
  type ScoringRule,
} from './kpi.rules.js';

/** The steps of a sheet, held as data: from where, to where, by whom. */
export const SheetActions = ['SUBMIT', 'AGREE', 'APPROVE', 'RETURN'] as const;
export type SheetAction = (typeof SheetActions)[number];

export const sheetSteps: Record<
  SheetAction,
  { from: SheetStatus[]; to: SheetStatus; by: SheetActor[]; requiresComment?: boolean }[]
> = {
  SUBMIT: [{ from: ['DRAFT'], to: 'SUBMITTED', by: ['EMPLOYEE'] }],
  AGREE: [{ from: ['SUBMITTED'], to: 'AGREED', by: ['MANAGER'] }],
  APPROVE: [{ from: ['AGREED'], to: 'APPROVED', by: ['HR'] }],
  RETURN: [
    { from: ['SUBMITTED'], to: 'DRAFT', by: ['MANAGER', 'HR'], requiresComment: true },
    { from: ['AGREED'], to: 'DRAFT', by: ['HR'], requiresComment: true },
  ],
};

export interface IndicatorInput {
  id?: string | null;
  name: string;
  description?: string | null;
  unit: string;
  direction: IndicatorDirection;
  periodKind: PeriodKind;
  defaultWeight: string;
  rule: ScoringRule;
  planMin?: string | null;
  planMax?: string | null;
  selfAssessed?: boolean | null;
  active?: boolean | null;
}

export interface PlanInput {
  indicatorId: string;
  plan: string;
  weight?: string | null;
}

export interface FactInput {
  indicatorId: string;
  fact: string;
  comment?: string | null;
}

export interface HistoryPoint {
  period: string;
  periodStart: string;
  plan: string;
  fact: string | null;
  achievement: string | null;
  points: string | null;
}

export const decimal = (value: string, path: (string | number)[], what: string) => {
  if (!isDecimal(value)) throw badInput(path, `${what}: a number with up to 4 places`);
  return value;
};

export const periodFrom = (code: string, path: string[]): Period => {
  const period = parsePeriod(code);
  if (!period) throw badInput(path, 'A period like 2026-11, 2026-Q4 or 2026');
  return period;
};

/**
 * What every KPI use case shares: the viewer, the policy, an employee of the organization, and a
 * sheet's locking, scoring, history, notices and journal entries.
 */
export abstract class KpiUseCase extends UseCase {
  protected policy(): KpiPolicy {
    return new KpiPolicy(this.viewer, this.ctx);
  }

  protected async employee(id: string, path: string[]): Promise<Employee> {
    const employee = isUuid(id) ? await this.ctx.loaders.load(Employee, id) : null;
    if (
      !employee ||
      employee.deletedAt ||
      employee.organization.id !== this.viewer.organizationId
    ) {
      throw badInput(path, 'No such employee');
    }
    return employee;
  }

  protected async lockSheet(tx: EntityManager, id: string): Promise<EvaluationSheet> {
    const sheet = isUuid(id)
      ? await tx.findOne(EvaluationSheet, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE })
      : null;
    if (!sheet || sheet.organization.id !== this.viewer.organizationId) {
      throw notFound('Evaluation sheet', id);
    }
    return sheet;
  }

  protected closed(sheet: EvaluationSheet, field: string[]): AppError {
    return new AppError(
      ErrorCode.PeriodClosed,
      sheet.status === 'APPROVED'
        ? `The sheet for ${sheet.period} is approved: the period is closed`
        : `The sheet for ${sheet.period} is ${sheet.status}: no longer a draft`,
      { field, details: { status: sheet.status } },
    );
  }

  protected async rescore(tx: EntityManager, sheet: EvaluationSheet): Promise<void> {
    const values = await tx.find(IndicatorValue, { sheet: sheet.id });
    sheet.totalScore =
      values.length > 0 && values.every((value) => value.points !== null)
        ? weightedTotal(values.map((value) => ({ points: value.points!, weight: value.weight })))
        : null;
    await tx.flush();
  }

  protected note(
    recipientUserId: string,
    sheet: EvaluationSheet,
    title: string,
    body: string | null = null,
  ): NewNotification {
    return {
      recipientUserId,
      organizationId: sheet.organization.id,
      type: 'KPI_SHEET',
      title,
      body,
      link: `/kpi/${sheet.id}`,
    };
  }

  protected event(
    tx: EntityManager,
    sheet: EvaluationSheet,
    action: string,
    fromStatus: SheetStatus | null,
    toStatus: SheetStatus,
    comment: string | null,
  ): void {
    tx.create(EvaluationEvent, {
      sheet,
      actor: tx.getReference(User, this.viewer.userId),
      action,
      fromStatus,
      toStatus,
      comment,
    });
  }

  protected journalChange(tx: EntityManager, employee: Employee, operation: string): Promise<void> {
    return this.ctx.access.writeNow(tx, {
      subjectEmployeeId: employee.id,
      section: 'KPI',
      action: 'CHANGE',
      allowed: true,
      operation,
    });
  }
}

/** Achievement and points of a value from its plan and fact (none while the fact is missing). */
export function score(value: IndicatorValue, indicator: Indicator): void {
  if (value.fact === null) {
    value.achievement = null;
    value.points = null;
    return;
  }
  value.achievement = achievement(indicator.direction, value.plan, value.fact);
  value.points = points(indicator.rule, value.achievement);
}
