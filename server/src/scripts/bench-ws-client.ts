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
const clients: Client[] = [];
let received: number[] = [];
let errors = 0;

process.on('message', (message: Start | { kind: 'stop' }) => {
  if (message.kind === 'start') void open(message);
  else {
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

async function open({ subscribers, concurrency }: Start): Promise<void> {
  let next = 0;
  let subscribed = 0;
  const one = () =>
    new Promise<void>((resolve) => {
      const { token, url } = subscribers[next++]!;
      const client = createClient({
        url,
        webSocketImpl: WebSocket,
        connectionParams: { token },
        lazy: false,
        retryAttempts: 0,
        onNonLazyError: () => undefined,
      });
      clients.push(client);
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
            const title = value.data?.notificationAdded.title ?? '';
            received.push(
              Number(title.slice(title.indexOf(' ') + 1, title.indexOf(':'))),
              Date.now(),
            );
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
  send({ kind: 'ready', subscribed });
}
