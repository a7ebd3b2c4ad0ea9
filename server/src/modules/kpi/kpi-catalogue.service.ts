import { forbidden } from '../../core/auth/viewer.js';
import { authorize } from '../../core/policy.js';
import { kpiActions } from './kpi.policy.js';
import { badInput, notFound } from '../../core/errors.js';
import { isUuid } from '../../core/ids.js';
import { Employee } from '../employee/index.js';
import { Position } from '../position/index.js';
import { Indicator, IndicatorAssignment } from './kpi.entity.js';
import { toScaled } from '../../core/decimal.js';
import { checkRule, IndicatorDirections, PeriodKinds } from './kpi.rules.js';

import { decimal, KpiUseCase, type IndicatorInput } from './kpi.use-case.js';

/** The organization's indicator catalogue: read by its employees, kept by HR and admins. */
export class IndicatorCatalogueService extends KpiUseCase {
  /** The organization's catalogue; employees of the organization read it. */
  indicators(activeOnly: boolean): Promise<Indicator[]> {
    const viewer = this.viewer;
    authorize(viewer, kpiActions.readCatalogue);
    return this.ctx.em.find(
      Indicator,
      { organization: viewer.organizationId, ...(activeOnly ? { active: true } : {}) },
      { orderBy: { name: 'asc', id: 'asc' } },
    );
  }

  /** HR or ADMIN adds or changes an indicator of the catalogue. */
  async saveIndicator(input: IndicatorInput): Promise<Indicator> {
    const viewer = this.viewer;
    if (!this.policy().managesCatalogue()) throw forbidden('HR and admins keep the catalogue');
    const name = input.name.trim();
    if (name.length < 3 || name.length > 300)
      throw badInput(['input', 'name'], '3 to 300 characters');
    const unit = input.unit.trim();
    if (unit.length < 1 || unit.length > 32)
      throw badInput(['input', 'unit'], '1 to 32 characters');
    if (!IndicatorDirections.includes(input.direction))
      throw badInput(['input', 'direction'], 'Unknown');
    if (!PeriodKinds.includes(input.periodKind)) throw badInput(['input', 'periodKind'], 'Unknown');
    decimal(input.defaultWeight, ['input', 'defaultWeight'], 'Weight');
    if (toScaled(input.defaultWeight) <= 0n || toScaled(input.defaultWeight) > toScaled('100')) {
      throw badInput(['input', 'defaultWeight'], 'A weight above 0 and at most 100 %');
    }
    const problem = checkRule(input.rule);
    if (problem) throw badInput(['input', 'rule'], problem);
    for (const bound of ['planMin', 'planMax'] as const) {
      const value = input[bound];
      if (value !== null && value !== undefined) decimal(value, ['input', bound], 'Bound');
    }
    if (
      input.planMin !== null &&
      input.planMin !== undefined &&
      input.planMax !== null &&
      input.planMax !== undefined &&
      toScaled(input.planMin) > toScaled(input.planMax)
    ) {
      throw badInput(['input', 'planMax'], 'The upper bound is below the lower one');
    }
    const em = this.unit.em;
    const indicator = input.id
      ? await em.findOne(Indicator, {
          id: isUuid(input.id) ? input.id : '00000000-0000-0000-0000-000000000000',
          organization: viewer.organizationId,
        })
      : em.create(Indicator, {
          organization: viewer.organizationId,
          name,
          unit,
          direction: input.direction,
          periodKind: input.periodKind,
          defaultWeight: input.defaultWeight,
          rule: input.rule,
        });
    if (!indicator) throw notFound('Indicator', input.id!);
    em.assign(indicator, {
      name,
      description: input.description?.trim() || null,
      unit,
      direction: input.direction,
      periodKind: input.periodKind,
      defaultWeight: input.defaultWeight,
      rule: input.rule,
      planMin: input.planMin ?? null,
      planMax: input.planMax ?? null,
      selfAssessed: input.selfAssessed ?? false,
      active: input.active ?? true,
    });
    await em.flush();
    return indicator;
  }

  /** HR or ADMIN applies an indicator to a position or to one employee. */
  async assignIndicator(
    indicatorId: string,
    target: { positionId?: string | null; employeeId?: string | null },
    weight: string | null,
  ): Promise<IndicatorAssignment> {
    const viewer = this.viewer;
    if (!this.policy().managesCatalogue()) throw forbidden('HR and admins keep the catalogue');
    if (!target.positionId === !target.employeeId) {
      throw badInput(['positionId'], 'Name a position or an employee');
    }
    if (weight !== null && weight !== undefined) decimal(weight, ['weight'], 'Weight');
    const em = this.unit.em;
    const indicator = isUuid(indicatorId)
      ? await em.findOne(Indicator, { id: indicatorId, organization: viewer.organizationId })
      : null;
    if (!indicator) throw badInput(['indicatorId'], 'No such indicator');
    const position = target.positionId
      ? isUuid(target.positionId)
        ? await em.findOne(Position, { id: target.positionId, organization: viewer.organizationId })
        : null
      : null;
    const employee = target.employeeId
      ? isUuid(target.employeeId)
        ? await em.findOne(Employee, {
            id: target.employeeId,
            organization: viewer.organizationId,
            deletedAt: null,
          })
        : null
      : null;
    if (target.positionId && !position) throw badInput(['positionId'], 'No such position');
    if (target.employeeId && !employee) throw badInput(['employeeId'], 'No such employee');
    const assignment = em.create(IndicatorAssignment, {
      indicator,
      position,
      employee,
      weight: weight ?? null,
    });
    await em.flush();
    return assignment;
  }
}
