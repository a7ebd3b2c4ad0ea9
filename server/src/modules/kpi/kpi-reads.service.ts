import { forbidden } from '../../core/auth/viewer.js';
import { can } from '../../core/policy.js';
import { awaitingFilters, kpiActions } from './kpi.policy.js';
import { badInput, notFound } from '../../core/errors.js';
import { isUuid } from '../../core/ids.js';
import { Employee, policyOf } from '../employee/index.js';
import { TaskPolicy } from '../task/index.js';
import { EvaluationSheet, Indicator, IndicatorValue } from './kpi.entity.js';
import { sheetValuesLoader } from './kpi.loaders.js';
import { periodOf, readyToSubmit } from './kpi.rules.js';

import {
  KpiUseCase,
  periodFrom,
  sheetSteps,
  SheetActions,
  type HistoryPoint,
  type SheetAction,
} from './kpi.use-case.js';

/** Sheets listed as waiting at most (the oldest first). */
const WAITING_LIMIT = 200;

/** Reading sheets: one's own, a subordinate's, by id, an indicator's history, the team, what waits. */
export class KpiReadService extends KpiUseCase {
  /** The viewer's own sheet for a period (this month by default), or null. */
  async mySheet(periodCode: string | null): Promise<EvaluationSheet | null> {
    const viewer = this.viewer;
    if (!viewer.employeeId) throw forbidden('Only employees have indicators');
    const period = periodCode
      ? periodFrom(periodCode, ['period'])
      : periodOf('MONTH', await new TaskPolicy(viewer, this.ctx).today());
    return this.ctx.em.findOne(EvaluationSheet, {
      employee: viewer.employeeId,
      period: period.code,
    });
  }

  /** Someone's sheet for a period, for those who may read it; null when there is none. */
  async sheet(employeeId: string, periodCode: string): Promise<EvaluationSheet | null> {
    const period = periodFrom(periodCode, ['period']);
    const employee = await this.employee(employeeId, ['employeeId']);
    if (!(await this.policy().read(employee, 'evaluationSheet')))
      throw notFound('Employee', employeeId);
    return this.ctx.em.findOne(EvaluationSheet, { employee: employee.id, period: period.code });
  }

  /** A sheet by its id (a notification links to it), for those who may read it. */
  async sheetById(id: string): Promise<EvaluationSheet> {
    const sheet = isUuid(id) ? await this.ctx.em.findOne(EvaluationSheet, { id }) : null;
    const employee = sheet ? await this.ctx.loaders.load(Employee, sheet.employee.id) : null;
    if (
      !sheet ||
      !employee ||
      employee.deletedAt ||
      employee.organization.id !== this.viewer.organizationId ||
      !(await this.policy().read(employee, 'evaluationSheetById'))
    ) {
      throw notFound('Evaluation sheet', id);
    }
    return sheet;
  }

  /** One indicator's plan and fact over the periods from `from` to `to`, for a chart. */
  async history(
    employeeId: string,
    indicatorId: string,
    from: string,
    to: string,
  ): Promise<HistoryPoint[]> {
    const start = periodFrom(from, ['from']);
    const end = periodFrom(to, ['to']);
    const employee = await this.employee(employeeId, ['employeeId']);
    if (!(await this.policy().read(employee, 'indicatorHistory'))) {
      throw notFound('Employee', employeeId);
    }
    if (!isUuid(indicatorId)) throw badInput(['indicatorId'], 'No such indicator');
    const rows = await this.ctx.em.find(
      IndicatorValue,
      {
        indicator: indicatorId,
        sheet: {
          employee: employee.id,
          periodStart: { $gte: start.start, $lte: end.end },
        },
      },
      { populate: ['sheet'], orderBy: { sheet: { periodStart: 'asc' } } },
    );
    return rows.map((row) => ({
      period: row.sheet.getEntity().period,
      periodStart: row.sheet.getEntity().periodStart,
      plan: row.plan,
      fact: row.fact,
      achievement: row.achievement,
      points: row.points,
    }));
  }

  /** A manager's team for a period: each subordinate with their sheet, if any. */
  async team(periodCode: string): Promise<{ employee: Employee; sheet: EvaluationSheet | null }[]> {
    const period = periodFrom(periodCode, ['period']);
    const scope = await policyOf(this.ctx).teamScope();
    if (!scope) throw forbidden('Only managers have a team');
    const employees = await this.ctx.em.find(
      Employee,
      { $and: [scope, { deletedAt: null }] },
      {
        orderBy: { lastName: 'asc', firstName: 'asc', id: 'asc' },
        limit: 500,
      },
    );
    const sheets = await this.ctx.em.find(EvaluationSheet, {
      employee: { $in: employees.map((employee) => employee.id) },
      period: period.code,
    });
    const byEmployee = new Map(sheets.map((sheet) => [sheet.employee.id, sheet]));
    for (const employee of employees) {
      this.ctx.access.record({
        subjectEmployeeId: employee.id,
        section: 'KPI',
        action: 'READ',
        allowed: true,
        operation: 'teamIndicators',
      });
    }
    return employees.map((employee) => ({ employee, sheet: byEmployee.get(employee.id) ?? null }));
  }

  /** The steps the viewer may take on a sheet now. */
  async actionsFor(sheet: EvaluationSheet): Promise<SheetAction[]> {
    const employee = await this.ctx.loaders.load(Employee, sheet.employee.id);
    if (!employee) return [];
    const actors = await this.policy().actorsOn(employee);
    const actions = SheetActions.filter((action) =>
      sheetSteps[action].some(
        (step) => step.from.includes(sheet.status) && step.by.some((by) => actors.has(by)),
      ),
    );
    if (!actions.includes('SUBMIT')) return actions;
    // SUBMIT is offered once it would be taken: every fact in, the weights making 100 %.
    const values = await this.ctx.loaders.get(sheetValuesLoader).load(sheet.id);
    return readyToSubmit(values) ? actions : actions.filter((action) => action !== 'SUBMIT');
  }

  /** The indicators of a sheet whose fact the viewer may enter now (as enterFacts decides). */
  async factsEditableBy(sheet: EvaluationSheet): Promise<string[]> {
    const employee = await this.ctx.loaders.load(Employee, sheet.employee.id);
    if (!employee) return [];
    const actors = await this.policy().actorsOn(employee);
    if (actors.size === 0) return [];
    const started = sheet.periodStart <= (await new TaskPolicy(this.viewer, this.ctx).today());
    const values = await this.ctx.loaders.get(sheetValuesLoader).load(sheet.id);
    const indicators = await Promise.all(
      values.map((value) => this.ctx.loaders.load(Indicator, value.indicator.id)),
    );
    return values
      .filter((_, index) =>
        can(this.viewer, kpiActions.enterFact, {
          actors,
          status: sheet.status,
          started,
          selfAssessed: indicators[index]?.selfAssessed ?? false,
        }),
      )
      .map((value) => value.indicator.id);
  }

  /** The sheets waiting for the viewer's step, oldest period first; reading them is journalled. */
  async waiting(): Promise<EvaluationSheet[]> {
    const filters = awaitingFilters(this.viewer, await policyOf(this.ctx).teamScope());
    if (filters.length === 0) throw forbidden('Sheets wait for managers and HR');
    const sheets = await this.ctx.em.find(
      EvaluationSheet,
      { $or: filters },
      { orderBy: { periodStart: 'asc', id: 'asc' }, limit: WAITING_LIMIT },
    );
    for (const employeeId of new Set(sheets.map((sheet) => sheet.employee.id))) {
      this.ctx.access.record({
        subjectEmployeeId: employeeId,
        section: 'KPI',
        action: 'READ',
        allowed: true,
        operation: 'sheetsAwaitingMe',
      });
    }
    return sheets;
  }
}
