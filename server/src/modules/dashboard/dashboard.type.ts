import { Field, Int, ObjectType } from 'type-graphql';
import { DecimalScalar } from '../../core/graphql/decimal-scalar.js';
import { MoneyScalar } from '../../core/graphql/money-scalar.js';
import { LocalDateScalar } from '../../core/graphql/scalars.js';
import { type EvaluationSheet, EvaluationSheetGqlType } from '../kpi/index.js';
import { type Notification, NotificationGqlType } from '../notification/index.js';
import { type Task, TaskGqlType } from '../task/index.js';
import { RoleValue } from '../identity/index.js';

/** Teachers' professional development is due at least every 3 years (ФЗ № 273 ст. 47). */
export const TRAINING_EVERY_YEARS = 3;

@ObjectType('DashboardNotifications')
export class DashboardNotifications {
  @Field(() => Int)
  unread!: number;

  @Field(() => [NotificationGqlType], { description: 'The newest few, read or not.' })
  latest!: Notification[];
}

@ObjectType('DashboardTasks')
export class DashboardTasks {
  @Field(() => Int, { description: 'Open tasks filed by, about or assigned to the viewer.' })
  open!: number;

  @Field(() => TaskGqlType, { nullable: true, description: 'The open one due soonest.' })
  nearestDue!: Task | null;

  @Field(() => Int, { description: "Open tasks in the viewer's queues, theirs to act on." })
  waiting!: number;
}

@ObjectType('DashboardPayslip')
export class DashboardPayslip {
  @Field(() => String, { nullable: true, description: 'The payslip to open, when visible.' })
  payslipId!: string | null;

  @Field(() => Int)
  year!: number;

  @Field(() => Int)
  month!: number;

  @Field(() => MoneyScalar, { description: 'Accrued less deducted.' })
  net!: string;

  @Field(() => MoneyScalar, { nullable: true, description: 'Against the month before.' })
  change!: string | null;
}

@ObjectType('DashboardLeave')
export class DashboardLeave {
  @Field(() => DecimalScalar, {
    description:
      'Annual leave days not yet used, over all working years (the leave section’s remainingToday).',
  })
  remainingDays!: string;

  @Field(() => LocalDateScalar, { nullable: true })
  nextLeaveStart!: string | null;
}

@ObjectType('DashboardDevelopment')
export class DashboardDevelopment {
  @Field(() => LocalDateScalar, { nullable: true, description: 'The nearest attestation due.' })
  attestationDue!: string | null;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: `Professional development due: ${TRAINING_EVERY_YEARS} years after the last course.`,
  })
  trainingDue!: string | null;
}

@ObjectType('DashboardKpi')
export class DashboardKpi {
  @Field(() => EvaluationSheetGqlType, { nullable: true, description: "This month's sheet." })
  current!: EvaluationSheet | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'The last approved score.' })
  lastApprovedScore!: string | null;

  @Field(() => String, { nullable: true })
  lastApprovedPeriod!: string | null;
}

@ObjectType('DashboardTeam', { description: 'For managers and HR: what waits for their decision.' })
export class DashboardTeam {
  @Field(() => Int)
  size!: number;

  @Field(() => Int, { description: 'Evaluation sheets waiting for the viewer.' })
  sheetsToApprove!: number;

  @Field(() => Int, { description: "Requests waiting for the viewer's approval." })
  requestsToApprove!: number;
}

@ObjectType('Dashboard', {
  description:
    'The first screen (рабочий стол) in one request: each widget is computed only when selected, all of them through the same services and policies as their own pages.',
})
export class DashboardType {
  @Field(() => [RoleValue])
  roles!: string[];
}
