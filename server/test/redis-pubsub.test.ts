import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  collectEvents,
  createTestDatabase,
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

  beforeAll(async () => {
    database = await createTestDatabase();
    const env = { REDIS_URL: redisUrl };
    first = await startTestServer({ databaseUrl: database.url, env, demo: true });
    second = await startTestServer({ databaseUrl: database.url, env, demo: true });
    admin = await first.login('admin');
  });
  afterAll(async () => {
    await first?.close();
    await second?.close();
    await database?.drop();
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
});
