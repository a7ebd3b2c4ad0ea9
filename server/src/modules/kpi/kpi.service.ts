import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { viewerOf, type AppContext } from '../../app/context.js';
import { forbidden, type Viewer } from '../../core/auth/viewer.js';
import { AppError, badInput, ErrorCode, notFound } from '../../core/errors.js';
import { isUuid } from '../../core/ids.js';
import { Employee } from '../employee/employee.entity.js';
import { managerOf } from '../employee/employee.service.js';
import { User } from '../identity/user.entity.js';
import { writeNotifications, type NewNotification } from '../notification/notification.service.js';
import { queueMembers } from '../task/task.change.js';
import { TaskPolicy } from '../task/task.policy.js';
import {
  EvaluationEvent,
  EvaluationSheet,
  Indicator,
  IndicatorValue,
  type SheetStatus,
} from './kpi.entity.js';
import { KpiPolicy, type SheetActor } from './kpi.policy.js';
import {
  achievement,
  isDecimal,
  parsePeriod,
  points,
  toScaled,
  weightedTotal,
  weightsComplete,
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

const ruLabel: Record<SheetStatus, string> = {
  DRAFT: 'возвращён на доработку',
  SUBMITTED: 'передан руководителю',
  AGREED: 'согласован руководителем',
  APPROVED: 'утверждён',
};

/** What every KPI use case shares: the viewer, the policy, and an employee of the organization. */
export abstract class KpiUseCase {
  constructor(protected readonly ctx: AppContext) {}

  protected get viewer(): Viewer {
    return viewerOf(this.ctx);
  }

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
}

/** Plans, facts and the evaluation sheet's way to approval. */
export class KpiService extends KpiUseCase {
  /**
   * The manager (or HR, or the integration) sets the plan of a sheet as a whole: which indicators,
   * their plans and weights, which must make 100 %. The sheet is created on first use.
   */
  async setPlans(
    employeeId: string,
    periodCode: string,
    plans: PlanInput[],
  ): Promise<EvaluationSheet> {
    const viewer = this.viewer;
    const period = periodFrom(periodCode, ['period']);
    const employee = await this.employee(employeeId, ['employeeId']);
    const actors = await this.policy().actorsOn(employee);
    if (!actors.has('MANAGER') && !actors.has('HR') && !actors.has('INTEGRATION')) {
      throw forbidden('Plans are set by the manager, HR or the integration');
    }
    if (plans.length === 0) throw badInput(['plans'], 'At least one indicator');
    const ids = plans.map((plan, index) => {
      if (!isUuid(plan.indicatorId))
        throw badInput(['plans', index, 'indicatorId'], 'No such indicator');
      return plan.indicatorId;
    });
    if (new Set(ids).size !== ids.length) throw badInput(['plans'], 'Each indicator once');
    const { sheet, publish } = await this.ctx.em.transactional(async (tx) => {
      const indicators = await tx.find(Indicator, {
        id: { $in: ids },
        organization: viewer.organizationId,
        active: true,
      });
      const byId = new Map(indicators.map((indicator) => [indicator.id, indicator]));
      const rows = plans.map((plan, index) => {
        const indicator = byId.get(plan.indicatorId);
        if (!indicator) throw badInput(['plans', index, 'indicatorId'], 'No such active indicator');
        if (indicator.periodKind !== period.kind) {
          throw badInput(['plans', index, 'indicatorId'], `Planned per ${indicator.periodKind}`);
        }
        decimal(plan.plan, ['plans', index, 'plan'], 'Plan');
        const value = toScaled(plan.plan);
        if (value <= 0n) throw badInput(['plans', index, 'plan'], 'A plan above zero');
        if (
          (indicator.planMin !== null && value < toScaled(indicator.planMin)) ||
          (indicator.planMax !== null && value > toScaled(indicator.planMax))
        ) {
          throw badInput(
            ['plans', index, 'plan'],
            `Outside the indicator's bounds ${indicator.planMin ?? '…'}–${indicator.planMax ?? '…'}`,
          );
        }
        const weight = plan.weight ?? indicator.defaultWeight;
        decimal(weight, ['plans', index, 'weight'], 'Weight');
        return { indicator, plan: plan.plan, weight };
      });
      if (!weightsComplete(rows.map((row) => row.weight))) {
        throw new AppError(ErrorCode.WeightsNot100, 'The weights of a sheet make 100 %', {
          field: ['plans'],
        });
      }
      let sheet = await tx.findOne(
        EvaluationSheet,
        { employee: employee.id, period: period.code },
        { lockMode: LockMode.PESSIMISTIC_WRITE },
      );
      if (sheet && sheet.status !== 'DRAFT') throw this.closed(sheet, ['period']);
      sheet ??= tx.create(EvaluationSheet, {
        organization: viewer.organizationId,
        employee,
        period: period.code,
        periodStart: period.start,
      });
      const existing = sheet.id ? await tx.find(IndicatorValue, { sheet: sheet.id }) : [];
      const kept = new Map(existing.map((value) => [value.indicator.id, value]));
      for (const value of existing) {
        if (!byId.has(value.indicator.id)) tx.remove(value);
      }
      for (const row of rows) {
        const value =
          kept.get(row.indicator.id) ??
          tx.create(IndicatorValue, {
            sheet,
            indicator: row.indicator,
            weight: row.weight,
            plan: row.plan,
            planSetBy: tx.getReference(User, viewer.userId),
          });
        tx.assign(value, {
          weight: row.weight,
          plan: row.plan,
          planSetBy: tx.getReference(User, viewer.userId),
        });
        score(value, row.indicator);
      }
      await tx.flush();
      await this.rescore(tx, sheet);
      this.event(tx, sheet, 'PLANNED', null, sheet.status, null);
      await this.journalChange(tx, employee, 'setIndicatorPlans');
      const owner = await tx.findOne(User, { employee: employee.id, status: 'ACTIVE' });
      const publish = await writeNotifications(
        tx,
        owner && owner.id !== viewer.userId
          ? [this.note(owner.id, sheet, `План показателей на ${period.code}`)]
          : [],
      );
      return { sheet, publish };
    });
    publish(this.ctx.app.pubSub);
    return sheet;
  }

  /**
   * Facts of a sheet: the employee enters self-assessed ones while it is a draft; the manager, HR
   * and the integration any, until it is approved, which closes the period.
   */
  async enterFacts(sheetId: string, facts: FactInput[]): Promise<EvaluationSheet> {
    const viewer = this.viewer;
    if (facts.length === 0) throw badInput(['facts'], 'At least one fact');
    const { sheet, publish } = await this.ctx.em.transactional(async (tx) => {
      const sheet = await this.lockSheet(tx, sheetId);
      const employee = await tx.findOneOrFail(Employee, { id: sheet.employee.id });
      const actors = await this.policy().actorsOn(employee);
      const service = actors.has('MANAGER') || actors.has('HR') || actors.has('INTEGRATION');
      if (!service && !actors.has('EMPLOYEE')) throw notFound('Evaluation sheet', sheetId);
      if (sheet.status === 'APPROVED') throw this.closed(sheet, ['sheetId']);
      if (!service && sheet.status !== 'DRAFT') throw this.closed(sheet, ['sheetId']);
      const today = await new TaskPolicy(viewer, this.ctx).today();
      if (sheet.periodStart > today) {
        throw badInput(['sheetId'], 'Facts are entered once the period has begun');
      }
      const values = await tx.find(
        IndicatorValue,
        { sheet: sheet.id },
        { populate: ['indicator'] },
      );
      const byIndicator = new Map(values.map((value) => [value.indicator.id, value]));
      facts.forEach((fact, index) => {
        const value = byIndicator.get(fact.indicatorId);
        if (!value)
          throw badInput(['facts', index, 'indicatorId'], 'Not an indicator of this sheet');
        const indicator = value.indicator.getEntity();
        if (!service && !indicator.selfAssessed) {
          throw forbidden(`${indicator.name}: the fact is entered by the manager`);
        }
        decimal(fact.fact, ['facts', index, 'fact'], 'Fact');
        if (toScaled(fact.fact) < 0n) throw badInput(['facts', index, 'fact'], 'Not below zero');
        tx.assign(value, {
          fact: fact.fact,
          comment: fact.comment?.trim() || value.comment,
          factEnteredBy: tx.getReference(User, viewer.userId),
          factEnteredAt: new Date(),
        });
        score(value, indicator);
      });
      await tx.flush();
      await this.rescore(tx, sheet);
      this.event(tx, sheet, 'FACTS', null, sheet.status, null);
      if (!actors.has('EMPLOYEE')) await this.journalChange(tx, employee, 'enterIndicatorFacts');
      return { sheet, publish: await writeNotifications(tx, []) };
    });
    publish(this.ctx.app.pubSub);
    return sheet;
  }

  /** Moves a sheet one step: submit, agree, approve, or return for rework (with a comment). */
  async act(
    sheetId: string,
    action: SheetAction,
    comment: string | null,
  ): Promise<EvaluationSheet> {
    const viewer = this.viewer;
    const note = comment?.trim() || null;
    const { sheet, publish } = await this.ctx.em.transactional(async (tx) => {
      const sheet = await this.lockSheet(tx, sheetId);
      const employee = await tx.findOneOrFail(Employee, { id: sheet.employee.id });
      const actors = await this.policy().actorsOn(employee);
      if (actors.size === 0 || (actors.size === 1 && actors.has('INTEGRATION'))) {
        throw notFound('Evaluation sheet', sheetId);
      }
      const step = sheetSteps[action]?.find((candidate) => candidate.from.includes(sheet.status));
      if (!step) {
        throw new AppError(
          ErrorCode.TransitionNotAllowed,
          `${action} is not possible while the sheet is ${sheet.status}`,
          { field: ['action'], details: { status: sheet.status } },
        );
      }
      if (!step.by.some((by) => actors.has(by)))
        throw forbidden(`You may not ${action} this sheet`);
      if (step.requiresComment && !note) {
        throw new AppError(ErrorCode.CommentRequired, `${action} needs a comment`, {
          field: ['comment'],
        });
      }
      if (action === 'SUBMIT') await this.checkComplete(tx, sheet);
      const from = sheet.status;
      sheet.status = step.to;
      await tx.flush();
      this.event(tx, sheet, action, from, step.to, note);
      const recipients = await this.nextPeople(tx, employee, step.to);
      const publish = await writeNotifications(
        tx,
        recipients
          .filter((userId) => userId !== viewer.userId)
          .map((userId) =>
            this.note(userId, sheet, `Оценочный лист ${sheet.period}: ${ruLabel[step.to]}`, note),
          ),
      );
      return { sheet, publish };
    });
    publish(this.ctx.app.pubSub);
    return sheet;
  }

  private async lockSheet(tx: EntityManager, id: string): Promise<EvaluationSheet> {
    const sheet = isUuid(id)
      ? await tx.findOne(EvaluationSheet, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE })
      : null;
    if (!sheet || sheet.organization.id !== this.viewer.organizationId) {
      throw notFound('Evaluation sheet', id);
    }
    return sheet;
  }

  private closed(sheet: EvaluationSheet, field: string[]): AppError {
    return new AppError(
      ErrorCode.PeriodClosed,
      sheet.status === 'APPROVED'
        ? `The sheet for ${sheet.period} is approved: the period is closed`
        : `The sheet for ${sheet.period} is ${sheet.status}: no longer a draft`,
      { field, details: { status: sheet.status } },
    );
  }

  /** A sheet is submitted whole: every fact in, weights of 100 %. */
  private async checkComplete(tx: EntityManager, sheet: EvaluationSheet): Promise<void> {
    const values = await tx.find(IndicatorValue, { sheet: sheet.id }, { populate: ['indicator'] });
    const missing = values.filter((value) => value.fact === null);
    if (missing.length > 0) {
      throw badInput(
        ['sheetId'],
        `Facts missing: ${missing.map((value) => value.indicator.getEntity().name).join(', ')}`,
      );
    }
    if (!weightsComplete(values.map((value) => value.weight))) {
      throw new AppError(ErrorCode.WeightsNot100, 'The weights of a sheet make 100 %', {
        field: ['sheetId'],
      });
    }
  }

  private async rescore(tx: EntityManager, sheet: EvaluationSheet): Promise<void> {
    const values = await tx.find(IndicatorValue, { sheet: sheet.id });
    sheet.totalScore =
      values.length > 0 && values.every((value) => value.points !== null)
        ? weightedTotal(values.map((value) => ({ points: value.points!, weight: value.weight })))
        : null;
    await tx.flush();
  }

  /** Who acts next: the manager for a submitted sheet, HR for an agreed one, the employee else. */
  private async nextPeople(
    tx: EntityManager,
    employee: Employee,
    status: SheetStatus,
  ): Promise<string[]> {
    if (status === 'SUBMITTED') {
      const manager = await managerOf(employee, this.ctx.loaders);
      const user = manager
        ? await tx.findOne(User, { employee: manager.id, status: 'ACTIVE' })
        : null;
      return user ? [user.id] : [];
    }
    if (status === 'AGREED') return queueMembers(tx, employee.organization.id, 'HR');
    const owner = await tx.findOne(User, { employee: employee.id, status: 'ACTIVE' });
    return owner ? [owner.id] : [];
  }

  private note(
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

  private event(
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

  private journalChange(tx: EntityManager, employee: Employee, operation: string): Promise<void> {
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
function score(value: IndicatorValue, indicator: Indicator): void {
  if (value.fact === null) {
    value.achievement = null;
    value.points = null;
    return;
  }
  value.achievement = achievement(indicator.direction, value.plan, value.fact);
  value.points = points(indicator.rule, value.achievement);
}
