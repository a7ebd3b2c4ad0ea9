import {
  Arg,
  Args,
  Ctx,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
  Subscription,
} from 'type-graphql';
import { viewerOf, type AppContext } from '../../core/context.js';
import { inUnit } from '../../core/unit-of-work.js';
import { authorize } from '../../core/policy.js';
import { notificationActions } from './notification.policy.js';
import { badInput } from '../../core/errors.js';
import { ForwardPageArgs, type Connection } from '../../core/graphql/connection.js';
import { isUuid } from '../../core/ids.js';
import { User } from '../identity/index.js';
import type { Notification } from './notification.entity.js';
import { NotificationService, writeNotifications } from './notification.service.js';
import { notificationStream, type StreamedNotification } from './notification.stream.js';
import { NotificationConnection, NotificationGqlType } from './notification.type.js';

@Resolver(() => NotificationGqlType)
export class NotificationResolver {
  @Query(() => NotificationConnection, { description: "The viewer's notifications, newest first." })
  notifications(
    @Args(() => ForwardPageArgs) page: ForwardPageArgs,
    @Arg('unreadOnly', () => Boolean, { defaultValue: false }) unreadOnly: boolean,
    @Ctx() ctx: AppContext,
  ): Promise<Connection<Notification>> {
    return new NotificationService(ctx).list(page, unreadOnly);
  }

  @Query(() => Int)
  unreadNotificationCount(@Ctx() ctx: AppContext): Promise<number> {
    return new NotificationService(ctx).unreadCount();
  }

  @Mutation(() => Int, {
    description: 'Marks notifications read (these ids, or all); returns how many.',
  })
  markNotificationsRead(
    @Arg('ids', () => [ID], { nullable: true }) ids: string[] | null,
    @Arg('all', () => Boolean, { defaultValue: false }) all: boolean,
    @Ctx() ctx: AppContext,
  ): Promise<number> {
    return inUnit(ctx, (unit) => new NotificationService(unit).markRead(ids, all));
  }

  @Mutation(() => Int, {
    description: 'HR: an announcement to everyone in the organization; returns how many.',
  })
  async announce(
    @Arg('title', () => String) title: string,
    @Arg('body', () => String, { nullable: true }) body: string | null,
    @Ctx() ctx: AppContext,
  ): Promise<number> {
    const viewer = viewerOf(ctx);
    authorize(viewer, notificationActions.announce);
    if (title.trim().length < 3 || title.length > 300)
      throw badInput(['title'], 'A title of 3 to 300 characters');
    return inUnit(ctx, async (unit) => {
      const users = await unit.em.find(
        User,
        { organization: viewer.organizationId, status: 'ACTIVE' },
        { fields: ['id', 'roles'] },
      );
      const recipients = users.filter((user) => !user.roles.includes('INTEGRATION'));
      await writeNotifications(
        unit,
        recipients.map((user) => ({
          recipientUserId: user.id,
          organizationId: viewer.organizationId,
          type: 'ANNOUNCEMENT' as const,
          title: title.trim(),
          body,
        })),
      );
      return recipients.length;
    });
  }

  @Subscription(() => NotificationGqlType, {
    description:
      "The viewer's new notifications, exactly once in commit order; with `after` (the id of the last one received), every missed one first.",
    subscribe: ({ args, context }) => {
      const ctx = context as AppContext;
      const after = (args as { after?: string | null }).after ?? null;
      if (after !== null && !isUuid(after)) throw badInput(['after'], 'Not a notification id');
      return notificationStream(ctx.app, viewerOf(ctx), after);
    },
  })
  notificationAdded(
    @Root() notification: StreamedNotification,
    @Arg('after', () => ID, { nullable: true }) _after: string | null,
  ): StreamedNotification {
    return notification;
  }
}
