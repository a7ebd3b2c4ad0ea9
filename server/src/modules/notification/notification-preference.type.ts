import { Field, ObjectType } from 'type-graphql';
import { graphqlEnum } from '../../core/graphql/enums.js';
import { NotificationTypeValue } from './notification.type.js';

export const EmailUnavailableReasons = ['NOT_CONFIGURED', 'NO_ADDRESS'] as const;
export type EmailUnavailableReason = (typeof EmailUnavailableReasons)[number];

export const EmailUnavailableReasonValue = graphqlEnum(
  EmailUnavailableReasons,
  'EmailUnavailableReason',
  'NOT_CONFIGURED: this server sends no e-mail (no SMTP); NO_ADDRESS: the account has no e-mail address.',
);

@ObjectType('NotificationPreference', {
  description: 'Whether one type of notification also goes to the signed-in user by e-mail.',
})
export class NotificationPreferenceType {
  @Field(() => NotificationTypeValue)
  type!: string;

  @Field(() => Boolean, {
    description: 'It goes by e-mail: the choice (or the default) where e-mail is available.',
  })
  email!: boolean;

  @Field(() => Boolean, { description: 'No choice made yet: the default (off) applies.' })
  isDefault!: boolean;

  @Field(() => Boolean, {
    description: 'E-mail can be turned on: the server sends e-mail and the account has an address.',
  })
  emailAvailable!: boolean;

  @Field(() => EmailUnavailableReasonValue, { nullable: true })
  emailUnavailableReason!: EmailUnavailableReason | null;
}
