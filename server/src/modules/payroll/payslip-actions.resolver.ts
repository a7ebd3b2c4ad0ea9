import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../../core/context.js';
import { inUnit } from '../../core/unit-of-work.js';
import type { PayrollPeriod, Payslip, PayslipQuestion } from './payroll.entity.js';
import {
  PayrollPeriodType,
  PayslipLineChange,
  PayslipQuestionType,
  PayslipType,
  PublishPartValue,
} from './payroll.type.js';
import { PayslipActionsService, type LineChange } from './payslip-actions.service.js';
import { PayslipInput } from './payslip.inputs.js';
import { PayslipWriteService } from './payslip-write.service.js';

@Resolver(() => PayslipType)
export class PayslipActionsResolver {
  @Mutation(() => PayrollPeriodType, {
    description:
      'ACCOUNTANT or INTEGRATION: publishes a month (advance or final); again is a no-op.',
  })
  publishPayrollPeriod(
    @Arg('year', () => Int) year: number,
    @Arg('month', () => Int) month: number,
    @Arg('part', () => PublishPartValue) part: PublishPartValue,
    @Ctx() ctx: AppContext,
  ): Promise<PayrollPeriod> {
    return inUnit(ctx, (unit) => new PayslipActionsService(unit).publishPeriod(year, month, part));
  }

  @Mutation(() => PayslipType, {
    description: 'ACCOUNTANT or INTEGRATION: writes a whole payslip, checked to the kopeck.',
  })
  savePayslip(
    @Arg('input', () => PayslipInput) input: PayslipInput,
    @Ctx() ctx: AppContext,
  ): Promise<Payslip> {
    return inUnit(ctx, (unit) => new PayslipWriteService(unit).save(input));
  }

  @Mutation(() => PayslipType, {
    description: 'The employee acknowledges their payslip (ознакомлен).',
  })
  acknowledgePayslip(@Arg('id', () => ID) id: string, @Ctx() ctx: AppContext): Promise<Payslip> {
    return inUnit(ctx, (unit) => new PayslipActionsService(unit).acknowledge(id));
  }

  @Query(() => [PayslipType], {
    description: 'ACCOUNTANT: published payslips not yet acknowledged.',
  })
  unacknowledgedPayslips(
    @Arg('year', () => Int) year: number,
    @Arg('month', () => Int) month: number,
    @Ctx() ctx: AppContext,
  ): Promise<Payslip[]> {
    return new PayslipActionsService(ctx).unacknowledged(year, month);
  }

  @Mutation(() => PayslipQuestionType, {
    description: 'The employee questions a line of their payslip.',
  })
  questionPayslipLine(
    @Arg('lineId', () => ID) lineId: string,
    @Arg('question', () => String) question: string,
    @Ctx() ctx: AppContext,
  ): Promise<PayslipQuestion> {
    return inUnit(ctx, (unit) => new PayslipActionsService(unit).question(lineId, question));
  }

  @FieldResolver(() => [PayslipLineChange], {
    description: 'What changed against last month, in words.',
  })
  changes(@Root() payslip: Payslip, @Ctx() ctx: AppContext): Promise<LineChange[]> {
    return new PayslipActionsService(ctx).changes(payslip.id);
  }

  @FieldResolver(() => String, {
    description: 'ADVANCE while only the advance is published, else FINAL.',
  })
  status(@Root() payslip: Payslip): string {
    const period = payslip.period.getEntity();
    return period.publishedAt || !period.advancePublishedAt ? 'FINAL' : 'ADVANCE';
  }
}
