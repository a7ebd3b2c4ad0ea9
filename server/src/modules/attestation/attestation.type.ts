import { Field, ID, ObjectType } from 'type-graphql';
import { graphqlEnum } from '../../core/graphql/enums.js';
import { Provenance } from '../../core/graphql/provenance.js';
import { LocalDateScalar } from '../../core/graphql/scalars.js';
import {
  AttestationDecisions,
  AttestationKinds,
  AttestationPurposes,
} from './attestation.entity.js';

export const AttestationKindValue = graphqlEnum(AttestationKinds, 'AttestationKind');
export const AttestationPurposeValue = graphqlEnum(AttestationPurposes, 'AttestationPurpose');
export const AttestationDecisionValue = graphqlEnum(
  AttestationDecisions,
  'AttestationDecision',
  'Соответствует / соответствует при условии / не соответствует.',
);

@ObjectType('Attestation')
export class AttestationType {
  @Field(() => ID)
  id!: string;

  @Field(() => AttestationKindValue)
  kind!: string;

  @Field(() => AttestationPurposeValue)
  purpose!: string;

  @Field(() => LocalDateScalar)
  date!: string;

  @Field(() => String, { nullable: true })
  commission!: string | null;

  @Field(() => AttestationDecisionValue)
  decision!: string;

  @Field(() => String, { nullable: true, description: 'Категория assigned.' })
  category!: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  validUntil!: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  nextDueDate!: string | null;

  @Field(() => String, { nullable: true })
  recommendations!: string | null;

  @Field(() => String, { nullable: true })
  protocolNumber!: string | null;

  @Field(() => String, { nullable: true })
  orderNumber!: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  orderDate!: string | null;
}

@ObjectType('AttestationSection', { description: 'Attestations of a personal file (ATTESTATION).' })
export class AttestationSection {
  @Field(() => [AttestationType], { description: 'Newest first.' })
  attestations!: object[];

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'When the next attestation is due.',
  })
  nextDueDate!: string | null;

  @Field(() => Provenance)
  provenance!: Provenance;
}
