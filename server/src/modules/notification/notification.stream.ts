import type { AppServices } from '../../app/context.js';
import type { Viewer } from '../../core/auth/viewer.js';
import { Notification } from './notification.entity.js';

const REPLAY_LIMIT = 500;
const REMEMBERED = 1000;

/**
 * A user's notifications as a stream: first those after `after` (the last one the client has),
 * from the database, then live ones. It subscribes before it reads, so nothing committed meanwhile
 * is lost, and remembers what it sent, so nothing comes twice. Each live event is reloaded with a
 * fresh EntityManager and checked to belong to the viewer before it is delivered.
 */
export async function* notificationStream(
  app: AppServices,
  viewer: Viewer,
  after: string | null,
): AsyncGenerator<Notification> {
  const live = app.pubSub.subscribe('NOTIFICATION_ADDED', viewer.userId);
  const sent = new Set<string>();
  const remember = (id: string) => {
    sent.add(id);
    if (sent.size > REMEMBERED) sent.delete(sent.values().next().value!);
  };
  try {
    if (after) {
      const missed = await app.orm.em
        .fork()
        .find(
          Notification,
          { recipientUserId: viewer.userId, id: { $gt: after } },
          { orderBy: { id: 'asc' }, limit: REPLAY_LIMIT },
        );
      for (const notification of missed) {
        remember(notification.id);
        yield notification;
      }
    }
    for await (const event of live) {
      if (event.recipientUserId !== viewer.userId || sent.has(event.notificationId)) continue;
      const notification = await app.orm.em
        .fork()
        .findOne(Notification, { id: event.notificationId, recipientUserId: viewer.userId });
      if (!notification) continue;
      remember(notification.id);
      yield notification;
    }
  } finally {
    await live.return?.();
  }
}
