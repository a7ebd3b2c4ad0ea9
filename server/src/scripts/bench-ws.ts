import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { createLogger } from '../core/logger.js';
import { startServer, type RunningServer } from '../app/server.js';
import { inSystemUnit } from '../core/unit-of-work.js';
import { loadConfig, type WebSocketLimits } from '../config/env.js';
import { SessionService, User } from '../modules/identity/index.js';
import { writeNotifications } from '../modules/notification/index.js';
import { reportFatal } from './cli.js';

// Usage: npm run bench:ws -- [--subscribers 2000] [--notifications 500]
// Opens N graphql-ws subscribers to `notificationAdded` (one per account, in a worker thread so the
// server's heap is measured alone), sends targeted notifications one by one, and prints the delivery
// latency (commit to receipt) and the server's memory per connection. Seed accounts first: on a real
// database `npm run seed -- --employees 5000` gives enough.
const { values } = parseArgs({
  options: {
    subscribers: { type: 'string', default: '2000' },
    notifications: { type: 'string', default: '500' },
  },
});

const clientCode = `
const { parentPort, workerData } = require('node:worker_threads');
const { createClient } = require('graphql-ws');
const WebSocket = require('ws');
const clients = [];
let ready = 0;
for (const [index, token] of workerData.tokens.entries()) {
  const client = createClient({ url: workerData.url, webSocketImpl: WebSocket, connectionParams: { token }, lazy: false, retryAttempts: 0 });
  clients.push(client);
  client.subscribe(
    { query: 'subscription { notificationAdded { id title } }' },
    { next: (value) => parentPort.postMessage({ kind: 'event', index, title: value.data.notificationAdded.title, at: Date.now() }), error: (e) => parentPort.postMessage({ kind: 'error', error: String(e && e.message || e) }), complete: () => {} },
  );
  client.on('connected', () => { ready += 1; if (ready === workerData.tokens.length) parentPort.postMessage({ kind: 'ready' }); });
}
parentPort.on('message', async (message) => { if (message === 'stop') { await Promise.all(clients.map((c) => c.dispose())); process.exit(0); } });
`;

// One account at the limits: sockets × subscriptions, plus one socket and one subscription past them.
const limitsCode = `
const { parentPort, workerData } = require('node:worker_threads');
const { createClient } = require('graphql-ws');
const WebSocket = require('ws');
const { url, token, sockets, subscriptions } = workerData;
const clients = [];
let connected = 0, started = 0, refusedSubscriptions = 0;
const expected = sockets * (subscriptions + 1);
const settle = () => { if (started === expected) parentPort.postMessage({ kind: 'ready', refusedSubscriptions }); };
const open = () => {
  const client = createClient({ url, webSocketImpl: WebSocket, connectionParams: { token }, lazy: false, retryAttempts: 0, onNonLazyError: () => {} });
  clients.push(client);
  return client;
};
// The one socket past the limit opens once the others are in, so it is the one refused.
const openExtra = () => {
  open().on('closed', (e) => { if (e.code === 4030) parentPort.postMessage({ kind: 'refusedSocket' }); });
};
for (let s = 0; s < sockets; s++) {
  const client = open();
  client.on('connected', () => {
    connected += 1;
    for (let i = 0; i <= subscriptions; i++) {
      client.subscribe({ query: 'subscription { notificationAdded { id } }' }, {
        next: () => parentPort.postMessage({ kind: 'event', at: Date.now() }),
        error: () => { refusedSubscriptions += 1; started += 1; settle(); },
        complete: () => {},
      });
    }
    // A subscription runs once the server answers nothing within a moment: count it as started.
    setTimeout(() => { started += subscriptions; settle(); }, 1500);
    if (connected === sockets) openExtra();
  });
}
parentPort.on('message', async (m) => { if (m === 'stop') { await Promise.all(clients.map((c) => c.dispose())); process.exit(0); } });
`;

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;

/**
 * Memory per socket and per subscription with one account at the limits, and the fan-out of one
 * notification to all of its streams (sockets × subscriptions).
 */
async function atTheLimits(
  server: RunningServer,
  user: User,
  token: string,
  limits: WebSocketLimits,
): Promise<void> {
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const worker = new Worker(limitsCode, {
    eval: true,
    workerData: {
      url: `${server.url.replace(/^http/, 'ws')}/graphql`,
      token,
      sockets: limits.socketsPerUser,
      subscriptions: limits.subscriptionsPerSocket,
    },
  });
  let events = 0;
  let lastAt = 0;
  let refusedSockets = 0;
  const refusedSubscriptions = await new Promise<number>((resolve, reject) => {
    worker.on(
      'message',
      (message: { kind: string; at?: number; refusedSubscriptions?: number }) => {
        if (message.kind === 'ready') resolve(message.refusedSubscriptions!);
        if (message.kind === 'refusedSocket') refusedSockets += 1;
        if (message.kind === 'event') {
          events += 1;
          lastAt = message.at!;
        }
      },
    );
    worker.on('error', reject);
    setTimeout(
      () => reject(new Error('the sockets at the limits did not settle in 60 s')),
      60_000,
    ).unref();
  });
  await new Promise((resolve) => setTimeout(resolve, 500));
  global.gc?.();
  const heap = process.memoryUsage().heapUsed - heapBefore;
  const streams = limits.socketsPerUser * limits.subscriptionsPerSocket;
  const sentAt = Date.now();
  await inSystemUnit(server.orm.em.fork(), server.pubSub, createLogger('silent'), (unit) =>
    writeNotifications(unit, [
      {
        recipientUserId: user.id,
        organizationId: user.organization.id,
        type: 'ANNOUNCEMENT',
        title: 'fan-out',
      },
    ]),
  );
  for (let i = 0; i < 100 && events < streams; i++)
    await new Promise((resolve) => setTimeout(resolve, 50));
  const heapPeak = process.memoryUsage().heapUsed - heapBefore;
  const exited = once(worker, 'exit');
  worker.postMessage('stop');
  await exited;
  const lines = [
    `one account at the limits: ${limits.socketsPerUser} sockets × ${limits.subscriptionsPerSocket} subscriptions = ${streams} streams`,
    `  refused past the limits:  ${refusedSockets} socket(s), ${refusedSubscriptions} subscription(s)`,
    `  server heap:              ${(heap / 1024 / limits.socketsPerUser).toFixed(1)} KiB a socket with its subscriptions, ${(heap / 1024 / streams).toFixed(1)} KiB a subscription`,
    `  one notification:         ${events} of ${streams} streams in ${lastAt ? lastAt - sentAt : '—'} ms, heap +${((heapPeak - heap) / 1024 ** 2).toFixed(1)} MiB meanwhile`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

try {
  const base = loadConfig();
  const config = {
    ...base,
    port: 0,
    host: '127.0.0.1',
    logLevel: 'warn' as const,
    seedDemo: base.seedDemo,
  };
  const server = await startServer(config, createLogger(config.logLevel));
  try {
    const em = server.orm.em.fork();
    const users = await em.find(
      User,
      { status: 'ACTIVE', employee: { $ne: null } },
      { limit: Number(values.subscribers), orderBy: { id: 'asc' } },
    );
    // Sessions opened directly: signing 2,000 people in through argon2 would time the hash, not the socket.
    const sessions = new SessionService(em, config.session);
    const tokens = [];
    for (const user of users)
      tokens.push((await sessions.open(user, { ip: '127.0.0.1', userAgent: 'bench-ws' })).token);

    global.gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    const worker = new Worker(clientCode, {
      eval: true,
      workerData: { url: `${server.url.replace(/^http/, 'ws')}/graphql`, tokens },
    });
    const received = new Map<string, number>();
    let errors = 0;
    await new Promise<void>((resolve, reject) => {
      worker.on(
        'message',
        (message: { kind: string; title?: string; at?: number; error?: string }) => {
          if (message.kind === 'ready') resolve();
          if (message.kind === 'error') errors += 1;
          if (message.kind === 'event' && message.title) received.set(message.title, message.at!);
        },
      );
      worker.on('error', reject);
    });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    global.gc?.();
    const heapPerConnection = (process.memoryUsage().heapUsed - heapBefore) / users.length;

    const sentAt = new Map<string, number>();
    const count = Number(values.notifications);
    for (let index = 0; index < count; index++) {
      const user = users[index % users.length]!;
      const title = `bench ${index}`;
      await inSystemUnit(em.fork(), server.pubSub, createLogger('silent'), (unit) =>
        writeNotifications(unit, [
          {
            recipientUserId: user.id,
            organizationId: user.organization.id,
            type: 'ANNOUNCEMENT',
            title,
          },
        ]),
      );
      sentAt.set(title, Date.now());
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    await new Promise((resolve) => setTimeout(resolve, 2000));
    worker.postMessage('stop');

    const latencies = [...sentAt]
      .flatMap(([title, at]) => (received.has(title) ? [received.get(title)! - at] : []))
      .sort((a, b) => a - b);
    const lines = [
      `subscribers:               ${users.length} (${errors} errors)`,
      `database / pub/sub:        ${config.database.kind} / ${server.pubSubTransport}`,
      `notifications sent:        ${count}, delivered ${latencies.length}`,
      latencies.length > 0
        ? `delivery latency:          p50 ${percentile(latencies, 0.5)} ms, p99 ${percentile(latencies, 0.99)} ms, max ${latencies.at(-1)} ms`
        : 'delivery latency:          nothing was delivered',
      `server heap per socket:    ${(heapPerConnection / 1024).toFixed(1)} KiB${global.gc ? '' : ' (run with --expose-gc for a steadier figure)'}`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    await atTheLimits(server, users[0]!, tokens[0]!, config.webSocket);
  } finally {
    await server.stop();
  }
} catch (error) {
  reportFatal(error);
}
