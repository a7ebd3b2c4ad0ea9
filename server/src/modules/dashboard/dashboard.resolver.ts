import { Ctx, FieldResolver, Query, Resolver } from 'type-graphql';
import { viewerOf, type AppContext } from '../../core/context.js';
import { can } from '../../core/policy.js';
import { dashboardActions } from './dashboard.policy.js';
import { addDays } from '../../core/local-date.js';
import { ownFileOf } from '../employee/index.js';
import { leaveSectionOf } from '../leave/index.js';
import { NotificationService } from '../notification/index.js';
import { DynamicsGrouping, PayrollService } from '../payroll/index.js';
import { attestationSectionOf } from '../attestation/index.js';
import { educationSectionOf } from '../education/index.js';
import { dueDateSources } from './due-dates.js';
import { DashboardDueDate } from './due-dates.type.js';
import { TaskPolicy } from '../task/index.js';
import { counters, ownSections } from './dashboard.reads.js';
import {
  DashboardNotifications,
  DashboardTasks,
  DashboardPayslip,
  DashboardLeave,
  DashboardDevelopment,
  DashboardKpi,
  DashboardTeam,
  DashboardType,
  TRAINING_EVERY_YEARS,
} from './dashboard.type.js';

@Resolver(() => DashboardType)
export class DashboardResolver {
  @Query(() => DashboardType)
  dashboard(@Ctx() ctx: AppContext): DashboardType {
    return { roles: [...viewerOf(ctx).roles] };
  }

  @FieldResolver(() => DashboardNotifications)
  async notifications(@Ctx() ctx: AppContext): Promise<DashboardNotifications> {
    return new NotificationService(ctx).glance(3);
  }

  @FieldResolver(() => DashboardTasks)
  async tasks(@Ctx() ctx: AppContext): Promise<DashboardTasks> {
    const { summary } = await counters(ctx);
    return { open: summary.mine, nearestDue: summary.nearestDue, waiting: summary.waiting };
  }

  @FieldResolver(() => DashboardPayslip, { nullable: true })
  async lastPayslip(@Ctx() ctx: AppContext): Promise<DashboardPayslip | null> {
    const employee = await ownFileOf(ctx);
    if (!employee) return null;
    const today = await new TaskPolicy(viewerOf(ctx), ctx).today();
    const from = addDays(today, -100);
    const buckets = await new PayrollService(ctx).dynamics(
      employee.id,
      { from, to: null },
      DynamicsGrouping.MONTH,
    );
    const last = buckets.at(-1);
    if (!last) return null;
    return {
      payslipId: last.payslipId,
      year: Number(last.start.slice(0, 4)),
      month: Number(last.start.slice(5, 7)),
      net: last.net,
      change: last.changeFromPrevious,
    };
  }

  @FieldResolver(() => DashboardLeave, { nullable: true })
  async leave(@Ctx() ctx: AppContext): Promise<DashboardLeave | null> {
    const own = await ownSections(ctx);
    if (!own) return null;
    const section = await leaveSectionOf(ctx, own.employee);
    return {
      remainingDays: section.remainingToday,
      nextLeaveStart: section.nextLeaveStart,
    };
  }

  @FieldResolver(() => DashboardDevelopment, { nullable: true })
  async development(@Ctx() ctx: AppContext): Promise<DashboardDevelopment | null> {
    const own = await ownSections(ctx);
    if (!own) return null;
    const [attestation, education] = await Promise.all([
      attestationSectionOf(ctx, own.employee),
      educationSectionOf(ctx, own.employee),
    ]);
    const last = education.lastCourseEnd;
    return {
      attestationDue: attestation.nextDueDate,
      trainingDue: last
        ? `${Number(last.slice(0, 4)) + TRAINING_EVERY_YEARS}${last.slice(4)}`
        : null,
    };
  }

  @FieldResolver(() => [DashboardDueDate], {
    description:
      "What is next due in the viewer's own file, per section they may read; empty without a file.",
  })
  async dueDates(@Ctx() ctx: AppContext): Promise<DashboardDueDate[]> {
    const own = await ownSections(ctx);
    if (!own) return [];
    const sources = dueDateSources.filter((source) => own.readable.has(source.section));
    const dates = await Promise.all(sources.map((source) => source.due(ctx, own.employee)));
    return sources.map((source, i) => ({ section: source.section, date: dates[i] ?? null }));
  }

  @FieldResolver(() => DashboardKpi, { nullable: true })
  async kpi(@Ctx() ctx: AppContext): Promise<DashboardKpi | null> {
    const employee = await ownFileOf(ctx);
    if (!employee) return null;
    const { current, lastApproved: approved } = (await counters(ctx)).glance;
    return {
      current,
      lastApprovedScore: approved?.totalScore ?? null,
      lastApprovedPeriod: approved?.period ?? null,
    };
  }

  @FieldResolver(() => DashboardTeam, { nullable: true })
  async team(@Ctx() ctx: AppContext): Promise<DashboardTeam | null> {
    const viewer = viewerOf(ctx);
    if (!can(viewer, dashboardActions.seeTeam)) return null;
    const { teamSize, glance, summary } = await counters(ctx);
    return {
      size: teamSize,
      sheetsToApprove: glance.pendingApprovals,
      requestsToApprove: summary.waiting,
    };
  }
}
