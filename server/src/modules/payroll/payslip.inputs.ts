import { Field, ID, InputType, Int } from 'type-graphql';
import { MoneyScalar } from '../../core/graphql/money-scalar.js';
import { LocalDateScalar } from '../../core/graphql/scalars.js';
import type { PayslipLineKind } from './payroll.entity.js';
import { PayslipLineKindValue } from './payroll.type.js';

@InputType('PayslipLineInput')
export class PayslipLineInput {
  @Field(() => PayslipLineKindValue)
  kind!: PayslipLineKind;

  @Field(() => String)
  payCode!: string;

  @Field(() => String, { nullable: true })
  incomeCode?: string | null;

  @Field(() => String)
  name!: string;

  @Field(() => LocalDateScalar, { nullable: true })
  relatesTo?: string | null;

  @Field(() => Int, { nullable: true })
  days?: number | null;

  @Field(() => MoneyScalar)
  amount!: string;

  @Field(() => LocalDateScalar, { nullable: true })
  paidOn?: string | null;
}

@InputType('PayslipInput', {
  description: 'A whole payslip; it replaces the one of the same month.',
})
export class PayslipInput {
  @Field(() => ID)
  employeeId!: string;

  @Field(() => Int)
  year!: number;

  @Field(() => Int)
  month!: number;

  @Field(() => MoneyScalar)
  openingBalance!: string;

  @Field(() => MoneyScalar)
  closingBalance!: string;

  @Field(() => Int, { nullable: true })
  normDays?: number | null;

  @Field(() => Int, { nullable: true })
  workedDays?: number | null;

  @Field(() => [PayslipLineInput])
  lines!: PayslipLineInput[];
}
