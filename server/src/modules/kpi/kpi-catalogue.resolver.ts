import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../../core/context.js';
import { inUnit } from '../../core/unit-of-work.js';
import { type Indicator, type IndicatorAssignment } from './kpi.entity.js';
import type { ScoringRule } from './kpi.rules.js';
import { IndicatorCatalogueService } from './kpi-catalogue.service.js';
import {
  IndicatorAssignmentGqlType,
  IndicatorGqlType,
  IndicatorInput,
  ScoringRuleType,
  type ScoringRuleInput,
} from './kpi.type.js';

/** The GraphQL input as the rule the scoring functions take. */
function ruleOf(input: ScoringRuleInput): ScoringRule {
  return input.kind === 'LINEAR'
    ? {
        kind: 'LINEAR',
        maxPoints: input.maxPoints ?? '',
        capPercent: input.capPercent ?? '',
        ...(input.floorPercent ? { floorPercent: input.floorPercent } : {}),
      }
    : { kind: 'BANDS', bands: (input.bands ?? []).map((band) => ({ ...band })) };
}

@Resolver(() => IndicatorGqlType)
export class IndicatorResolver {
  @Query(() => [IndicatorGqlType], { description: "The organization's indicator catalogue." })
  indicators(
    @Arg('activeOnly', () => Boolean, { defaultValue: true }) activeOnly: boolean,
    @Ctx() ctx: AppContext,
  ): Promise<Indicator[]> {
    return new IndicatorCatalogueService(ctx).indicators(activeOnly);
  }

  @Mutation(() => IndicatorGqlType, { description: 'HR or ADMIN: adds or changes an indicator.' })
  saveIndicator(
    @Arg('input', () => IndicatorInput) input: IndicatorInput,
    @Ctx() ctx: AppContext,
  ): Promise<Indicator> {
    return inUnit(ctx, (unit) =>
      new IndicatorCatalogueService(unit).saveIndicator({ ...input, rule: ruleOf(input.rule) }),
    );
  }

  @Mutation(() => IndicatorAssignmentGqlType, {
    description: 'HR or ADMIN: applies an indicator to a position or an employee.',
  })
  assignIndicator(
    @Arg('indicatorId', () => ID) indicatorId: string,
    @Arg('positionId', () => ID, { nullable: true }) positionId: string | null,
    @Arg('employeeId', () => ID, { nullable: true }) employeeId: string | null,
    @Arg('weight', () => String, { nullable: true }) weight: string | null,
    @Ctx() ctx: AppContext,
  ): Promise<IndicatorAssignment> {
    return inUnit(ctx, (unit) =>
      new IndicatorCatalogueService(unit).assignIndicator(
        indicatorId,
        { positionId, employeeId },
        weight,
      ),
    );
  }

  @FieldResolver(() => ScoringRuleType)
  rule(@Root() indicator: Indicator): ScoringRuleType {
    const rule = indicator.rule;
    return rule.kind === 'LINEAR'
      ? {
          kind: 'LINEAR',
          maxPoints: rule.maxPoints,
          capPercent: rule.capPercent,
          floorPercent: rule.floorPercent ?? null,
          bands: [],
        }
      : { kind: 'BANDS', maxPoints: null, capPercent: null, floorPercent: null, bands: rule.bands };
  }
}
