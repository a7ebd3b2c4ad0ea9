import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { DecimalScalar } from '../../core/graphql/decimal-scalar.js';
import { graphqlEnum } from '../../core/graphql/enums.js';
import { DateTimeScalar, LocalDateScalar } from '../../core/graphql/scalars.js';
import { TaskPersonType } from '../task/index.js';
import { SheetStatuses } from './kpi.entity.js';
import { IndicatorDirections, PeriodKinds } from './kpi.rules.js';
import { SheetActions } from './kpi.use-case.js';

export const IndicatorDirectionValue = graphqlEnum(IndicatorDirections, 'IndicatorDirection');
export const PeriodKindValue = graphqlEnum(PeriodKinds, 'PeriodKind');
export const SheetStatusValue = graphqlEnum(SheetStatuses, 'EvaluationSheetStatus');
export const SheetActionValue = graphqlEnum(SheetActions, 'EvaluationSheetAction');
export const ScoringRuleKindValue = graphqlEnum(
  ['LINEAR', 'BANDS'] as const,
  'ScoringRuleKind',
  'LINEAR: maxPoints at 100 %, proportional, capped; BANDS: thresholds to points.',
);

@ObjectType('ScoringBand')
export class ScoringBandType {
  @Field(() => DecimalScalar)
  fromPercent!: string;

  @Field(() => DecimalScalar)
  points!: string;
}

@ObjectType('ScoringRule', { description: 'How the achievement (percent of plan) becomes points.' })
export class ScoringRuleType {
  @Field(() => ScoringRuleKindValue)
  kind!: string;

  @Field(() => DecimalScalar, { nullable: true })
  maxPoints!: string | null;

  @Field(() => DecimalScalar, { nullable: true })
  capPercent!: string | null;

  @Field(() => DecimalScalar, { nullable: true })
  floorPercent!: string | null;

  @Field(() => [ScoringBandType])
  bands!: ScoringBandType[];
}

@ObjectType('Indicator', { description: 'A performance indicator of the catalogue.' })
export class IndicatorGqlType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => String)
  unit!: string;

  @Field(() => IndicatorDirectionValue)
  direction!: string;

  @Field(() => PeriodKindValue)
  periodKind!: string;

  @Field(() => DecimalScalar, { description: 'Percent of a sheet.' })
  defaultWeight!: string;

  @Field(() => DecimalScalar, { nullable: true })
  planMin!: string | null;

  @Field(() => DecimalScalar, { nullable: true })
  planMax!: string | null;

  @Field(() => Boolean, { description: 'The employee enters the fact.' })
  selfAssessed!: boolean;

  @Field(() => Boolean)
  active!: boolean;
}

@ObjectType('IndicatorAssignment')
export class IndicatorAssignmentGqlType {
  @Field(() => ID)
  id!: string;

  @Field(() => DecimalScalar, { nullable: true })
  weight!: string | null;
}

@ObjectType('EvaluationSheet', { description: 'Оценочный лист: one employee, one period.' })
export class EvaluationSheetGqlType {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: '2026-11, 2026-Q4 or 2026.' })
  period!: string;

  @Field(() => LocalDateScalar)
  periodStart!: string;

  @Field(() => SheetStatusValue)
  status!: string;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Weighted points, once all facts are in.',
  })
  totalScore!: string | null;
}

@ObjectType('IndicatorValue')
export class IndicatorValueGqlType {
  @Field(() => ID)
  id!: string;

  @Field(() => DecimalScalar)
  weight!: string;

  @Field(() => DecimalScalar)
  plan!: string;

  @Field(() => DecimalScalar, { nullable: true })
  fact!: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Percent of plan achieved.' })
  achievement!: string | null;

  @Field(() => DecimalScalar, { nullable: true })
  points!: string | null;

  @Field(() => String, { nullable: true })
  comment!: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  factEnteredAt!: Date | null;
}

@ObjectType('EvaluationEvent', { description: 'A step of a sheet; never edited.' })
export class EvaluationEventGqlType {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'PLANNED, FACTS, SUBMIT, AGREE, APPROVE or RETURN.' })
  action!: string;

  @Field(() => SheetStatusValue, { nullable: true })
  fromStatus!: string | null;

  @Field(() => SheetStatusValue)
  toStatus!: string;

  @Field(() => String, { nullable: true })
  comment!: string | null;

  @Field(() => DateTimeScalar)
  createdAt!: Date;
}

@ObjectType('IndicatorHistoryPoint')
export class IndicatorHistoryPointType {
  @Field(() => String)
  period!: string;

  @Field(() => LocalDateScalar)
  periodStart!: string;

  @Field(() => DecimalScalar)
  plan!: string;

  @Field(() => DecimalScalar, { nullable: true })
  fact!: string | null;

  @Field(() => DecimalScalar, { nullable: true })
  achievement!: string | null;

  @Field(() => DecimalScalar, { nullable: true })
  points!: string | null;
}

@ObjectType('TeamIndicatorRow', { description: "A subordinate's sheet for the period, if any." })
export class TeamIndicatorRowType {
  @Field(() => TaskPersonType)
  employee!: TaskPersonType;

  @Field(() => EvaluationSheetGqlType, { nullable: true })
  sheet!: unknown;
}

@InputType('ScoringBandInput')
export class ScoringBandInput {
  @Field(() => DecimalScalar)
  fromPercent!: string;

  @Field(() => DecimalScalar)
  points!: string;
}

@InputType('ScoringRuleInput')
export class ScoringRuleInput {
  @Field(() => ScoringRuleKindValue)
  kind!: 'LINEAR' | 'BANDS';

  @Field(() => DecimalScalar, { nullable: true })
  maxPoints?: string | null;

  @Field(() => DecimalScalar, { nullable: true })
  capPercent?: string | null;

  @Field(() => DecimalScalar, { nullable: true })
  floorPercent?: string | null;

  @Field(() => [ScoringBandInput], { nullable: true })
  bands?: ScoringBandInput[] | null;
}

@InputType('IndicatorInput')
export class IndicatorInput {
  @Field(() => ID, { nullable: true, description: 'To change an indicator; omit to add one.' })
  id?: string | null;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => String)
  unit!: string;

  @Field(() => IndicatorDirectionValue)
  direction!: (typeof IndicatorDirections)[number];

  @Field(() => PeriodKindValue)
  periodKind!: (typeof PeriodKinds)[number];

  @Field(() => DecimalScalar)
  defaultWeight!: string;

  @Field(() => ScoringRuleInput)
  rule!: ScoringRuleInput;

  @Field(() => DecimalScalar, { nullable: true })
  planMin?: string | null;

  @Field(() => DecimalScalar, { nullable: true })
  planMax?: string | null;

  @Field(() => Boolean, { nullable: true })
  selfAssessed?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  active?: boolean | null;
}

@InputType('IndicatorPlanInput')
export class IndicatorPlanInput {
  @Field(() => ID)
  indicatorId!: string;

  @Field(() => DecimalScalar)
  plan!: string;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: "The indicator's default if omitted.",
  })
  weight?: string | null;
}

@InputType('IndicatorFactInput')
export class IndicatorFactInput {
  @Field(() => ID)
  indicatorId!: string;

  @Field(() => DecimalScalar)
  fact!: string;

  @Field(() => String, { nullable: true })
  comment?: string | null;
}
