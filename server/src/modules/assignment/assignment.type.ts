import { Field, ID, ObjectType } from 'type-graphql';
import { graphqlEnum } from '../../core/graphql/enums.js';
import { Provenance } from '../../core/graphql/provenance.js';
import { LocalDateScalar } from '../../core/graphql/scalars.js';
import { AssignmentKinds } from './assignment.entity.js';

export const AssignmentKindValue = graphqlEnum(
  AssignmentKinds,
  'AssignmentKind',
  'Приём, перевод, увольнение, совмещение.',
);

@ObjectType('Assignment', {
  description: 'An entry of the employment history (трудовая деятельность).',
})
export class AssignmentType {
  @Field(() => ID)
  id!: string;

  @Field(() => AssignmentKindValue)
  kind!: string;

  @Field(() => String, { nullable: true, description: 'Номер приказа.' })
  orderNumber!: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Дата приказа.' })
  orderDate!: string | null;

  @Field(() => String, { description: 'Ставка, e.g. "0.50".' })
  rate!: string;

  @Field(() => LocalDateScalar)
  startDate!: string;

  @Field(() => LocalDateScalar, { nullable: true })
  endDate!: string | null;
}

@ObjectType('PreviousEmployment', { description: 'Work before this organization.' })
export class PreviousEmploymentType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  employer!: string;

  @Field(() => String, { nullable: true })
  position!: string | null;

  @Field(() => LocalDateScalar)
  startDate!: string;

  @Field(() => LocalDateScalar)
  endDate!: string;
}

@ObjectType('EmploymentSection', { description: 'The employment history of a personal file.' })
export class EmploymentSection {
  @Field(() => [AssignmentType], { description: 'Oldest first.' })
  assignments!: object[];

  @Field(() => AssignmentType, {
    nullable: true,
    description: 'The main post held today: the latest hire or transfer still open.',
  })
  current!: object | null;

  @Field(() => [PreviousEmploymentType])
  previousEmployment!: object[];

  @Field(() => Provenance)
  provenance!: Provenance;
}
