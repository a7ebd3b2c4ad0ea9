import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { AppContext } from '../../core/context.js';
import { inUnit } from '../../core/unit-of-work.js';
import { LocalDateScalar } from '../../core/graphql/scalars.js';
import type { CalendarDayKind } from './calendar.rules.js';
import { CalendarService } from './calendar.service.js';
import { CalendarDaySettingValue, ProductionCalendarType } from './calendar.type.js';

@Resolver(() => ProductionCalendarType)
export class CalendarResolver {
  @Query(() => ProductionCalendarType, { description: 'The production calendar of a year.' })
  productionCalendar(@Arg('year', () => Int) year: number, @Ctx() ctx: AppContext) {
    return new CalendarService(ctx).year(year);
  }

  @Mutation(() => Boolean, {
    description: 'HR or ADMIN: records a day as the yearly decree sets it.',
  })
  setCalendarDay(
    @Arg('date', () => LocalDateScalar) date: string,
    @Arg('kind', () => CalendarDaySettingValue) kind: CalendarDayKind | 'ORDINARY',
    @Arg('note', () => String, { nullable: true }) note: string | null,
    @Ctx() ctx: AppContext,
  ): Promise<boolean> {
    return inUnit(ctx, (unit) => new CalendarService(unit).set(date, kind, note));
  }
}
