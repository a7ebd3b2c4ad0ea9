import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../../app/context.js';
import { rowsByOwner } from '../../core/orm/loaders.js';
import { Employee } from '../employee/employee.entity.js';
import { fullNameOf, personOf, type Person } from '../identity/person.js';
import { TaskPersonType } from '../task/task.type.js';
import {
  EvaluationEvent,
  type IndicatorValue,
  Indicator,
  type EvaluationSheet,
  type IndicatorAssignment,
} from './kpi.entity.js';
import type { ScoringRule } from './kpi.rules.js';
import { KpiService } from './kpi.service.js';
import { type HistoryPoint, type SheetAction } from './kpi.use-case.js';
import { KpiWorkflowService } from './kpi-workflow.service.js';
import { IndicatorCatalogueService } from './kpi-catalogue.service.js';
import { KpiReadService } from './kpi-reads.service.js';
import { sheetValuesLoader } from './kpi.loaders.js';
import {
  EvaluationEventGqlType,
  EvaluationSheetGqlType,
  IndicatorAssignmentGqlType,
  IndicatorFactInput,
  IndicatorGqlType,
  IndicatorHistoryPointType,
  IndicatorInput,
  IndicatorPlanInput,
  IndicatorValueGqlType,
  ScoringRuleType,
  SheetActionValue,
  TeamIndicatorRowType,
  type ScoringRuleInput,
} from './kpi.type.js';

const sheetEventsLoader = rowsByOwner(EvaluationEvent, 'sheet', { id: 'asc' });

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
    return new IndicatorCatalogueService(ctx).saveIndicator({ ...input, rule: ruleOf(input.rule) });
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
    return new IndicatorCatalogueService(ctx).assignIndicator(
      indicatorId,
      { positionId, employeeId },
      weight,
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

@Resolver(() => EvaluationSheetGqlType)
export class EvaluationSheetResolver {
  @Query(() => EvaluationSheetGqlType, {
    nullable: true,
    description: "The viewer's sheet for a period (this month by default).",
  })
  myIndicators(
    @Arg('period', () => String, { nullable: true }) period: string | null,
    @Ctx() ctx: AppContext,
  ): Promise<EvaluationSheet | null> {
    return new KpiReadService(ctx).mySheet(period);
  }

  @Query(() => EvaluationSheetGqlType, {
    nullable: true,
    description: "An employee's sheet for a period: their own, their manager's, HR.",
  })
  evaluationSheet(
    @Arg('employeeId', () => ID) employeeId: string,
    @Arg('period', () => String) period: string,
    @Ctx() ctx: AppContext,
  ): Promise<EvaluationSheet | null> {
    return new KpiReadService(ctx).sheet(employeeId, period);
  }

  @Query(() => EvaluationSheetGqlType, {
    description: 'A sheet by id (as KPI_SHEET notifications link to it).',
  })
  evaluationSheetById(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: AppContext,
  ): Promise<EvaluationSheet> {
    return new KpiReadService(ctx).sheetById(id);
  }

  @Query(() => [IndicatorHistoryPointType], {
    description: "One indicator's plan and fact over periods, for a chart.",
  })
  indicatorHistory(
    @Arg('employeeId', () => ID) employeeId: string,
    @Arg('indicatorId', () => ID) indicatorId: string,
    @Arg('from', () => String) from: string,
    @Arg('to', () => String) to: string,
    @Ctx() ctx: AppContext,
  ): Promise<HistoryPoint[]> {
    return new KpiReadService(ctx).history(employeeId, indicatorId, from, to);
  }

  @Query(() => [EvaluationSheetGqlType], {
    description:
      "Sheets waiting for the viewer's step: the team's SUBMITTED ones (managers), the " +
      "organization's AGREED ones (HR); oldest period first, at most 200.",
  })
  sheetsAwaitingMe(@Ctx() ctx: AppContext): Promise<EvaluationSheet[]> {
    return new KpiReadService(ctx).waiting();
  }

  @Query(() => [TeamIndicatorRowType], { description: "Managers: the team's sheets for a period." })
  async teamIndicators(
    @Arg('period', () => String) period: string,
    @Ctx() ctx: AppContext,
  ): Promise<TeamIndicatorRowType[]> {
    const rows = await new KpiReadService(ctx).team(period);
    return rows.map((row) => ({
      employee: { userId: null, employeeId: row.employee.id, name: fullNameOf(row.employee) },
      sheet: row.sheet,
    }));
  }

  @Mutation(() => EvaluationSheetGqlType, {
    description: "The manager (HR, the integration) sets a sheet's plan: weights make 100 %.",
  })
  setIndicatorPlans(
    @Arg('employeeId', () => ID) employeeId: string,
    @Arg('period', () => String) period: string,
    @Arg('plans', () => [IndicatorPlanInput]) plans: IndicatorPlanInput[],
    @Ctx() ctx: AppContext,
  ): Promise<EvaluationSheet> {
    return new KpiService(ctx).setPlans(employeeId, period, plans);
  }

  @Mutation(() => EvaluationSheetGqlType, {
    description:
      'Facts: self-assessed ones by the employee, any by the manager, HR, the integration.',
  })
  enterIndicatorFacts(
    @Arg('sheetId', () => ID) sheetId: string,
    @Arg('facts', () => [IndicatorFactInput]) facts: IndicatorFactInput[],
    @Ctx() ctx: AppContext,
  ): Promise<EvaluationSheet> {
    return new KpiService(ctx).enterFacts(sheetId, facts);
  }

  @Mutation(() => EvaluationSheetGqlType, {
    description: 'SUBMIT (employee) → AGREE (manager) → APPROVE (HR); RETURN with a comment.',
  })
  evaluationSheetAction(
    @Arg('sheetId', () => ID) sheetId: string,
    @Arg('action', () => SheetActionValue) action: SheetAction,
    @Arg('comment', () => String, { nullable: true }) comment: string | null,
    @Ctx() ctx: AppContext,
  ): Promise<EvaluationSheet> {
    return new KpiWorkflowService(ctx).act(sheetId, action, comment);
  }

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
