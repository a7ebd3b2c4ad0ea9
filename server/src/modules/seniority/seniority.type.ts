import { Field, Int, ObjectType } from 'type-graphql';
import { graphqlEnum } from '../../core/graphql/enums.js';
import { Provenance } from '../../core/graphql/provenance.js';
import { LocalDateScalar } from '../../core/graphql/scalars.js';
import { SeniorityKinds } from './seniority.entity.js';

export const SeniorityKindValue = graphqlEnum(
  SeniorityKinds,
  'SeniorityKind',
  'Общий, страховой, непрерывный, в учреждении, педагогический, медицинский стаж.',
);

@ObjectType('SeniorityMilestone', {
  description: 'The next whole number of years and the day it is reached.',
})
export class SeniorityMilestone {
  @Field(() => Int)
  years!: number;

  @Field(() => LocalDateScalar)
  date!: string;
}

@ObjectType('SeniorityReach')
export class SeniorityReach {
  @Field(() => Int)
  years!: number;

  @Field(() => LocalDateScalar, { nullable: true })
  date!: string | null;
}

@ObjectType('Seniority', {
  description:
    'A kind of seniority as of a date, in years, months and days (30 days a month, 12 months a year).',
})
export class SeniorityType {
  @Field(() => SeniorityKindValue)
  kind!: string;

  @Field(() => LocalDateScalar)
  asOf!: string;

  @Field(() => Int)
  years!: number;

  @Field(() => Int)
  months!: number;

  @Field(() => Int)
  days!: number;

  @Field(() => Int, { description: 'Calendar days counted, overlaps merged.' })
  totalDays!: number;

  @Field(() => Int, {
    nullable: true,
    description: 'INSURANCE only: sick-pay percentage (60/80/100).',
  })
  sickPayPercent!: number | null;

  @Field(() => [SeniorityReach], {
    description: 'When each requested number of years is reached (null: never, on current data).',
  })
  reaching!: SeniorityReach[];

  @Field(() => SeniorityMilestone, {
    nullable: true,
    description:
      'The next milestone (1, 2, 3, 5, 8, 10, 15 … years), planned unpaid and childcare leave taken off.',
  })
  next!: SeniorityMilestone | null;
}

@ObjectType('SenioritySection', { description: 'Seniority of every kind (SENIORITY).' })
export class SenioritySection {
  @Field(() => LocalDateScalar)
  asOf!: string;

  @Field(() => [SeniorityType])
  kinds!: SeniorityType[];

  @Field(() => Provenance, { description: 'Of the periods it is computed from.' })
  provenance!: Provenance;
}
