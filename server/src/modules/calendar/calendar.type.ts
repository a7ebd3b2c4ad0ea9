import { Field, Int, ObjectType } from 'type-graphql';
import { DecimalScalar } from '../../core/graphql/decimal-scalar.js';
import { graphqlEnum } from '../../core/graphql/enums.js';
import { LocalDateScalar } from '../../core/graphql/scalars.js';
import { CalendarDayKinds } from './calendar.rules.js';

export const CalendarDayKindValue = graphqlEnum(
  CalendarDayKinds,
  'CalendarDayKind',
  'HOLIDAY (ст. 112 ТК), DAY_OFF (moved by decree), WORKING (a weekend worked), SHORT (pre-holiday).',
);

@ObjectType('CalendarDay')
export class CalendarDayType {
  @Field(() => LocalDateScalar)
  date!: string;

  @Field(() => CalendarDayKindValue)
  kind!: string;

  @Field(() => String, { nullable: true })
  note!: string | null;
}

@ObjectType('WorkingTimeNorm', { description: 'The norm of working time for a working week.' })
export class WorkingTimeNormType {
  @Field(() => Int, { description: 'Hours a week: 40, 36 or 24.' })
  weekHours!: number;

  @Field(() => [DecimalScalar], { description: 'Hours of each month, January first.' })
  hoursByMonth!: string[];

  @Field(() => DecimalScalar, { description: 'Hours of the year.' })
  hours!: string;
}

@ObjectType('ProductionCalendar', { description: 'A year of the production calendar.' })
export class ProductionCalendarType {
  @Field(() => Int)
  year!: number;

  @Field(() => [CalendarDayType], { description: 'The days that differ from an ordinary week.' })
  days!: CalendarDayType[];

  @Field(() => [Int], { description: 'Working days of each month, January first.' })
  workingDaysByMonth!: number[];

  @Field(() => Int, { description: 'Working days of the year.' })
  workingDays!: number;

  @Field(() => [WorkingTimeNormType], {
    description: 'Norms of working time for the 40-, 36- and 24-hour weeks (приказ № 588н).',
  })
  norms!: WorkingTimeNormType[];

  @Field(() => String, {
    description: 'Where the year comes from: the decree moving days off, or the Labour Code alone.',
  })
  source!: string;
}

export const CalendarDaySettingValue = graphqlEnum(
  [...CalendarDayKinds, 'ORDINARY'] as const,
  'CalendarDaySetting',
  'A calendar day kind, or ORDINARY to return the day to the plain weekday/weekend rule.',
);
