import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../core/logger.js';
import { inSystemUnit } from '../../core/unit-of-work.js';
import { startTestServer, type TestServer } from '../../../test/harness.js';
import { openNotificationStream } from '../../../test/notification-stream.js';
import { writeNotifications } from './notification.service.js';

/**
 * Replay after a reconnect is exactly once by construction: notifications are numbered per
 * recipient in commit order, and a stream delivers "everything after the last it delivered".
 */
let server: TestServer;
let token: string;
let userId: string;
let organizationId: string;
const logger = createLogger('silent');

/** Writes notifications for the user in one unit; `publish: false` is a process dying after commit. */
function write(
  titles: string[],
  options: { publish?: boolean; hold?: Promise<void>; body?: string } = {},
) {
  let written!: () => void;
  const wrote = new Promise<void>((resolve) => (written = resolve));
  const done = inSystemUnit(
    server.orm.em.fork(),
    options.publish === false ? null : server.pubSub,
    logger,
    async (unit) => {
      await writeNotifications(
        unit,
        titles.map((title) => ({
          recipientUserId: userId,
          organizationId,
          type: 'ANNOUNCEMENT' as const,
          title,
          body: options.body ?? null,
        })),
      );
      written();
      await options.hold;
    },
  );
  return { wrote, done };
}

/** The newest notification id the user has (the cursor a client keeps). */
async function latestId(): Promise<string> {
  const result = await server.gql<{ notifications: { edges: { node: { id: string } }[] } }>(
    `{ notifications(first: 1) { edges { node { id } } } }`,
    {},
    token,
  );
  return result.data!.notifications.edges[0]?.node.id ?? '00000000-0000-7000-8000-000000000000';
}

/** Waits until a live stream is subscribed: a marker written after it arrives. */
async function live(stream: ReturnType<typeof openNotificationStream>, marker: string) {
  let last = '';
  for (let i = 0; i < 50 && stream.received.length === 0; i++) {
    last = `${marker} ${i}`;
    await write([last]).done;
    await stream.until(1, 100);
  }
  expect(stream.received.length).toBeGreaterThan(0);
  // Markers arrive in order: once the last one written is in (a slow machine may take longer
  // than the 100 ms above), no other can follow.
  for (let i = 0; i < 250 && stream.received.at(-1)?.title !== last; i++)
    await new Promise((resolve) => setTimeout(resolve, 20));
  stream.received.length = 0;
}

beforeAll(async () => {
  server = await startTestServer({ demo: true });
  token = await server.login('other');
  const me = await server.gql<{ me: { id: string; organization: { id: string } } }>(
    `{ me { id organization { id } } }`,
    {},
    token,
  );
  userId = me.data!.me.id;
  organizationId = me.data!.me.organization.id;
});
afterAll(async () => {
  await server?.close();
});

describe('notification replay', () => {
  it('delivers an earlier-started transaction that commits later exactly once, across a reconnect', async () => {
    const first = openNotificationStream(server, token, await latestId());
    await live(first, 'готов');
    const cursor = await latestId();
    let release!: () => void;
    const hold = new Promise<void>((resolve) => (release = resolve));
    // T1 writes first (the smaller id) and holds its transaction open; T2 writes after it.
    const t1 = write(['T1'], { hold });
    await t1.wrote;
    const t2 = write(['T2']);
    // T2 may not become visible before T1 commits: nothing arrives meanwhile.
    await first.until(1, 600);
    const seenBeforeT1 = first.received.map((item) => item.title);
    await first.close();
    release();
    await t1.done;
    await t2.done;
    const resumeFrom = first.received.at(-1)?.id ?? cursor;
    const second = openNotificationStream(server, token, resumeFrom);
    await second.until(2 - first.received.length, 5000);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const all = [...first.received, ...second.received].map((item) => item.title);
    expect(seenBeforeT1).toEqual([]);
    expect(all).toEqual(['T1', 'T2']);
    expect(second.errors).toEqual([]);
    await second.close();
  });

  it('replays a backlog of 2,000 in full, in order, without duplicates, then streams live ones', async () => {
    const cursor = await latestId();
    const titles = Array.from(
      { length: 2000 },
      (_, i) => `Накопилось ${String(i).padStart(4, '0')}`,
    );
    await write(titles, { publish: false }).done;
    const stream = openNotificationStream(server, token, cursor);
    await stream.until(2000, 30_000);
    await write(['После накопившихся']).done;
    const received = await stream.until(2001, 5000);
    expect(received.map((item) => item.title)).toEqual([...titles, 'После накопившихся']);
    expect(new Set(received.map((item) => item.id)).size).toBe(2001);
    await stream.close();
  }, 60_000);

  it('delivers a notification whose event was never published (kill -9 after commit): live, and on reconnect', async () => {
    const stream = openNotificationStream(server, token, await latestId());
    await live(stream, 'на связи');
    await write(['Без события 1'], { publish: false }).done;
    await write(['С событием 2']).done;
    await stream.until(2, 5000);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(stream.received.map((item) => item.title)).toEqual(['Без события 1', 'С событием 2']);
    await stream.close();
    await write(['Без события 3'], { publish: false }).done;
    const again = openNotificationStream(server, token, stream.received.at(-1)!.id);
    await again.until(1, 5000);
    await write(['С событием 4']).done;
    await again.until(2, 5000);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(again.received.map((item) => item.title)).toEqual(['Без события 3', 'С событием 4']);
    await again.close();
  });

  it('delivers the very next notification as its event carried it, without a read, as the list shows it', async () => {
    const fields = 'type body link createdAt readAt';
    // What a write costs with nobody subscribed: a live subscriber adds no statement to it.
    const alone = await server.queries.measure(() => write(['Без подписчика']).done);
    const stream = openNotificationStream(server, token, await latestId(), fields);
    await live(stream, 'слушаю');
    const before = server.queries.count;
    await write(['Из события'], { body: 'Текст' }).done;
    const [delivered] = await stream.until(1, 5000);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(server.queries.count - before).toBe(alone.statements);
    const listed = await server.gql<{ notifications: { edges: { node: unknown }[] } }>(
      `{ notifications(first: 1) { edges { node { id title ${fields} } } } }`,
      {},
      token,
    );
    expect(delivered).toEqual(listed.data!.notifications.edges[0]!.node);
    expect(stream.received).toHaveLength(1);
    await stream.close();
  });

  it('reads a notification whose body is too long for its event, in order with the ones around it', async () => {
    const stream = openNotificationStream(server, token, await latestId(), 'body');
    await live(stream, 'жду длинное');
    const long = 'Длинный текст. '.repeat(400);
    await write(['Короткое 1']).done;
    await write(['Длинное'], { body: long }).done;
    await write(['Короткое 2']).done;
    expect(await stream.titles(3)).toEqual(['Короткое 1', 'Длинное', 'Короткое 2']);
    expect(stream.received[1]!.body).toBe(long);
    await stream.close();
  });

  it('resumes after the last id received even when ids are not in commit order (instances whose clocks differ)', async () => {
    await write(['Часы впереди'], { publish: false }).done;
    await write(['Часы позади'], { publish: false }).done;
    // The second was written by an instance whose clock is 5 s behind: its UUIDv7 is the smaller.
    const sql = server.orm.em.fork().getConnection();
    const [ahead] = await sql.execute<{ id: string }[]>(
      `select id from notification where title = 'Часы впереди'`,
    );
    await sql.execute(`update notification set id = ? where title = 'Часы позади'`, [
      uuidv7({ msecs: Date.now() - 5000 }),
    ]);
    // The client had the first when it lost the connection, and resumes from its id.
    const stream = openNotificationStream(server, token, ahead!.id);
    await stream.until(1, 5000);
    await write(['После часов']).done;
    await stream.until(2, 5000);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(stream.received.map((item) => item.title)).toEqual(['Часы позади', 'После часов']);
    await stream.close();
  });

  it('delivers every notification of a burst while earlier ones are still being read', async () => {
    const stream = openNotificationStream(server, token, await latestId());
    await live(stream, 'перед потоком');
    const titles: string[] = [];
    for (let batch = 0; batch < 5; batch++) {
      const these = Array.from({ length: 100 }, (_, i) => `Поток ${batch}-${i}`);
      titles.push(...these);
      await write(these).done;
    }
    await stream.until(500, 15_000);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(stream.received.map((item) => item.title)).toEqual(titles);
    await stream.close();
  });

  it('numbers each recipient’s notifications 1, 2, 3 … in commit order, without gaps', async () => {
    const rows = await server.orm.em
      .fork()
      .getConnection()
      .execute<{ gaps: string }[]>(
        `select count(*) as gaps from (
           select seq, row_number() over (partition by recipient_user_id order by seq) as n
           from notification) numbered where seq <> n`,
      );
    expect(Number(rows[0]!.gaps)).toBe(0);
  });
});
