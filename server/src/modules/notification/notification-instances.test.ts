import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../core/logger.js';
import { inSystemUnit } from '../../core/unit-of-work.js';
import {
  createTestDatabase,
  exclusively,
  startTestServer,
  type TestServer,
} from '../../../test/harness.js';
import { openNotificationStream } from '../../../test/notification-stream.js';
import { writeNotifications } from './notification.service.js';

/**
 * Two server instances on one database and one Redis: a recipient's notifications, written on
 * either, reach a subscriber on either exactly once and in commit order, across a reconnect from
 * one to the other, including when the writing transactions overlap and when an instance died
 * between commit and publish.
 */
const redisUrl = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const logger = createLogger('silent');

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let first: TestServer;
let second: TestServer;
let token: string;
let userId: string;
let organizationId: string;
let release: (() => Promise<void>) | undefined;

beforeAll(async () => {
  release = await exclusively('redis');
  database = await createTestDatabase({ demo: true });
  const env = { REDIS_URL: redisUrl };
  first = await startTestServer({ databaseUrl: database.url, env, demo: true });
  second = await startTestServer({ databaseUrl: database.url, env, demo: true });
  token = await first.login('employee');
  const me = await first.gql<{ me: { id: string; organization: { id: string } } }>(
    `{ me { id organization { id } } }`,
    {},
    token,
  );
  userId = me.data!.me.id;
  organizationId = me.data!.me.organization.id;
});
afterAll(async () => {
  await first?.close();
  await second?.close();
  await database?.drop();
  await release?.();
});

/**
 * One notification for the employee written on `server` in its own unit, published after commit
 * through that instance's Redis pub/sub, or not at all (`publish: false`: the instance was killed
 * between commit and publish). `hold` keeps the transaction open after the write.
 */
function write(
  server: TestServer,
  title: string,
  options: { publish?: boolean; hold?: Promise<void> } = {},
) {
  let written!: () => void;
  const wrote = new Promise<void>((resolve) => (written = resolve));
  const done = inSystemUnit(
    server.orm.em.fork(),
    options.publish === false ? null : server.pubSub,
    logger,
    async (unit) => {
      await writeNotifications(unit, [
        { recipientUserId: userId, organizationId, type: 'ANNOUNCEMENT', title },
      ]);
      written();
      await options.hold;
    },
  );
  return { wrote, done };
}

/** Waits until a stream is live (a marker written on `server` arrives), then forgets the markers. */
async function live(
  stream: ReturnType<typeof openNotificationStream>,
  server: TestServer,
  marker: string,
) {
  for (let i = 0; i < 50 && stream.received.length === 0; i++) {
    await write(server, `${marker} ${i}`).done;
    const deadline = Date.now() + 150;
    while (stream.received.length === 0 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 20));
  }
  expect(stream.received.length).toBeGreaterThan(0);
  const last = stream.received.at(-1)!.id;
  await stream.titles(0, 0);
  stream.received.length = 0;
  return last;
}

describe('notifications across two instances over Redis', () => {
  it('overlapping writes on both instances: a client that reconnects to the other gets each exactly once, in commit order', async () => {
    expect(first.pubSubTransport).toBe('redis');
    const onFirst = openNotificationStream(first, token, null);
    let cursor = await live(onFirst, second, 'разогрев');
    // The second instance writes first (the smaller id) and keeps its transaction open; the first
    // instance writes after it and commits as soon as it may.
    let release!: () => void;
    const hold = new Promise<void>((resolve) => (release = resolve));
    const early = write(second, 'Начата раньше', { hold });
    await early.wrote;
    const late = write(first, 'Начата позже');
    // Nothing may reach the client before the earlier transaction commits: it would resume
    // after the later one and never see the earlier.
    const beforeCommit = await onFirst.titles(1, 600);
    await onFirst.close();
    cursor = onFirst.received.at(-1)?.id ?? cursor;
    release();
    await early.done;
    await late.done;
    // Back, on the other instance, from the last notification the client had.
    const onSecond = openNotificationStream(second, token, cursor);
    const replayed = await onSecond.titles(2 - beforeCommit.length);
    expect(beforeCommit).toEqual([]);
    expect([...beforeCommit, ...replayed]).toEqual(['Начата раньше', 'Начата позже']);
    expect(onSecond.errors).toEqual([]);
    await onSecond.close();
  });

  it('an instance killed between commit and publish: its notification reaches a subscriber on the other before the next one, and after a reconnect, once', async () => {
    const onFirst = openNotificationStream(first, token, null);
    await live(onFirst, second, 'на связи');
    await write(second, 'Без события 1', { publish: false }).done;
    await write(second, 'С событием 2').done;
    expect(await onFirst.titles(2)).toEqual(['Без события 1', 'С событием 2']);
    await onFirst.close();
    // Away: more written on the first instance, one of them never published; back on the second.
    await write(first, 'Без события 3', { publish: false }).done;
    await write(first, 'С событием 4').done;
    const onSecond = openNotificationStream(second, token, onFirst.received.at(-1)!.id);
    await onSecond.titles(2);
    await write(first, 'С событием 5').done;
    expect(await onSecond.titles(3)).toEqual(['Без события 3', 'С событием 4', 'С событием 5']);
    const ids = [...onFirst.received, ...onSecond.received].map((item) => item.id);
    expect(new Set(ids).size).toBe(5);
    await onSecond.close();
  });
});
