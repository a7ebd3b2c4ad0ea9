import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../../core/context.js';
import { fromKopecks } from '../../core/money.js';
import { LocalDateScalar } from '../../core/graphql/scalars.js';
import { Employee, EmployeeType } from '../employee/index.js';
import type { Payslip, PayslipLineKind } from './payroll.entity.js';
import { PayrollService } from './payroll.service.js';
import {
  DynamicsGrouping,
  PayrollPeriodType,
  PayslipLineType,
  PayslipTotals,
  PayslipType,
  SalaryBucket,
} from './payroll.type.js';
import { kopecksByKind, payslipLineId } from './payslip-lines.js';

/** The lines of one kind, each with its id: the place in the whole payslip, not in its kind. */
const linesOf = (payslip: Payslip, kind: PayslipLineKind): PayslipLineType[] =>
  payslip.lines.flatMap((line, index) =>
    line.kind === kind ? [{ ...line, id: payslipLineId(payslip.id, index) }] : [],
  );

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
  accruals(@Root() payslip: Payslip): PayslipLineType[] {
    return linesOf(payslip, 'ACCRUAL');
  }

  @FieldResolver(() => [PayslipLineType], { description: 'Удержано.' })
  deductions(@Root() payslip: Payslip): PayslipLineType[] {
    return linesOf(payslip, 'DEDUCTION');
  }

  @FieldResolver(() => [PayslipLineType], { description: 'Выплачено.' })
  payments(@Root() payslip: Payslip): PayslipLineType[] {
    return linesOf(payslip, 'PAYMENT');
  }

  @FieldResolver(() => PayslipTotals)
  totals(@Root() payslip: Payslip): PayslipTotals {
    const totals = kopecksByKind(payslip.lines);
    return {
      accrued: fromKopecks(totals.ACCRUAL),
      deducted: fromKopecks(totals.DEDUCTION),
      paid: fromKopecks(totals.PAYMENT),
    };
  }
}
