import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { graphqlEnum } from '../../core/graphql/enums.js';
import { MoneyScalar } from '../../core/graphql/money-scalar.js';
import { DateTimeScalar, LocalDateScalar } from '../../core/graphql/scalars.js';
import { PayslipLineKinds } from './payroll.entity.js';

export const PayslipLineKindValue = graphqlEnum(PayslipLineKinds, 'PayslipLineKind');

export enum DynamicsGrouping {
  MONTH = 'month',
  QUARTER = 'quarter',
  YEAR = 'year',
}
registerEnumType(DynamicsGrouping, { name: 'DynamicsGrouping' });

@ObjectType('PayrollPeriod')
export class PayrollPeriodType {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  year!: number;

  @Field(() => Int, { description: '1 to 12.' })
  month!: number;

  @Field(() => LocalDateScalar)
  startDate!: string;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the final pay was published.' })
  publishedAt!: Date | null;
}

@ObjectType('PayslipLine', { description: 'An accrual, a deduction or a payment.' })
export class PayslipLineType {
  @Field(() => ID)
  id!: string;

  @Field(() => PayslipLineKindValue)
  kind!: string;

  @Field(() => String, { description: 'Код вида расчёта.' })
  payCode!: string;

  @Field(() => String, { nullable: true, description: 'Код дохода НДФЛ.' })
  incomeCode!: string | null;

  @Field(() => String)
  name!: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'The month the line concerns.' })
  relatesTo!: string | null;

  @Field(() => Int, { nullable: true })
  days!: number | null;

  @Field(() => MoneyScalar)
  amount!: string;

  @Field(() => LocalDateScalar, { nullable: true })
  paidOn!: string | null;
}

@ObjectType('PayslipTotals', { description: 'Derived from the lines; the identity holds exactly.' })
export class PayslipTotals {
  @Field(() => MoneyScalar, { description: 'Начислено.' })
  accrued!: string;

  @Field(() => MoneyScalar, { description: 'Удержано.' })
  deducted!: string;

  @Field(() => MoneyScalar, { description: 'Выплачено.' })
  paid!: string;
}

@ObjectType('Payslip', {
  description: 'A payslip (расчётный листок). Balances: positive is owed to the employee.',
})
export class PayslipType {
  @Field(() => ID)
  id!: string;

  @Field(() => MoneyScalar, { description: 'Долг на начало месяца.' })
  openingBalance!: string;

  @Field(() => MoneyScalar, { description: 'Долг на конец месяца.' })
  closingBalance!: string;

  @Field(() => Int, { nullable: true })
  normDays!: number | null;

  @Field(() => Int, { nullable: true })
  workedDays!: number | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Ознакомлен.' })
  acknowledgedAt!: Date | null;
}

@ObjectType('SalaryBucket', { description: 'Pay in one month, quarter or year.' })
export class SalaryBucket {
  @Field(() => LocalDateScalar, { description: 'First day of the bucket.' })
  start!: string;

  @Field(() => MoneyScalar, { description: 'Начислено (gross).' })
  gross!: string;

  @Field(() => MoneyScalar)
  deductions!: string;

  @Field(() => MoneyScalar, { description: 'Gross less deductions.' })
  net!: string;

  @Field(() => MoneyScalar, { nullable: true, description: 'Net against the previous bucket.' })
  changeFromPrevious!: string | null;

  @Field(() => MoneyScalar, {
    nullable: true,
    description: 'Net against the same bucket a year before.',
  })
  changeFromYearBefore!: string | null;
}

export enum PublishPartValue {
  ADVANCE = 'ADVANCE',
  FINAL = 'FINAL',
}
registerEnumType(PublishPartValue, { name: 'PublishPart', description: 'Аванс or the final pay.' });

@ObjectType('PayslipLineChange', { description: 'How a line moved against the previous payslip.' })
export class PayslipLineChange {
  @Field(() => String, { description: 'APPEARED, DISAPPEARED or CHANGED.' })
  change!: string;

  @Field(() => PayslipLineKindValue)
  kind!: string;

  @Field(() => String)
  payCode!: string;

  @Field(() => String)
  name!: string;

  @Field(() => MoneyScalar, { nullable: true })
  previous!: string | null;

  @Field(() => MoneyScalar, { nullable: true })
  current!: string | null;

  @Field(() => MoneyScalar)
  difference!: string;

  @Field(() => String, { description: 'The change in words, in Russian.' })
  description!: string;
}

@ObjectType('PayslipQuestion')
export class PayslipQuestionType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  question!: string;

  @Field(() => DateTimeScalar)
  createdAt!: Date;
}
