import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createLogger } from '../src/core/logger.js';
import { inSystemUnit } from '../src/core/unit-of-work.js';
import { SlowConsumerWatch, WebSocketLedger, type SendingSocket } from '../src/app/ws-limits.js';
import { loadConfig } from '../src/config/env.js';
import { writeNotifications } from '../src/modules/notification/notification.service.js';
import { startTestServer, type TestServer } from './harness.js';

interface Frame {
  type: string;
  id?: string;
  payload?: unknown;
}

/** A raw graphql-transport-ws socket: every frame it gets, and how it closed. */
function openSocket(server: TestServer, token: string | null, forwardedFor?: string) {
  const ws = new WebSocket(`${server.url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws', {
    headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
  });
  const frames: Frame[] = [];
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  const ready = new Promise<'ack' | 'closed'>((resolve) => {
    ws.on('open', () => {
      if (token) ws.send(JSON.stringify({ type: 'connection_init', payload: { token } }));
      else resolve('ack');
    });
    ws.on('message', (data: Buffer) => {
      const frame = JSON.parse(data.toString()) as Frame;
      frames.push(frame);
      if (frame.type === 'connection_ack') resolve('ack');
    });
    void closed.then(() => resolve('closed'));
  });
  const subscribe = (id: string, query: string, variables: Record<string, unknown> = {}) =>
    ws.send(JSON.stringify({ id, type: 'subscribe', payload: { query, variables } }));
  const framesOf = (id: string) => frames.filter((frame) => frame.id === id);
  return { ws, frames, closed, ready, subscribe, framesOf };
}

const until = async (check: () => boolean, timeoutMs = 5000) => {
  const deadline = Date.now() + timeoutMs;
  while (!check() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  return check();
};

const NOTIFICATIONS = `subscription($after: ID) { notificationAdded(after: $after) { id title } }`;

describe('WebSocket limits at their defaults', () => {
  let server: TestServer;
  let other: string;

  beforeAll(async () => {
    server = await startTestServer({ demo: true });
    other = await server.login('other');
  });
  afterAll(async () => {
    await server?.close();
  });

  it('are 25 operations a socket, 10 sockets an account, 500 an address', () => {
    expect(loadConfig({}).webSocket).toMatchObject({
      subscriptionsPerSocket: 25,
      socketsPerUser: 10,
      socketsPerAddress: 500,
    });
  });

  it('refuses the 26th subscription on one socket with SUBSCRIPTION_LIMIT_EXCEEDED; the 25 still deliver', async () => {
    const socket = openSocket(server, other);
    expect(await socket.ready).toBe('ack');
    const latest = await server.gql<{ notifications: { edges: { node: { id: string } }[] } }>(
      `{ notifications(first: 1) { edges { node { id } } } }`,
      {},
      other,
    );
    const after = latest.data!.notifications.edges[0]?.node.id ?? null;
    for (let i = 1; i <= 26; i++) socket.subscribe(String(i), NOTIFICATIONS, { after });
    expect(await until(() => socket.framesOf('26').length > 0)).toBe(true);
    const [refusal] = socket.framesOf('26');
    expect(refusal).toMatchObject({
      type: 'error',
      payload: [{ extensions: { code: 'SUBSCRIPTION_LIMIT_EXCEEDED', limit: 25 } }],
    });
    const hr = await server.login('hr');
    await server.gql(`mutation { announce(title: "Всем двадцати пяти") }`, {}, hr);
    const delivered = () =>
      Array.from({ length: 25 }, (_, i) => String(i + 1)).filter((id) =>
        socket.framesOf(id).some((frame) => frame.type === 'next'),
      ).length;
    expect(await until(() => delivered() === 25)).toBe(true);
    expect(socket.ws.readyState).toBe(WebSocket.OPEN);
    // A place frees when a subscription completes: the next one is accepted.
    socket.ws.send(JSON.stringify({ id: '1', type: 'complete' }));
    await new Promise((r) => setTimeout(r, 200));
    // From the very start: the new subscription replays what the user has, the announcement too.
    socket.subscribe('27', NOTIFICATIONS, { after: '00000000-0000-7000-8000-000000000000' });
    expect(await until(() => socket.framesOf('27').length > 0)).toBe(true);
    expect(socket.framesOf('27')[0]!.type).toBe('next');
    socket.ws.close();
  });
});

describe('WebSocket limits as configured', () => {
  let server: TestServer;
  const logger = createLogger('silent');

  beforeAll(async () => {
    server = await startTestServer({
      demo: true,
      env: {
        WS_MAX_SOCKETS_PER_USER: '3',
        WS_MAX_SOCKETS_PER_ADDRESS: '8',
        WS_SLOW_CONSUMER_SECONDS: '1',
      },
    });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('closes the socket past the per-account limit with 4030 TOO_MANY_CONNECTIONS, the guest account too', async () => {
    const guest = await server.login('guest');
    const sockets = [1, 2, 3].map(() => openSocket(server, guest));
    expect(await Promise.all(sockets.map((socket) => socket.ready))).toEqual(['ack', 'ack', 'ack']);
    const fourth = openSocket(server, guest);
    expect(await fourth.ready).toBe('closed');
    expect(await fourth.closed).toEqual({ code: 4030, reason: 'TOO_MANY_CONNECTIONS' });
    // Another account is not affected; a closed socket frees its place.
    const employee = openSocket(server, await server.login('employee'));
    expect(await employee.ready).toBe('ack');
    sockets[0]!.ws.close();
    await sockets[0]!.closed;
    await new Promise((r) => setTimeout(r, 100));
    const again = openSocket(server, guest);
    expect(await again.ready).toBe('ack');
    for (const socket of [...sockets, employee, again]) socket.ws.close();
    await Promise.all([...sockets, employee, again].map((socket) => socket.closed));
  });

  it('closes the socket past the per-address limit, signed in or not', async () => {
    await new Promise((r) => setTimeout(r, 100));
    const open = Array.from({ length: 8 }, () => openSocket(server, null));
    expect(await Promise.all(open.map((socket) => socket.ready))).toEqual(Array(8).fill('ack'));
    const ninth = openSocket(server, null);
    expect(await ninth.closed).toEqual({ code: 4030, reason: 'TOO_MANY_CONNECTIONS' });
    for (const socket of open) socket.ws.close();
    await Promise.all(open.map((socket) => socket.closed));
  });

  it("counts the client's address behind a trusted proxy, not the proxy's", async () => {
    await new Promise((r) => setTimeout(r, 100));
    // The test server trusts the loopback proxy (TRUST_PROXY=loopback), as Express does for req.ip.
    const open = Array.from({ length: 8 }, () => openSocket(server, null, '203.0.113.5'));
    expect(await Promise.all(open.map((socket) => socket.ready))).toEqual(Array(8).fill('ack'));
    const ninth = openSocket(server, null, '203.0.113.5');
    expect(await ninth.closed).toEqual({ code: 4030, reason: 'TOO_MANY_CONNECTIONS' });
    // Signed in, so `ready` waits for the server's acknowledgement (or the refusal).
    const elsewhere = openSocket(server, await server.login('other'), '203.0.113.6');
    expect(await elsewhere.ready).toBe('ack');
    for (const socket of [...open, elsewhere]) socket.ws.close();
    await Promise.all([...open, elsewhere].map((socket) => socket.closed));
  });

  it('drops a slow consumer (4031 SLOW_CONSUMER) instead of buffering for it', async () => {
    await new Promise((r) => setTimeout(r, 100));
    const token = await server.login('other');
    const me = await server.gql<{ me: { id: string; organization: { id: string } } }>(
      `{ me { id organization { id } } }`,
      {},
      token,
    );
    const socket = openSocket(server, token);
    expect(await socket.ready).toBe('ack');
    socket.subscribe('slow', `subscription { notificationAdded { id title body } }`);
    await new Promise((r) => setTimeout(r, 200));
    // The client stops reading; 20 MB of notifications are written for it.
    (socket.ws as unknown as { _socket: { pause(): void; resume(): void } })._socket.pause();
    const body = 'Ж'.repeat(2000);
    for (let batch = 0; batch < 5; batch++) {
      await inSystemUnit(server.orm.em.fork(), server.pubSub, logger, (unit) =>
        writeNotifications(
          unit,
          Array.from({ length: 1000 }, (_, i) => ({
            recipientUserId: me.data!.me.id,
            organizationId: me.data!.me.organization.id,
            type: 'ANNOUNCEMENT' as const,
            title: `Поток ${batch}-${i}`,
            body,
          })),
        ),
      );
    }
    await new Promise((r) => setTimeout(r, 3000));
    (socket.ws as unknown as { _socket: { pause(): void; resume(): void } })._socket.resume();
    const { code } = await socket.closed;
    expect([4031, 1006]).toContain(code);
    const delivered = socket.framesOf('slow').filter((frame) => frame.type === 'next').length;
    expect(delivered).toBeLessThan(5000);
  }, 60_000);
});

describe('the WebSocket ledger', () => {
  const limits = {
    subscriptionsPerSocket: 2,
    socketsPerUser: 1,
    socketsPerAddress: 2,
    slowConsumerMs: 1000,
    maxBufferedBytes: 100_000,
  };

  it('takes up to each limit, refuses past it, and gives back exactly what was taken', () => {
    const ledger = new WebSocketLedger<object>(limits);
    const socket = {};
    expect([ledger.takeOperation(socket, 'a'), ledger.takeOperation(socket, 'b')]).toEqual([
      true,
      true,
    ]);
    expect(ledger.takeOperation(socket, 'c')).toBe(false);
    ledger.releaseOperation(socket, 'a');
    expect(ledger.takeOperation(socket, 'c')).toBe(true);
    expect([ledger.takeUser('u'), ledger.takeUser('u')]).toEqual([true, false]);
    ledger.releaseUser('u');
    expect(ledger.socketsOf('user', 'u')).toBe(0);
    expect([ledger.takeAddress('ip'), ledger.takeAddress('ip'), ledger.takeAddress('ip')]).toEqual([
      true,
      true,
      false,
    ]);
  });

  it('calls a consumer slow when a send waits too long or too many bytes wait', () => {
    const watch = new SlowConsumerWatch<SendingSocket>(limits);
    const pending: (() => void)[] = [];
    const socket = {
      bufferedAmount: 0,
      send: (_data: unknown, done: () => void) => void pending.push(done),
    } as unknown as SendingSocket;
    watch.track(socket);
    const now = Date.now();
    expect(watch.isSlow(socket, now + 5000)).toBe(false);
    socket.send('one', () => undefined);
    expect(watch.isSlow(socket, now + 500)).toBe(false);
    expect(watch.isSlow(socket, now + 1500)).toBe(true);
    pending.shift()!();
    expect(watch.isSlow(socket, now + 1500)).toBe(false);
    const flooded = { ...socket, bufferedAmount: 100_001 } as SendingSocket;
    expect(watch.isSlow(flooded, now)).toBe(true);
  });
});
