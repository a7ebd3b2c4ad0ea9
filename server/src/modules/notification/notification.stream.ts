import DataLoader from 'dataloader';
import type { AppServices } from '../../core/context.js';
import type { NotificationAddedContent, NotificationAddedEvent } from '../../core/topics.js';
import type { Viewer } from '../../core/auth/viewer.js';
import { Notification, NotificationCursor, type NotificationType } from './notification.entity.js';

/** Missed notifications are read from the database this many at a time, until none is left. */
export const REPLAY_PAGE = 200;

/** Notifications a stream keeps from their events while its client reads; past this, it reads. */
export const MAX_CARRIED = 50;

/** What the stream delivers: a notification read from the database, or as its event carried it. */
export type StreamedNotification = Pick<
  Notification,
  'id' | 'seq' | 'type' | 'title' | 'body' | 'link' | 'createdAt' | 'readAt'
>;

/**
 * A user's notifications as a stream, exactly once and in commit order. Every notification has
 * its recipient's `seq` (gapless, in commit order: see NotificationCursor), so the stream only
 * keeps the last seq it delivered, and delivers only `last + 1` or "everything after `last`":
 *
 * - with `after` (the id of the last notification the client has), first all it missed, page by
 *   page, however many, from the database; without it, from the moment of subscribing;
 * - then each live event: the very next seq, with its content, is delivered as the event carried
 *   it, without a read; anything else beyond the last delivered (a notification whose event never
 *   came because its process died between commit and publish or Redis dropped it, an event
 *   without content) has the stream read everything after the last delivered up to that seq;
 *   an event for something already delivered is ignored.
 *
 * It subscribes before it reads, so nothing committed meanwhile is lost.
 */
export async function notificationStream(
  app: AppServices,
  viewer: Viewer,
  after: string | null,
): Promise<AsyncIterableIterator<StreamedNotification>> {
  const live = app.pubSub.subscribe('NOTIFICATION_ADDED', viewer.userId);
  try {
    const last = await startingSeq(app, viewer, after);
    const stream = deliver(app, viewer, live, last, after !== null);
    // An async generator waiting for an event cannot be returned until it yields: ending the
    // event source first lets a client's `complete` (or a closed socket) free it at once.
    const iterator: AsyncIterableIterator<StreamedNotification> = {
      next: () => stream.next(),
      return: async () => {
        await live.return?.();
        return stream.return(undefined);
      },
      [Symbol.asyncIterator]: () => iterator,
    };
    return iterator;
  } catch (error) {
    await live.return?.();
    throw error;
  }
}

async function* deliver(
  app: AppServices,
  viewer: Viewer,
  live: AsyncIterable<NotificationAddedEvent> & AsyncIterator<NotificationAddedEvent>,
  from: number,
  replay: boolean,
): AsyncGenerator<StreamedNotification> {
  let last = from;
  // Everything after `last` (up to `limit`), page by page, in seq order.
  const upTo = async function* (limit: number | null) {
    for (;;) {
      const page = await pagesOf(app).load({ userId: viewer.userId, after: last, upTo: limit });
      for (const notification of page) {
        last = notification.seq;
        yield notification;
      }
      if (page.length < REPLAY_PAGE) return;
    }
  };
  // The events are drained as they come, keeping the highest seq announced and the content of a
  // run of consecutive ones (at most MAX_CARRIED): however slowly the client reads, a subscription
  // holds a number and a few notifications, not a queue of events.
  let announced = last;
  let carried: StreamedNotification[] = [];
  let ended = false;
  let wake = null as (() => void) | null;
  const pump = (async () => {
    try {
      for await (const event of live) {
        if (event.recipientUserId !== viewer.userId || event.seq <= announced) continue;
        const content = event.notification ? contentOf(event.seq, event.notification) : null;
        const continues = carried.length === 0 || carried.at(-1)!.seq === event.seq - 1;
        if (content && continues && carried.length < MAX_CARRIED) carried.push(content);
        else carried = content ? [content] : [];
        announced = event.seq;
        wake?.();
      }
    } finally {
      ended = true;
      wake?.();
    }
  })().catch(() => undefined); // a broken event source ends the stream; the client resumes
  try {
    if (replay) yield* upTo(null);
    for (;;) {
      while (carried.length > 0 && carried[0]!.seq <= last) carried.shift();
      if (announced > last) {
        const next = carried[0];
        if (next?.seq === last + 1) {
          carried.shift();
          last = next.seq;
          yield next;
          continue;
        }
        const target = announced; // it may grow while the client reads
        yield* upTo(target);
        // Only a notification deleted meanwhile leaves a number unfilled: never ask again.
        last = Math.max(last, target);
        continue;
      }
      if (ended) return;
      await new Promise<void>((resolve) => (wake = resolve));
      wake = null;
    }
  } finally {
    await live.return?.();
    await pump;
  }
}

/** A notification as its event carried it: unread, as it was committed. */
const contentOf = (seq: number, content: NotificationAddedContent): StreamedNotification => ({
  ...content,
  type: content.type as NotificationType,
  seq,
  createdAt: new Date(content.createdAt),
  readAt: null,
});

/** A page to read: the recipient's notifications after `after`, up to `upTo` (null: no bound). */
interface PageKey {
  userId: string;
  after: number;
  upTo: number | null;
}

const pageLoaders = new WeakMap<AppServices['orm'], DataLoader<PageKey, Notification[]>>();

/**
 * The pages every stream of this process asks for in one turn of the event loop, read in one
 * statement: a burst of events (one commit, one Redis read) wakes many streams at once, and a
 * statement each would queue them on the connection pool.
 */
function pagesOf(app: AppServices): DataLoader<PageKey, Notification[]> {
  let loader = pageLoaders.get(app.orm);
  if (!loader) {
    loader = new DataLoader((keys) => readPages(app, keys), {
      cache: false,
      maxBatchSize: 1000,
      batchScheduleFn: (run) => setImmediate(run),
    });
    pageLoaders.set(app.orm, loader);
  }
  return loader;
}

async function readPages(app: AppServices, keys: readonly PageKey[]): Promise<Notification[][]> {
  const em = app.orm.em.fork();
  const rows = await em.execute<(Record<string, unknown> & { page: string })[]>(
    `select q.page, n.*
       from unnest(?::uuid[], ?::bigint[], ?::bigint[]) with ordinality as q(recipient, after, up_to, page)
       cross join lateral (
         select * from notification n
          where n.recipient_user_id = q.recipient and n.seq > q.after
            and (q.up_to is null or n.seq <= q.up_to)
          order by n.seq limit ${REPLAY_PAGE}) n
      order by q.page, n.seq`,
    [
      `{${keys.map((key) => key.userId).join(',')}}`,
      `{${keys.map((key) => key.after).join(',')}}`,
      `{${keys.map((key) => key.upTo ?? 'NULL').join(',')}}`,
    ],
  );
  const pages = keys.map((): Notification[] => []);
  for (const { page, ...row } of rows) pages[Number(page) - 1]!.push(em.map(Notification, row));
  return pages;
}

/**
 * Where the stream starts: after the client's last notification (`after` is its id), or after the
 * recipient's latest when it names none. The client's own notification gives its own seq; ids are
 * not in seq order (two instances mint UUIDv7s from their own clocks, and in one millisecond at
 * random), so "the highest seq with an id up to `after`" could skip one it never had. An id that
 * is none of the viewer's (a client that has none yet may send the smallest UUIDv7) counts as a
 * point in time.
 */
async function startingSeq(
  app: AppServices,
  viewer: Viewer,
  after: string | null,
): Promise<number> {
  const em = app.orm.em.fork();
  if (after === null) {
    const cursor = await em.findOne(NotificationCursor, { recipientUserId: viewer.userId });
    return cursor?.lastSeq ?? 0;
  }
  const [row] = await em.execute<{ seq: string | null }[]>(
    `select coalesce(
       (select seq from notification where recipient_user_id = ? and id = ?),
       (select max(seq) from notification where recipient_user_id = ? and id <= ?)
     ) as seq`,
    [viewer.userId, after, viewer.userId, after],
  );
  return Number(row?.seq ?? 0);
}
