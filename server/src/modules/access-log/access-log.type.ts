import { Field, ID, ObjectType } from 'type-graphql';
import { graphqlEnum } from '../../core/graphql/enums.js';
import { AccessActions, type AccessAction } from '../../core/access.js';
import { ConnectionType } from '../../core/graphql/connection.js';
import { DateTimeScalar } from '../../core/graphql/scalars.js';

export const AccessActionValue = graphqlEnum(AccessActions, 'AccessAction');
export type AccessActionValue = AccessAction;

@ObjectType('AccessLogEntry', {
  description: 'Who touched whose personal data, and when (152-ФЗ ст. 19).',
})
export class AccessLogEntryType {
  @Field(() => ID)
  id!: string;

  @Field(() => DateTimeScalar)
  at!: Date;

  @Field(() => String, { nullable: true, description: 'Login of who acted.' })
  actorLogin!: string | null;

  @Field(() => ID, { nullable: true, description: 'Whose personal file.' })
  subjectEmployeeId!: string | null;

  @Field(() => ID, { nullable: true, description: 'Whose account, for account changes.' })
  subjectUserId!: string | null;

  @Field(() => String, { description: 'File section, or ACCOUNT / SETTINGS.' })
  section!: string;

  @Field(() => AccessActionValue)
  action!: AccessActionValue;

  @Field(() => Boolean)
  allowed!: boolean;

  @Field(() => String, { description: 'The API operation, e.g. `employee`.' })
  operation!: string;

  @Field(() => String, { nullable: true })
  ip!: string | null;
}

export const AccessLogConnection = ConnectionType(AccessLogEntryType, 'AccessLogEntry');
