import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { AppContext } from '../../core/context.js';
import { inUnit } from '../../core/unit-of-work.js';
import { fullNameOf } from '../employee/index.js';
import { type EvaluationSheet } from './kpi.entity.js';
import { KpiService } from './kpi.service.js';
import { type HistoryPoint, type SheetAction } from './kpi.use-case.js';
import { KpiWorkflowService } from './kpi-workflow.service.js';
import { KpiReadService } from './kpi-reads.service.js';
import {
  EvaluationSheetGqlType,
  IndicatorFactInput,
  IndicatorHistoryPointType,
  IndicatorPlanInput,
  SheetActionValue,
  TeamIndicatorRowType,
} from './kpi.type.js';

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
    return inUnit(ctx, (unit) => new KpiService(unit).setPlans(employeeId, period, plans));
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
    return inUnit(ctx, (unit) => new KpiService(unit).enterFacts(sheetId, facts));
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
    return inUnit(ctx, (unit) => new KpiWorkflowService(unit).act(sheetId, action, comment));
  }
}
