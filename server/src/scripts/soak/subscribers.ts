import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { sleep } from './cluster.js';
import { codeOf, type Stats } from './stats.js';

/** The id before every UUIDv7: "from the start" for a user who has no notification yet. */
export const NO_NOTIFICATION = '00000000-0000-7000-8000-000000000000';

const SUBSCRIPTION = `subscription Soak($after: ID) { notificationAdded(after: $after) { id createdAt } }`;

/** One `notificationAdded` subscription, as a browser tab keeps it: its cursor and what it got. */
export class Subscription {
  /** The id of the last notification received: where a reconnect resumes from. */
  cursor: string;
  /** How many times each notification id arrived. */
  readonly received = new Map<string, number>();
  /** Ids in the order they arrived, to check commit order afterwards. */
  readonly order: string[] = [];
  active = false;

  constructor(
    readonly userId: string,
    readonly startCursor: string,
  ) {
    this.cursor = startCursor;
  }
}

/**
 * One WebSocket of one user carrying several subscriptions. When the socket drops (its server was
 * killed) it connects again, and every subscription resumes with `after` = the last id it
 * received: the contract the web client follows. A sticky socket waits for its own server to come
 * back (a backlog replayed by the restarted process); the others fail over to the next server.
 */
export class SoakSocket {
  private client: Client | null = null;
  private generation = 0;
  private connectedAt = 0;
  private stopped = false;
  private everConnected = false;
  reconnects = 0;

  constructor(
    readonly token: string,
    readonly subscriptions: Subscription[],
    private serverIndex: number,
    private readonly sticky: boolean,
    private readonly urls: readonly string[],
    private readonly stats: Stats,
    /** Mean time a connection lives before the client drops it itself (0: never). */
    private readonly churnMs: number,
  ) {}

  connect(): void {
    if (this.stopped) return;
    const generation = ++this.generation;
    const url = `${this.urls[this.serverIndex % this.urls.length]!.replace(/^http/, 'ws')}/graphql`;
    const client = createClient({
      url,
      webSocketImpl: WebSocket,
      connectionParams: { token: this.token },
      lazy: false,
      retryAttempts: 0,
      keepAlive: 10_000,
    });
    this.client = client;
    let connected = false;
    client.on('connected', () => {
      if (generation !== this.generation) return;
      connected = true;
      this.connectedAt = Date.now();
      if (this.everConnected) this.reconnects += 1;
      this.everConnected = true;
      if (this.churnMs > 0) {
        // A laptop lid, a lift, a sleeping tab: the client goes away and comes back with its cursor.
        const lifetime = this.churnMs * (0.5 + Math.random());
        setTimeout(() => {
          if (generation !== this.generation || this.stopped) return;
          this.stats.count('ws churned');
          client.terminate();
        }, lifetime).unref();
      }
    });
    client.on('closed', () => this.dropped(generation, connected));
    for (const subscription of this.subscriptions) this.subscribe(subscription, generation);
  }

  private subscribe(subscription: Subscription, generation: number): void {
    const client = this.client;
    if (!client || generation !== this.generation || this.stopped) return;
    subscription.active = true;
    client.subscribe<{ notificationAdded: { id: string; createdAt: string } }>(
      { query: SUBSCRIPTION, variables: { after: subscription.cursor } },
      {
        next: (result) => {
          if (result.errors) {
            for (const error of result.errors) this.stats.error(codeOf(error.extensions?.['code']));
            return;
          }
          const item = result.data?.notificationAdded;
          if (item) this.receive(subscription, item.id, item.createdAt);
        },
        error: (error) => {
          subscription.active = false;
          // An array is the server refusing this one operation; anything else is the socket going.
          if (Array.isArray(error)) {
            for (const item of error as { extensions?: { code?: unknown } }[])
              this.stats.error(`subscribe ${codeOf(item.extensions?.code)}`);
            void sleep(1000).then(() => this.subscribe(subscription, generation));
          }
        },
        complete: () => {
          subscription.active = false;
        },
      },
    );
  }

  private receive(subscription: Subscription, id: string, createdAt: string): void {
    const now = Date.now();
    const count = subscription.received.get(id) ?? 0;
    subscription.received.set(id, count + 1);
    subscription.order.push(id);
    subscription.cursor = id;
    const created = Date.parse(createdAt);
    // Written before this socket connected: it came by replay, so its wait includes the outage.
    this.stats.delivered(now - created, created < this.connectedAt);
  }

  private dropped(generation: number, wasConnected: boolean): void {
    if (generation !== this.generation || this.stopped) return;
    this.stats.count(wasConnected ? 'ws dropped' : 'ws connect refused');
    this.generation += 1; // later events of the old client are ignored
    for (const subscription of this.subscriptions) subscription.active = false;
    const old = this.client;
    this.client = null;
    void old?.dispose();
    if (!this.sticky) this.serverIndex += 1;
    const backoff = 200 + Math.floor(Math.random() * 800);
    void sleep(backoff).then(() => this.connect());
  }

  async close(): Promise<void> {
    this.stopped = true;
    const client = this.client;
    this.client = null;
    await client?.dispose();
  }
}
