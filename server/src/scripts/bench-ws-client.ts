import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

// One load-generating process of `npm run bench:ws` (started by it, with IPC; not for use on its
// own): opens a graphql-ws socket per token, each subscribed to `notificationAdded`, and reports
// when each notification arrived. Sockets open a few hundred at a time, so the server is not
// asked to authenticate thousands at once.

interface Start {
  kind: 'start';
  subscribers: { token: string; url: string }[];
  concurrency: number;
}

const send = (message: unknown) => process.send!(message);
// This process's event-loop delay: a late receipt may be the client's, not the server's.
const loop = monitorEventLoopDelay({ resolution: 5 });
const clients: Client[] = [];
let received: number[] = [];
let errors = 0;

/** One account at the limits: its sockets × subscriptions, and one socket and one subscription more. */
interface Limits {
  kind: 'limits';
  url: string;
  token: string;
  sockets: number;
  subscriptions: number;
}

process.on('message', (message: Start | Limits | { kind: 'limits-state' } | { kind: 'stop' }) => {
  if (message.kind === 'start') void open(message);
  else if (message.kind === 'limits') atTheLimits(message);
  else if (message.kind === 'limits-state') sendLimitsState();
  else {
    send({
      kind: 'loop',
      p99: Math.round(loop.percentile(99) / 1e6),
      max: Math.round(loop.max / 1e6),
    });
    for (const client of clients) void client.dispose();
    setTimeout(() => process.exit(0), 500);
  }
});

// Arrivals go to the benchmark in bulk: [batch, received at] pairs, flattened.
setInterval(() => {
  if (received.length === 0 && errors === 0) return;
  send({ kind: 'received', pairs: received, errors });
  received = [];
  errors = 0;
}, 200);

/** The number in a benchmark title, `bench <n>:<k>`. */
const numberOf = (title: string) => Number(title.slice(title.indexOf(' ') + 1, title.indexOf(':')));

/** One socket signed in with `token`, connecting at once and never retrying; kept in `clients`. */
function connect(url: string, token: string): Client {
  const client = createClient({
    url,
    webSocketImpl: WebSocket,
    connectionParams: { token },
    lazy: false,
    retryAttempts: 0,
    onNonLazyError: () => undefined,
  });
  clients.push(client);
  return client;
}

async function open({ subscribers, concurrency }: Start): Promise<void> {
  let next = 0;
  let subscribed = 0;
  const one = () =>
    new Promise<void>((resolve) => {
      const { token, url } = subscribers[next++]!;
      const client = connect(url, token);
      let done = false;
      const settle = () => {
        if (done) return;
        done = true;
        resolve();
      };
      client.on('connected', () => {
        // The subscription is on once the server answered the connection and read the cursor;
        // graphql-ws sends no acknowledgement, so a short pause stands for it.
        setTimeout(() => {
          subscribed += 1;
          settle();
        }, 20);
      });
      client.on('closed', () => {
        errors += done ? 0 : 1;
        settle();
      });
      client.subscribe<{ notificationAdded: { title: string } }>(
        { query: 'subscription { notificationAdded { id title } }' },
        {
          next: (value) => {
            received.push(numberOf(value.data?.notificationAdded.title ?? ''), Date.now());
          },
          error: () => (errors += 1),
          complete: () => undefined,
        },
      );
    });
  const lane = async () => {
    while (next < subscribers.length) await one();
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  loop.enable();
  send({ kind: 'ready', subscribed });
}

// At the limits: which streams received anything, and each notice's arrivals (count, the last).
const limits = {
  refusedSockets: 0,
  refusedSubscriptions: 0,
  live: new Set<number>(),
  notices: new Map<number, { count: number; lastAt: number }>(),
};

const sendLimitsState = () =>
  send({
    kind: 'limits-state',
    refusedSockets: limits.refusedSockets,
    refusedSubscriptions: limits.refusedSubscriptions,
    live: limits.live.size,
    notices: [...limits.notices],
  });

/**
 * Opens `sockets` sockets for one account, `subscriptions + 1` subscriptions on each, then one
 * socket more: the last subscription of each socket and the last socket should be refused.
 * Reports once every socket has had its answers (or after 30 s).
 */
function atTheLimits({ url, token, sockets, subscriptions }: Limits): void {
  const open = () => connect(url, token);
  let connected = 0;
  let extraClosed = false;
  const settled = () =>
    connected === sockets && extraClosed && limits.refusedSubscriptions >= sockets;
  const deadline = Date.now() + 30_000;
  const report = setInterval(() => {
    if (!settled() && Date.now() < deadline) return;
    clearInterval(report);
    send({ kind: 'limits-open', connected });
    sendLimitsState();
  }, 100);
  for (let s = 0; s < sockets; s++) {
    const client = open();
    client.on('connected', () => {
      for (let i = 0; i <= subscriptions; i++) {
        const stream = s * (subscriptions + 1) + i;
        client.subscribe<{ notificationAdded: { title: string } }>(
          { query: 'subscription { notificationAdded { id title } }' },
          {
            next: (value) => {
              limits.live.add(stream);
              const notice = numberOf(value.data?.notificationAdded.title ?? '');
              const seen = limits.notices.get(notice) ?? { count: 0, lastAt: 0 };
              limits.notices.set(notice, { count: seen.count + 1, lastAt: Date.now() });
            },
            error: () => (limits.refusedSubscriptions += 1),
            complete: () => undefined,
          },
        );
      }
      // The socket past the limit opens once all the others are in, so it is the one refused.
      if (++connected < sockets) return;
      open().on('closed', (event) => {
        if ((event as { code?: number }).code === 4030) limits.refusedSockets += 1;
        extraClosed = true;
      });
    });
  }
}
