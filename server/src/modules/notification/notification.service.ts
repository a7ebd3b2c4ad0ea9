import type { EntityManager } from '@mikro-orm/postgresql';
import { viewerOf, type AppContext } from '../../core/context.js';
import { unitOf, type Unit } from '../../core/unit-of-work.js';
import { badInput } from '../../core/errors.js';
import { checkPageSize, type Connection } from '../../core/graphql/connection.js';
import { isUuid } from '../../core/ids.js';
import { pageOf } from '../../core/orm/pagination.js';
import type { NotificationAddedContent } from '../../core/topics.js';
import { queueEmails } from './outbox.js';
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
  if (items.length === 0) return;
  const { em: tx, events } = unit;
  const next = await takeSequenceNumbers(tx, items);
  const rows = items.map((item) =>
    tx.create(Notification, {
      ...item,
      seq: next(item.recipientUserId),
      body: item.body ?? null,
      link: item.link ?? null,
    }),
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
      seq: row.seq,
      ...((row.body?.length ?? 0) <= CARRIED_BODY_MAX && { notification: contentOf(row) }),
    });
  }
  if (emails > 0) events.publish('EMAIL_QUEUED', { count: emails });
}

/** The longest body an event carries to every instance; a longer one is read by its recipient. */
const CARRIED_BODY_MAX = 4096;

const contentOf = (row: Notification): NotificationAddedContent => ({
  id: row.id,
  type: row.type,
  title: row.title,
  body: row.body,
  link: row.link,
  createdAt: row.createdAt.toISOString(),
});

/**
 * Bumps each recipient's NotificationCursor by the number of notifications it gets, in one
 * statement, locking the rows in recipient order (two writers never wait on each other in a
 * circle). The locks are held until the unit commits; returns the numbers to hand out in order.
 */
async function takeSequenceNumbers(
  tx: EntityManager,
  items: readonly NewNotification[],
): Promise<(recipientUserId: string) => number> {
  const counts = new Map<string, number>();
  for (const { recipientUserId } of items)
    counts.set(recipientUserId, (counts.get(recipientUserId) ?? 0) + 1);
  const recipients = [...counts.keys()].sort();
  const rows = await tx.execute<{ recipient_user_id: string; last_seq: string }[]>(
    `insert into notification_cursor (recipient_user_id, last_seq) values ${recipients
      .map(() => '(?::uuid, ?::bigint)')
      .join(', ')}
     on conflict (recipient_user_id) do update set last_seq = notification_cursor.last_seq + excluded.last_seq
     returning recipient_user_id, last_seq`,
    recipients.flatMap((id) => [id, counts.get(id)!]),
  );
  const nextSeq = new Map(
    rows.map((row) => [
      row.recipient_user_id,
      Number(row.last_seq) - counts.get(row.recipient_user_id)! + 1,
    ]),
  );
  return (recipientUserId) => {
    const seq = nextSeq.get(recipientUserId)!;
    nextSeq.set(recipientUserId, seq + 1);
    return seq;
  };
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

  /** The unread count and the latest `first`, in one statement (no rows: nothing is unread). */
  async glance(first: number): Promise<{ unread: number; latest: Notification[] }> {
    const em = this.ctx.em;
    const recipientUserId = viewerOf(this.ctx).userId;
    const unread = em
      .createQueryBuilder(Notification)
      .count()
      .where({ recipientUserId, readAt: null })
      .getKnexQuery();
    const latest = em
      .createQueryBuilder(Notification, 'n')
      .select('*')
      .where({ recipientUserId })
      .orderBy({ id: 'desc' })
      .limit(checkPageSize(first))
      .getKnexQuery()
      .select({ unread_total: unread });
    const rows = await em.execute<({ unread_total: string } & Record<string, unknown>)[]>(latest);
    return {
      unread: Number(rows[0]?.unread_total ?? 0),
      latest: rows.map(({ unread_total: _, ...row }) => em.map(Notification, row)),
    };
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
