import { Field, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../../core/graphql/scalars.js';

@ObjectType('Ping', { description: 'A diagnostic event that crosses the pub/sub bus.' })
export class PingType {
  @Field(() => String)
  message!: string;

  @Field(() => DateTimeScalar)
  sentAt!: Date;

  @Field(() => String, { description: 'The server instance that published it.' })
  instanceId!: string;
}
