import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { AppContext } from '../../core/context.js';
import { inUnit } from '../../core/unit-of-work.js';
import type { NotificationType } from './notification.entity.js';
import { NotificationTypeValue } from './notification.type.js';
import {
  NotificationPreferenceService,
  type NotificationPreferenceView,
} from './notification-preference.service.js';
import { NotificationPreferenceType } from './notification-preference.type.js';

@Resolver(() => NotificationPreferenceType)
export class NotificationPreferenceResolver {
  @Query(() => [NotificationPreferenceType], {
    description: 'Every notification type with whether it also goes by e-mail to the viewer.',
  })
  notificationPreferences(@Ctx() ctx: AppContext): Promise<NotificationPreferenceView[]> {
    return new NotificationPreferenceService(ctx).list();
  }

  @Mutation(() => NotificationPreferenceType, {
    description:
      'Whether notifications of a type also go to the viewer by e-mail; EMAIL_UNAVAILABLE when e-mail cannot go (no SMTP, no address).',
  })
  setNotificationPreference(
    @Arg('type', () => NotificationTypeValue) type: NotificationType,
    @Arg('email', () => Boolean) email: boolean,
    @Ctx() ctx: AppContext,
  ): Promise<NotificationPreferenceView> {
    return inUnit(ctx, (unit) => new NotificationPreferenceService(unit).set(type, email));
  }
}
