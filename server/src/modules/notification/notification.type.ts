import { Field, ID, ObjectType } from 'type-graphql';
import { ConnectionType } from '../../core/graphql/connection.js';
import { graphqlEnum } from '../../core/graphql/enums.js';
import { DateTimeScalar } from '../../core/graphql/scalars.js';
import { NotificationTypes } from './notification.entity.js';

export const NotificationTypeValue = graphqlEnum(NotificationTypes, 'NotificationType');

@ObjectType('Notification')
export class NotificationGqlType {
  @Field(() => ID, {
    description: 'Time-ordered: also the cursor to resume `notificationAdded` from.',
  })
  id!: string;

  @Field(() => NotificationTypeValue)
  type!: string;

  @Field(() => String)
  title!: string;

  @Field(() => String, { nullable: true })
  body!: string | null;

  @Field(() => String, { nullable: true })
  link!: string | null;

  @Field(() => DateTimeScalar)
  createdAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  readAt!: Date | null;
}

export const NotificationConnection = ConnectionType(NotificationGqlType, 'Notification');
