import { Field, ID, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../../core/graphql/scalars.js';

@ObjectType('IntegrationToken', {
  description: 'A credential of the system of record; the token itself is shown only once.',
})
export class IntegrationTokenType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { description: 'The last four characters of the token.' })
  hint!: string;

  @Field(() => DateTimeScalar)
  createdAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  lastUsedAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  revokedAt!: Date | null;
}

@ObjectType('CreatedIntegrationToken')
export class CreatedIntegrationToken {
  @Field(() => String, {
    description: 'Send as `Authorization: Bearer <token>`. Shown once: only its hash is kept.',
  })
  token!: string;

  @Field(() => IntegrationTokenType)
  integrationToken!: IntegrationTokenType;
}
