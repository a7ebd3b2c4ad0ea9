import { viewerOf, type AppContext } from '../../app/context.js';
import { unitOf, type Unit } from '../../app/unit-of-work.js';
import { badInput } from '../../core/errors.js';
import { checkPageSize, type Connection } from '../../core/graphql/connection.js';
import { isUuid } from '../../core/ids.js';
import { pageOf } from '../../core/orm/pagination.js';
import { queueEmails } from '../mail/outbox.js';
import { Notification, type NotificationType } from './notification.entity.js';

export interface NewNotification {
  recipientUserId: string;
  organizationId: string;
  type: NotificationType;
  title: string;
  body?: string | null;
  link?: string | null;
}

/**
 * Writes notifications inside the unit's transaction, with the e-mail copies their recipients
 * asked for, and has the unit publish them once it has committed: a rolled-back change leaves
 * neither a notification, nor a queued e-mail, nor an event.
 */
export async function writeNotifications(unit: Unit, items: readonly NewNotification[]) {
  const { em: tx, events } = unit;
  const rows = items.map((item) =>
    tx.create(Notification, { ...item, body: item.body ?? null, link: item.link ?? null }),
  );
  await tx.flush();
  const emails = await queueEmails(
    tx,
    rows.map((row) => row.id),
  );
  for (const row of rows) {
    events.publish('NOTIFICATION_ADDED', row.recipientUserId, {
      recipientUserId: row.recipientUserId,
      notificationId: row.id,
    });
  }
  if (emails > 0) events.publish('EMAIL_QUEUED', { count: emails });
}

/** A user's own notifications: listed, counted, marked read. */
export class NotificationService {
  constructor(private readonly ctx: AppContext) {}

  list(
    page: { first: number; after?: string | null },
    unreadOnly: boolean,
  ): Promise<Connection<Notification>> {
    const viewer = viewerOf(this.ctx);
    return pageOf(
      this.ctx.em,
      Notification,
      { recipientUserId: viewer.userId, ...(unreadOnly ? { readAt: null } : {}) },
      { first: checkPageSize(page.first), after: page.after ?? null, orderBy: { id: 'desc' } },
    );
  }

  unreadCount(): Promise<number> {
    return this.ctx.em.count(Notification, {
      recipientUserId: viewerOf(this.ctx).userId,
      readAt: null,
    });
  }

  /** Marks the given notifications (or, with `all`, every one) read; returns how many changed. */
  async markRead(ids: readonly string[] | null | undefined, all: boolean): Promise<number> {
    const viewer = viewerOf(this.ctx);
    if (!all && (!ids || ids.length === 0))
      throw badInput(['ids'], 'Name the notifications, or pass all: true');
    if (ids?.some((id) => !isUuid(id))) throw badInput(['ids'], 'Not a notification id');
    return unitOf(this.ctx).em.nativeUpdate(
      Notification,
      {
        recipientUserId: viewer.userId,
        readAt: null,
        ...(all ? {} : { id: { $in: [...(ids ?? [])] } }),
      },
      { readAt: new Date() },
    );
  }
}
