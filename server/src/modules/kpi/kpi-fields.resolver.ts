import { Ctx, FieldResolver, ID, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../../core/context.js';
import { Employee, fullNameOf } from '../employee/index.js';
import { personOf, type Person } from '../identity/index.js';
import { TaskPersonType } from '../task/index.js';
import {
  type EvaluationEvent,
  type IndicatorValue,
  Indicator,
  type EvaluationSheet,
} from './kpi.entity.js';
import { type SheetAction } from './kpi.use-case.js';
import { KpiReadService } from './kpi-reads.service.js';
import { sheetEventsLoader, sheetValuesLoader } from './kpi.loaders.js';
import {
  EvaluationEventGqlType,
  EvaluationSheetGqlType,
  IndicatorGqlType,
  IndicatorValueGqlType,
  SheetActionValue,
} from './kpi.type.js';

/** What a sheet, its values and its history show: people, values, steps, what the viewer may do. */
@Resolver(() => EvaluationSheetGqlType)
export class EvaluationSheetFieldsResolver {
  @FieldResolver(() => TaskPersonType)
  async employee(@Root() sheet: EvaluationSheet, @Ctx() ctx: AppContext): Promise<Person> {
    const employee = await ctx.loaders.load(Employee, sheet.employee.id);
    return {
      userId: null,
      employeeId: sheet.employee.id,
      name: employee ? fullNameOf(employee) : '—',
    };
  }

  @FieldResolver(() => [IndicatorValueGqlType])
  values(@Root() sheet: EvaluationSheet, @Ctx() ctx: AppContext): Promise<IndicatorValue[]> {
    return ctx.loaders.get(sheetValuesLoader).load(sheet.id);
  }

  @FieldResolver(() => [EvaluationEventGqlType], { description: 'The steps so far, oldest first.' })
  history(@Root() sheet: EvaluationSheet, @Ctx() ctx: AppContext): Promise<EvaluationEvent[]> {
    return ctx.loaders.get(sheetEventsLoader).load(sheet.id);
  }

  @FieldResolver(() => [ID], {
    description: 'The indicators whose fact the viewer may enter now (enterIndicatorFacts).',
  })
  factsEditable(@Root() sheet: EvaluationSheet, @Ctx() ctx: AppContext): Promise<string[]> {
    return new KpiReadService(ctx).factsEditableBy(sheet);
  }

  @FieldResolver(() => [SheetActionValue], { description: 'What the viewer may do with it now.' })
  actions(@Root() sheet: EvaluationSheet, @Ctx() ctx: AppContext): Promise<SheetAction[]> {
    return new KpiReadService(ctx).actionsFor(sheet);
  }
}

@Resolver(() => IndicatorValueGqlType)
export class IndicatorValueResolver {
  @FieldResolver(() => IndicatorGqlType)
  async indicator(@Root() value: IndicatorValue, @Ctx() ctx: AppContext): Promise<Indicator> {
    return (await ctx.loaders.load(Indicator, value.indicator.id))!;
  }

  @FieldResolver(() => TaskPersonType, { nullable: true })
  factEnteredBy(@Root() value: IndicatorValue, @Ctx() ctx: AppContext): Promise<Person> | null {
    return value.factEnteredBy ? personOf(ctx, value.factEnteredBy.id) : null;
  }
}

@Resolver(() => EvaluationEventGqlType)
export class EvaluationEventResolver {
  @FieldResolver(() => TaskPersonType)
  actor(@Root() event: EvaluationEvent, @Ctx() ctx: AppContext): Promise<Person> {
    return personOf(ctx, event.actor.id);
  }
}
