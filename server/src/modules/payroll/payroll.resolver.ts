import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../../app/context.js';
import { fromKopecks, toKopecks } from '../../core/money.js';
import { LocalDateScalar } from '../../core/graphql/scalars.js';
import { Employee } from '../employee/employee.entity.js';
import { EmployeeType } from '../employee/employee.type.js';
import type { Payslip, PayslipLine } from './payroll.entity.js';
import { payslipLinesLoader } from './payroll.loader.js';
import { PayrollService } from './payroll.service.js';
import {
  DynamicsGrouping,
  PayrollPeriodType,
  PayslipLineType,
  PayslipTotals,
  PayslipType,
  SalaryBucket,
} from './payroll.type.js';

const linesOf = (ctx: AppContext, payslip: Payslip) =>
  ctx.loaders.get(payslipLinesLoader).load(payslip.id);
const sum = (lines: PayslipLine[], kind: string) =>
  lines
    .filter((line) => line.kind === kind)
    .reduce((total, line) => total + toKopecks(line.amount), 0n);

@Resolver(() => PayslipType)
export class PayrollResolver {
  @Query(() => [PayslipType], {
    description: "An employee's payslips (the viewer's by default), newest first.",
  })
  payslips(
    @Arg('employeeId', () => ID, { nullable: true }) employeeId: string | null,
    @Arg('from', () => LocalDateScalar, { nullable: true }) from: string | null,
    @Arg('to', () => LocalDateScalar, { nullable: true }) to: string | null,
    @Ctx() ctx: AppContext,
  ): Promise<Payslip[]> {
    return new PayrollService(ctx).payslips(employeeId, { from, to });
  }

  @Query(() => PayslipType)
  payslip(@Arg('id', () => ID) id: string, @Ctx() ctx: AppContext): Promise<Payslip> {
    return new PayrollService(ctx).payslip(id);
  }

  @Query(() => [SalaryBucket], {
    description: 'Pay over time, with changes against the previous bucket and a year before.',
  })
  salaryDynamics(
    @Arg('employeeId', () => ID, { nullable: true }) employeeId: string | null,
    @Arg('from', () => LocalDateScalar, { nullable: true }) from: string | null,
    @Arg('to', () => LocalDateScalar, { nullable: true }) to: string | null,
    @Arg('groupBy', () => DynamicsGrouping, { defaultValue: DynamicsGrouping.MONTH })
    groupBy: DynamicsGrouping,
    @Ctx() ctx: AppContext,
  ): Promise<SalaryBucket[]> {
    return new PayrollService(ctx).dynamics(employeeId, { from, to }, groupBy);
  }

  @FieldResolver(() => PayrollPeriodType)
  period(@Root() payslip: Payslip) {
    return payslip.period.getEntity();
  }

  @FieldResolver(() => EmployeeType)
  async employee(@Root() payslip: Payslip, @Ctx() ctx: AppContext): Promise<Employee> {
    return (await ctx.loaders.load(Employee, payslip.employee.id))!;
  }

  @FieldResolver(() => [PayslipLineType], { description: 'Начислено.' })
  async accruals(@Root() payslip: Payslip, @Ctx() ctx: AppContext) {
    return (await linesOf(ctx, payslip)).filter((line) => line.kind === 'ACCRUAL');
  }

  @FieldResolver(() => [PayslipLineType], { description: 'Удержано.' })
  async deductions(@Root() payslip: Payslip, @Ctx() ctx: AppContext) {
    return (await linesOf(ctx, payslip)).filter((line) => line.kind === 'DEDUCTION');
  }

  @FieldResolver(() => [PayslipLineType], { description: 'Выплачено.' })
  async payments(@Root() payslip: Payslip, @Ctx() ctx: AppContext) {
    return (await linesOf(ctx, payslip)).filter((line) => line.kind === 'PAYMENT');
  }

  @FieldResolver(() => PayslipTotals)
  async totals(@Root() payslip: Payslip, @Ctx() ctx: AppContext): Promise<PayslipTotals> {
    const lines = await linesOf(ctx, payslip);
    return {
      accrued: fromKopecks(sum(lines, 'ACCRUAL')),
      deducted: fromKopecks(sum(lines, 'DEDUCTION')),
      paid: fromKopecks(sum(lines, 'PAYMENT')),
    };
  }
}
