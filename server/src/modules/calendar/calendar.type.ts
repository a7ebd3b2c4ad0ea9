import { Field, Int, ObjectType } from 'type-graphql';
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

@ObjectType('ProductionCalendar', { description: 'A year of the production calendar.' })
export class ProductionCalendarType {
  @Field(() => Int)
  year!: number;

  @Field(() => [CalendarDayType], { description: 'The days that differ from an ordinary week.' })
  days!: CalendarDayType[];

  @Field(() => [Int], { description: 'Working days of each month, January first.' })
  workingDaysByMonth!: number[];
}

export const CalendarDaySettingValue = graphqlEnum(
  [...CalendarDayKinds, 'ORDINARY'] as const,
  'CalendarDaySetting',
  'A calendar day kind, or ORDINARY to return the day to the plain weekday/weekend rule.',
);
