import { LockMode } from '@mikro-orm/core';
import { forbidden } from '../../core/auth/viewer.js';
import { AppError, badInput, ErrorCode, notFound } from '../../core/errors.js';
import { isUuid } from '../../core/ids.js';
import { Employee } from '../employee/index.js';
import { User } from '../identity/index.js';
import { writeNotifications } from '../notification/index.js';
import { TaskPolicy } from '../task/index.js';
import { EvaluationSheet, Indicator, IndicatorValue } from './kpi.entity.js';
import { toScaled } from '../../core/decimal.js';
import { weightsComplete } from './kpi.rules.js';
import {
  decimal,
  KpiUseCase,
  periodFrom,
  score,
  type FactInput,
  type PlanInput,
} from './kpi.use-case.js';
import { can } from '../../core/policy.js';
import { kpiActions } from './kpi.policy.js';

/** Plans and facts of evaluation sheets. */
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
    const tx = this.unit.em;
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
    await writeNotifications(
      this.unit,
      owner && owner.id !== viewer.userId
        ? [this.note(owner.id, sheet, `План показателей на ${period.code}`)]
        : [],
    );
    return sheet;
  }

  /**
   * Facts of a sheet: the employee enters self-assessed ones while it is a draft; the manager, HR
   * and the integration any, until it is approved, which closes the period.
   */
  async enterFacts(sheetId: string, facts: FactInput[]): Promise<EvaluationSheet> {
    const viewer = this.viewer;
    if (facts.length === 0) throw badInput(['facts'], 'At least one fact');
    const tx = this.unit.em;
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
    const values = await tx.find(IndicatorValue, { sheet: sheet.id }, { populate: ['indicator'] });
    const byIndicator = new Map(values.map((value) => [value.indicator.id, value]));
    facts.forEach((fact, index) => {
      const value = byIndicator.get(fact.indicatorId);
      if (!value) throw badInput(['facts', index, 'indicatorId'], 'Not an indicator of this sheet');
      const indicator = value.indicator.getEntity();
      const may = can(viewer, kpiActions.enterFact, {
        actors,
        status: sheet.status,
        started: true,
        selfAssessed: indicator.selfAssessed,
      });
      if (!may) throw forbidden(`${indicator.name}: the fact is entered by the manager`);
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
    return sheet;
  }
}
