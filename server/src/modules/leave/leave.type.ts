import { Field, ID, Int, ObjectType } from 'type-graphql';
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

@ObjectType('LeaveDays')
export class LeaveDays {
  @Field(() => Int)
  basic!: number;

  @Field(() => Int)
  additional!: number;
}

@ObjectType('LeaveRemaining')
export class LeaveRemaining extends LeaveDays {
  @Field(() => Int)
  total!: number;
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

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'The start of the next leave, recorded or scheduled, after today.',
  })
  nextLeaveStart!: string | null;

  @Field(() => Provenance)
  provenance!: Provenance;
}
