import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DecimalScalar } from '../../core/graphql/decimal-scalar.js';
import { graphqlEnum } from '../../core/graphql/enums.js';
import { Provenance } from '../../core/graphql/provenance.js';
import { LocalDateScalar } from '../../core/graphql/scalars.js';
import { LeaveKinds } from './leave.rules.js';

export const LeaveKindValue = graphqlEnum(
  LeaveKinds,
  'LeaveKind',
  'Ежегодный основной / дополнительный, без сохранения, учебный, по уходу за ребёнком, по беременности и родам, больничный.',
);

@ObjectType('Leave', { description: 'One absence from work.' })
export class LeaveType {
  @Field(() => ID)
  id!: string;

  @Field(() => LeaveKindValue)
  kind!: string;

  @Field(() => LocalDateScalar)
  startDate!: string;

  @Field(() => LocalDateScalar)
  endDate!: string;

  @Field(() => Int, { description: 'Days charged.' })
  days!: number;

  @Field(() => String, { nullable: true })
  orderNumber!: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  orderDate!: string | null;

  @Field(() => String, { nullable: true, description: 'Номер ЭЛН, for sick leave.' })
  sickNoteNumber!: string | null;
}

@ObjectType('LeaveScheduleEntry', { description: 'A planned leave in the yearly schedule.' })
export class LeaveScheduleEntryType {
  @Field(() => Int)
  year!: number;

  @Field(() => LocalDateScalar)
  startDate!: string;

  @Field(() => LocalDateScalar)
  endDate!: string;

  @Field(() => Int)
  days!: number;
}

@ObjectType('LeaveDays', {
  description:
    'Days of annual leave: exact where pro rata, rounded up to hundredths (in the employee’s favour).',
})
export class LeaveDays {
  @Field(() => DecimalScalar)
  basic!: string;

  @Field(() => DecimalScalar)
  additional!: string;
}

@ObjectType('LeaveRemaining')
export class LeaveRemaining extends LeaveDays {
  @Field(() => DecimalScalar, { description: 'Basic and additional, rounded once.' })
  total!: string;
}

@ObjectType('LeaveYearBalance', {
  description: 'Annual leave of one working year (from the hire date).',
})
export class LeaveYearBalance {
  @Field(() => Int, { description: '1 for the first working year.' })
  index!: number;

  @Field(() => LocalDateScalar)
  start!: string;

  @Field(() => LocalDateScalar)
  end!: string;

  @Field(() => LeaveDays)
  entitled!: LeaveDays;

  @Field(() => LeaveDays)
  used!: LeaveDays;

  @Field(() => LeaveRemaining)
  remaining!: LeaveRemaining;
}

@ObjectType('LeaveSection', { description: 'The leave section of a personal file (LEAVE).' })
export class LeaveSection {
  @Field(() => [LeaveType], { description: 'Oldest first.' })
  records!: object[];

  @Field(() => [LeaveScheduleEntryType])
  schedule!: object[];

  @Field(() => [LeaveYearBalance], { description: 'Per working year, up to the current one.' })
  balance!: LeaveYearBalance[];

  @Field(() => DecimalScalar, {
    description:
      'Остаток на сегодня: annual leave days not yet used over all working years (after a dismissal, on the dismissal date).',
  })
  remainingToday!: string;

  @Field(() => DecimalScalar, {
    description:
      'Остаток на дату, as 1С shows it: remainingToday less the annual leave recorded in the file (approved by an order) that starts after today.',
  })
  remainingAfterPlanned!: string;

  @Field(() => DecimalScalar, {
    nullable: true,
    description:
      'For a dismissed employee: days of unused annual leave to compensate (ст. 127 ТК), the last working year pro rata by months (a rest of 15 days or more is a month), rounded up to hundredths; 0 when leave was used in advance. Null otherwise.',
  })
  compensationDays!: string | null;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'The start of the next leave, recorded or scheduled, after today.',
  })
  nextLeaveStart!: string | null;

  @Field(() => Provenance)
  provenance!: Provenance;
}
