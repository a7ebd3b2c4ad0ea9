import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectEvents, startTestServer, type TestServer } from '../../../test/harness.js';
import { Notification } from './notification.entity.js';

/** Notifications: written with the change, delivered to their recipient only, never lost. */

let server: TestServer;
const tokens: Record<string, string> = {};

type Added = {
  notificationAdded: { id: string; title: string; type: string; link: string | null };
};
const subscription = (after: string | null) =>
  `subscription { notificationAdded${after ? `(after: "${after}")` : ''} { id title type link } }`;

beforeAll(async () => {
  server = await startTestServer({ demo: true });
  for (const who of ['hr', 'accountant', 'employee', 'other'])
    tokens[who] = await server.login(who);
});
afterAll(async () => {
  await server?.close();
});

const announce = (title: string) =>
  server.gql<{ announce: number }>(
    `mutation($t: String!) { announce(title: $t) }`,
    { t: title },
    tokens['hr'],
  );

/** The id of the newest notification a user has: the cursor a client would resume from. */
const latestId = async (who: string) =>
  (
    await server.gql<{ notifications: { edges: { node: { id: string } }[] } }>(
      `{ notifications(first: 1) { edges { node { id } } } }`,
      {},
      tokens[who],
    )
  ).data!.notifications.edges[0]?.node.id ?? '00000000-0000-7000-8000-000000000000';

/** Subscribes and waits until the server has the subscription live (a first announcement arrives). */
async function liveSubscription(client: Client, marker: string) {
  const first = collectEvents<Added>(client, subscription(null), 1, 5000);
  for (let i = 0; i < 50; i++) {
    await announce(`${marker} ${i}`);
    const done = await Promise.race([
      first.then(() => true),
      new Promise((r) => setTimeout(() => r(false), 100)),
    ]);
    if (done) break;
  }
  return (await first)[0]!.notificationAdded;
}

describe('notificationAdded', () => {
  it('delivers a payslip notice to its employee only', async () => {
    const me = await server.gql<{ me: { employee: { id: string } } }>(
      `{ me { employee { id } } }`,
      {},
      tokens['employee'],
    );
    // A month with a payslip for `employee` alone.
    const saved = await server.gql(
      `mutation($input: PayslipInput!) { savePayslip(input: $input) { id } }`,
      {
        input: {
          employeeId: me.data!.me.employee.id,
          year: 2019,
          month: 6,
          openingBalance: '0.00',
          closingBalance: '1000.00',
          lines: [{ kind: 'ACCRUAL', payCode: '001', name: 'Оклад', amount: '1000.00' }],
        },
      },
      tokens['accountant'],
    );
    expect(saved.errors).toBeUndefined();
    // Subscribed from each user's latest notification: what is committed before the subscription
    // runs is replayed, so the test needs no sleep to be sure nothing slips through.
    const mine = collectEvents<Added>(
      server.wsClient(tokens['employee']),
      subscription(await latestId('employee')),
      1,
      5000,
    );
    const theirs = collectEvents<Added>(
      server.wsClient(tokens['other']),
      subscription(await latestId('other')),
      1,
      1500,
    ).catch(() => []);
    await server.gql(
      `mutation { publishPayrollPeriod(year: 2019, month: 6, part: FINAL) { id } }`,
      {},
      tokens['accountant'],
    );
    const [received] = await mine;
    expect(received!.notificationAdded).toMatchObject({
      type: 'PAYSLIP_PUBLISHED',
      title: 'Расчётный листок за июнь 2019 г. готов',
    });
    expect(received!.notificationAdded.link).toMatch(/^\/payslips\//);
    expect(await theirs).toEqual([]);
  });

  it('replays exactly the missed notifications after a reconnect, in order, then streams live ones', async () => {
    const first = server.wsClient(tokens['other'], { lazy: false });
    const last = await liveSubscription(first, 'before the drop');
    await first.dispose();
    // Three notifications while the client is away.
    for (const title of ['Пропущено 1', 'Пропущено 2', 'Пропущено 3']) await announce(title);
    const again = server.wsClient(tokens['other'], { lazy: false });
    const events = collectEvents<Added>(again, subscription(last.id), 4, 8000);
    // The replayed three arrive first; a live one follows once the subscription runs.
    await new Promise((r) => setTimeout(r, 300));
    await announce('Новое после переподключения');
    const titles = (await events).map((event) => event.notificationAdded.title);
    expect(titles.slice(0, 3)).toEqual(['Пропущено 1', 'Пропущено 2', 'Пропущено 3']);
    expect(titles[3]).toBe('Новое после переподключения');
    expect(new Set((await events).map((event) => event.notificationAdded.id)).size).toBe(4);
  });
});

describe('notifications', () => {
  it('lists, counts and marks read only the viewer’s own', async () => {
    await announce('Для счётчика');
    const count = async () =>
      (
        await server.gql<{ unreadNotificationCount: number }>(
          `{ unreadNotificationCount }`,
          {},
          tokens['employee'],
        )
      ).data!.unreadNotificationCount;
    const before = await count();
    expect(before).toBeGreaterThan(0);
    const list = await server.gql<{ notifications: { edges: { node: { id: string } }[] } }>(
      `{ notifications(first: 2, unreadOnly: true) { edges { node { id } } } }`,
      {},
      tokens['employee'],
    );
    const ids = list.data!.notifications.edges.map((edge) => edge.node.id);
    const marked = await server.gql<{ markNotificationsRead: number }>(
      `mutation($ids: [ID!]) { markNotificationsRead(ids: $ids) }`,
      { ids },
      tokens['employee'],
    );
    expect(marked.data!.markNotificationsRead).toBe(ids.length);
    expect(await count()).toBe(before - ids.length);
    // Another user's notification cannot be marked by id: nothing changes.
    const employeeUser = (
      await server.gql<{ me: { id: string } }>(`{ me { id } }`, {}, tokens['employee'])
    ).data!.me.id;
    const foreign = await server.orm.em
      .fork()
      .findOneOrFail(
        Notification,
        { recipientUserId: employeeUser, readAt: null },
        { orderBy: { id: 'desc' } },
      );
    const attempt = await server.gql<{ markNotificationsRead: number }>(
      `mutation($ids: [ID!]) { markNotificationsRead(ids: $ids) }`,
      { ids: [foreign.id] },
      tokens['other'],
    );
    expect(attempt.data!.markNotificationsRead).toBe(0);
    expect(
      (await server.orm.em.fork().findOneOrFail(Notification, { id: foreign.id })).readAt,
    ).toBeNull();
  });
});
