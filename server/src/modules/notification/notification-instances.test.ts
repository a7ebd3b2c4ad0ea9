import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../app/logger.js';
import { inSystemUnit } from '../../app/unit-of-work.js';
import { createTestDatabase, startTestServer, type TestServer } from '../../../test/harness.js';
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

beforeAll(async () => {
  database = await createTestDatabase();
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
});

interface Received {
  id: string;
  title: string;
}

/** A `notificationAdded` subscription on `server` from `after`, recording what arrives. */
function openStream(server: TestServer, after: string | null) {
  const client = server.wsClient(token, { lazy: false });
  const received: Received[] = [];
  const errors: unknown[] = [];
  client.subscribe<{ notificationAdded: Received }>(
    {
      query: `subscription($after: ID) { notificationAdded(after: $after) { id title } }`,
      variables: { after },
    },
    {
      next: (value) => {
        if (value.errors) errors.push(value.errors);
        else received.push(value.data!.notificationAdded);
      },
      error: (error) => errors.push(error),
      complete: () => undefined,
    },
  );
  return {
    received,
    errors,
    async until(count: number, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 20));
      // A little longer: anything more (a duplicate) would arrive now.
      await new Promise((resolve) => setTimeout(resolve, 200));
      return received.map((item) => item.title);
    },
    close: () => client.dispose(),
  };
}

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
async function live(stream: ReturnType<typeof openStream>, server: TestServer, marker: string) {
  for (let i = 0; i < 50 && stream.received.length === 0; i++) {
    await write(server, `${marker} ${i}`).done;
    const deadline = Date.now() + 150;
    while (stream.received.length === 0 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 20));
  }
  expect(stream.received.length).toBeGreaterThan(0);
  const last = stream.received.at(-1)!.id;
  await stream.until(0, 0);
  stream.received.length = 0;
  return last;
}

describe('notifications across two instances over Redis', () => {
  it('overlapping writes on both instances: a client that reconnects to the other gets each exactly once, in commit order', async () => {
    expect(first.pubSubTransport).toBe('redis');
    const onFirst = openStream(first, null);
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
    const beforeCommit = await onFirst.until(1, 600);
    await onFirst.close();
    cursor = onFirst.received.at(-1)?.id ?? cursor;
    release();
    await early.done;
    await late.done;
    // Back, on the other instance, from the last notification the client had.
    const onSecond = openStream(second, cursor);
    const replayed = await onSecond.until(2 - beforeCommit.length);
    expect(beforeCommit).toEqual([]);
    expect([...beforeCommit, ...replayed]).toEqual(['Начата раньше', 'Начата позже']);
    expect(onSecond.errors).toEqual([]);
    await onSecond.close();
  });

  it('an instance killed between commit and publish: its notification reaches a subscriber on the other before the next one, and after a reconnect, once', async () => {
    const onFirst = openStream(first, null);
    await live(onFirst, second, 'на связи');
    await write(second, 'Без события 1', { publish: false }).done;
    await write(second, 'С событием 2').done;
    expect(await onFirst.until(2)).toEqual(['Без события 1', 'С событием 2']);
    await onFirst.close();
    // Away: more written on the first instance, one of them never published; back on the second.
    await write(first, 'Без события 3', { publish: false }).done;
    await write(first, 'С событием 4').done;
    const onSecond = openStream(second, onFirst.received.at(-1)!.id);
    await onSecond.until(2);
    await write(first, 'С событием 5').done;
    expect(await onSecond.until(3)).toEqual(['Без события 3', 'С событием 4', 'С событием 5']);
    const ids = [...onFirst.received, ...onSecond.received].map((item) => item.id);
    expect(new Set(ids).size).toBe(5);
    await onSecond.close();
  });
});
