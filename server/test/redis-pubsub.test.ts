import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  collectEvents,
  createTestDatabase,
  exclusively,
  publishUntil,
  startTestServer,
  type TestServer,
} from './harness.js';

const redisUrl = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

describe('subscriptions across server instances over Redis', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let first: TestServer;
  let second: TestServer;
  let admin: string;
  let release: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    release = await exclusively('redis');
    database = await createTestDatabase({ demo: true });
    const env = { REDIS_URL: redisUrl };
    first = await startTestServer({ databaseUrl: database.url, env, demo: true });
    second = await startTestServer({ databaseUrl: database.url, env, demo: true });
    admin = await first.login('admin');
  });
  afterAll(async () => {
    await first?.close();
    await second?.close();
    await database?.drop();
    await release?.();
  });

  it('delivers an event published on one instance to a subscriber on the other', async () => {
    expect(first.pubSubTransport).toBe('redis');
    expect(first.instanceId).not.toBe(second.instanceId);
    const events = collectEvents<{ ping: { message: string; instanceId: string } }>(
      first.wsClient(admin),
      `subscription { ping { message instanceId } }`,
      1,
    );
    const [event] = await publishUntil(events, () =>
      second.gql(`mutation { publishPing(message: "через Redis") }`, undefined, admin),
    );
    expect(event!.ping).toEqual({ message: 'через Redis', instanceId: second.instanceId });
  });

  it('delivers a notification committed on one instance to its recipient subscribed on the other', async () => {
    const employee = await first.login('employee');
    const hr = await second.login('hr');
    const latest = await first.gql<{ notifications: { edges: { node: { id: string } }[] } }>(
      `{ notifications(first: 1) { edges { node { id } } } }`,
      undefined,
      employee,
    );
    const after =
      latest.data!.notifications.edges[0]?.node.id ?? '00000000-0000-7000-8000-000000000000';
    const events = collectEvents<{ notificationAdded: { title: string } }>(
      first.wsClient(employee),
      `subscription { notificationAdded(after: "${after}") { title } }`,
      2,
      8000,
    );
    // The first may come by replay; half a second on the subscription is live, so the second
    // normally travels live, over Redis (replay would still deliver it, in order, if not).
    await second.gql(`mutation { announce(title: "Разогрев") }`, undefined, hr);
    await new Promise((resolve) => setTimeout(resolve, 500));
    await second.gql(`mutation { announce(title: "Через Redis") }`, undefined, hr);
    const titles = (await events).map((event) => event.notificationAdded.title);
    expect(titles).toEqual(['Разогрев', 'Через Redis']);
  });

  it('delivers notifications exactly once across instances and a reconnect from one to the other', async () => {
    const employee = await first.login('employee');
    const hr = await second.login('hr');
    const announce = (server: TestServer, title: string) =>
      server.gql(`mutation($t: String!) { announce(title: $t) }`, { t: title }, hr);
    const latest = async (server: TestServer) =>
      (
        await server.gql<{ notifications: { edges: { node: { id: string } }[] } }>(
          `{ notifications(first: 1) { edges { node { id } } } }`,
          undefined,
          employee,
        )
      ).data!.notifications.edges[0]!.node.id;
    type Added = { notificationAdded: { id: string; title: string } };
    const subscription = (after: string) =>
      `subscription { notificationAdded(after: "${after}") { id title } }`;
    // On the first instance, while the second writes.
    const onFirst = collectEvents<Added>(
      first.wsClient(employee),
      subscription(await latest(first)),
      3,
      8000,
    );
    for (const title of ['Раз', 'Два', 'Три']) await announce(second, title);
    const before = (await onFirst).map((event) => event.notificationAdded);
    // Away: two more written on the second; back on the second with the last id received.
    for (const title of ['Четыре', 'Пять']) await announce(second, title);
    const onSecond = collectEvents<Added>(
      second.wsClient(employee),
      subscription(before.at(-1)!.id),
      3,
      8000,
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    await announce(first, 'Шесть');
    const after = (await onSecond).map((event) => event.notificationAdded);
    const all = [...before, ...after];
    expect(all.map((item) => item.title)).toEqual(['Раз', 'Два', 'Три', 'Четыре', 'Пять', 'Шесть']);
    expect(new Set(all.map((item) => item.id)).size).toBe(6);
  });

  it("delivers a task's new message, posted on one instance, live to a subscriber on the other", async () => {
    const employee = await first.login('employee');
    const hr = await second.login('hr');
    const task = await first.gql<{ requestCertificate: { id: string } }>(
      `mutation { requestCertificate(input: { kind: EMPLOYMENT }) { id } }`,
      undefined,
      employee,
    );
    const taskId = task.data!.requestCertificate.id;
    // No `after`: nothing is replayed, so what arrives travelled live from the other instance.
    const events = collectEvents<{ messageAdded: { text: string; author: { name: string } } }>(
      first.wsClient(employee),
      `subscription { messageAdded(taskId: "${taskId}") { text author { name } } }`,
      1,
      8000,
    );
    const [event] = await publishUntil(events, () =>
      second.gql(
        `mutation($id: ID!) { postTaskMessage(taskId: $id, text: "Справка будет готова завтра") { id } }`,
        { id: taskId },
        hr,
      ),
    );
    expect(event!.messageAdded.text).toBe('Справка будет готова завтра');
  });

  it('closes the sockets of a session on every instance when it logs out on one', async () => {
    const token = await second.login('hr');
    // Not lazy: the socket stays open with nothing subscribed, until the server closes it.
    const client = first.wsClient(token, { lazy: false });
    const closed = new Promise<number>((resolve) => {
      client.on('closed', (event) => resolve((event as { code: number }).code));
    });
    // A query over the socket proves it is open and authenticated before the logout.
    const answer = await new Promise<unknown>((resolve, reject) => {
      client.subscribe(
        { query: '{ me { login } }' },
        { next: resolve, error: reject, complete: () => undefined },
      );
    });
    expect(answer).toEqual({ data: { me: { login: 'hr' } } });
    await second.gql(`mutation { logout }`, undefined, token);
    expect(await closed).toBe(4403);
  });
});
