import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../../core/context.js';
import { badInput } from '../../core/errors.js';
import { readRowsByOwner } from '../../core/orm/loaders.js';
import { provenanceOf } from '../../core/graphql/provenance.js';
import { isLocalDate, LocalDateScalar } from '../../core/graphql/scalars.js';
import { assignmentsLoader, previousEmploymentLoader } from '../assignment/index.js';
import { type EmployeeRow, EmployeeType, policyOf } from '../employee/index.js';
import { leavesLoader } from '../leave/index.js';
import { organizationToday } from '../organization/index.js';
import { organizationPositionsLoader } from '../position/index.js';
import { SeniorityKinds, SeniorityPeriod } from './seniority.entity.js';
import { periodsFor } from './seniority.periods.js';
import { dateReaching, seniorityOn, sickPayPercent } from './seniority.rules.js';
import { SenioritySection, type SeniorityType } from './seniority.type.js';

const enteredLoader = readRowsByOwner(SeniorityPeriod, 'employee', { startDate: 'asc', id: 'asc' });
const milestones = [1, 2, 3, 5, 8, 10, 15, 20, 25, 30, 35, 40];

@Resolver(() => EmployeeType)
export class SeniorityResolver {
  @FieldResolver(() => SenioritySection, {
    description: 'Seniority of every kind (SENIORITY section).',
  })
  async seniority(
    @Root() employee: EmployeeRow,
    @Arg('asOf', () => LocalDateScalar, {
      nullable: true,
      description:
        'As a certificate states it on this date: the days before it (default: today). The date `reaching` names is the first on which the years show.',
    })
    asOf: string | null | undefined,
    @Arg('reaching', () => [Int], {
      defaultValue: [],
      description: 'Whole years to find the dates of, e.g. [5, 8] for the sick-pay steps.',
    })
    reaching: number[],
    @Ctx() ctx: AppContext,
  ): Promise<SenioritySection> {
    await policyOf(ctx).require(employee, 'SENIORITY', 'Employee.seniority');
    if (asOf !== null && asOf !== undefined && !isLocalDate(asOf))
      throw badInput(['asOf'], 'asOf must be a date');
    if (reaching.length > 10 || reaching.some((years) => years < 1 || years > 60)) {
      throw badInput(['reaching'], 'Up to 10 milestones of 1 to 60 years');
    }
    const [assignments, previous, entered, leaves, date, positions] = await Promise.all([
      ctx.loaders.get(assignmentsLoader).load(employee.id),
      ctx.loaders.get(previousEmploymentLoader).load(employee.id),
      ctx.loaders.get(enteredLoader).load(employee.id),
      ctx.loaders.get(leavesLoader).load(employee.id),
      asOf ?? organizationToday(ctx, employee),
      ctx.loaders.get(organizationPositionsLoader).load(employee.organization.id),
    ]);
    const rows = { assignments, previous, entered, leaves, positions };
    const kinds = SeniorityKinds.map((kind): SeniorityType => {
      const periods = periodsFor(kind, rows);
      const { totalDays, duration } = seniorityOn(periods, date);
      const target = milestones.find((years) => years > duration.years);
      const reached = target === undefined ? null : dateReaching(periods, target, date);
      return {
        kind,
        asOf: date,
        ...duration,
        totalDays,
        sickPayPercent: kind === 'INSURANCE' ? sickPayPercent(duration) : null,
        next: target !== undefined && reached ? { years: target, date: reached } : null,
        reaching: reaching.map((years) => ({ years, date: dateReaching(periods, years, date) })),
      };
    });
    return {
      asOf: date,
      kinds,
      provenance: provenanceOf([...assignments, ...previous, ...entered]),
    };
  }
}
