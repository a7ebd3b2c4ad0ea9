import { Field, ID, InputType } from 'type-graphql';
import { LocalDateScalar } from '../../core/graphql/scalars.js';
import {
  AttestationDecisionValue,
  AttestationKindValue,
  AttestationPurposeValue,
} from './attestation.type.js';

@InputType('AttestationInput', { description: 'A new or corrected attestation.' })
export class AttestationInput {
  @Field(() => ID, { nullable: true })
  id?: string | null;

  @Field(() => ID)
  employeeId!: string;

  @Field(() => AttestationKindValue)
  kind!: 'REGULAR' | 'EXTRAORDINARY';

  @Field(() => AttestationPurposeValue)
  purpose!: 'POST_FITNESS' | 'QUALIFICATION_CATEGORY';

  @Field(() => LocalDateScalar)
  date!: string;

  @Field(() => String, { nullable: true })
  commission?: string | null;

  @Field(() => AttestationDecisionValue)
  decision!: 'MEETS' | 'MEETS_CONDITIONALLY' | 'DOES_NOT_MEET';

  @Field(() => String, { nullable: true })
  category?: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  validUntil?: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  nextDueDate?: string | null;

  @Field(() => String, { nullable: true })
  recommendations?: string | null;

  @Field(() => String, { nullable: true })
  protocolNumber?: string | null;

  @Field(() => String, { nullable: true })
  orderNumber?: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  orderDate?: string | null;
}
