import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganization, buildUser } from '../../../test/factories.js';
import { openUseCaseDatabase, type UseCaseDatabase } from '../../../test/use-case.js';
import { createLogger } from '../../core/logger.js';
import type { NotificationAddedEvent } from '../../core/topics.js';
import { inSystemUnit } from '../../core/unit-of-work.js';
import type { User } from '../identity/user.entity.js';
import { Notification } from './notification.entity.js';
import { writeNotifications, type NewNotification } from './notification.service.js';

/** writeNotifications called directly in system units of work, for two users the factories made. */

let db: UseCaseDatabase;
let ann: User;
let boris: User;
const logger = createLogger('silent');

const announcement = (user: User, title: string): NewNotification => ({
  recipientUserId: user.id,
  organizationId: user.organization.id,
  type: 'ANNOUNCEMENT',
  title,
});

const write = (items: NewNotification[]) =>
  inSystemUnit(db.em(), db.pubSub, logger, (unit) => writeNotifications(unit, items));

/** Each stored notification of `user` as `seq: title`, in seq order. */
const stored = async (user: User) =>
  (await db.em().find(Notification, { recipientUserId: user.id }, { orderBy: { seq: 'asc' } })).map(
    (row) => `${row.seq}: ${row.title}`,
  );

beforeAll(async () => {
  db = await openUseCaseDatabase();
  const organization = await buildOrganization(db.em());
  ann = await buildUser(db.em(), { organization });
  boris = await buildUser(db.em(), { organization });
});
afterAll(async () => {
  await db?.close();
});

describe('notification seq (use case)', () => {
  it('numbers each recipient’s notifications 1, 2, 3… in the order given, apart from others’', async () => {
    await write([
      announcement(ann, 'a1'),
      announcement(boris, 'b1'),
      announcement(ann, 'a2'),
      announcement(ann, 'a3'),
    ]);
    await write([announcement(boris, 'b2'), announcement(ann, 'a4')]);
    expect(await stored(ann)).toEqual(['1: a1', '2: a2', '3: a3', '4: a4']);
    expect(await stored(boris)).toEqual(['1: b1', '2: b2']);
  });

  it('takes no number for a unit that rolls back, and publishes nothing for it', async () => {
    const seen: NotificationAddedEvent[] = [];
    const iterator = db.pubSub.subscribe('NOTIFICATION_ADDED', boris.id)[Symbol.asyncIterator]();
    void (async () => {
      for (let next = await iterator.next(); !next.done; next = await iterator.next())
        seen.push(next.value);
    })();
    try {
      await expect(
        inSystemUnit(db.em(), db.pubSub, logger, async (unit) => {
          await writeNotifications(unit, [announcement(boris, 'lost')]);
          throw new Error('the change behind it failed');
        }),
      ).rejects.toThrow('the change behind it failed');
      await write([announcement(boris, 'b3')]);
      expect(await stored(boris)).toEqual(['1: b1', '2: b2', '3: b3']);
      await expect.poll(() => seen.map((event) => event.seq)).toEqual([3]);
    } finally {
      void iterator.return?.();
    }
  });

  it('hands out distinct, gapless numbers to writers running at once', async () => {
    await Promise.all(Array.from({ length: 8 }, (_, i) => write([announcement(ann, `p${i}`)])));
    const seqs = (await db.em().find(Notification, { recipientUserId: ann.id })).map((n) => n.seq);
    expect(seqs.sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
  });
});
