import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from './logger.js';
import { createAppPubSub, MAX_UNREAD_EVENTS, type PubSubHandle } from './pubsub.js';

type Topics = { TICK: [id: string, payload: { n: number }] };

const redisUrl = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const handles: PubSubHandle<Topics>[] = [];
const open = async (transport: 'memory' | 'redis', maxUnread?: number) => {
  const handle = await createAppPubSub<Topics>(
    transport === 'redis' ? redisUrl : undefined,
    createLogger('silent'),
    maxUnread,
  );
  handles.push(handle);
  return handle.pubSub;
};
afterAll(async () => {
  await Promise.all(handles.map((handle) => handle.close()));
});

const settled = <T>(promise: Promise<T>) =>
  promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error: error as { extensions?: Record<string, unknown> } }),
  );

describe('bounded subscriptions', () => {
  it('delivers in order to a reader that keeps up, and ends on return', async () => {
    const pubSub = await open('memory');
    const events = pubSub.subscribe('TICK', 'a');
    for (let n = 1; n <= 3; n++) pubSub.publish('TICK', 'a', { n });
    pubSub.publish('TICK', 'b', { n: 99 });
    const got = [await events.next(), await events.next(), await events.next()];
    expect(got.map((result) => (result.value as { n: number }).n)).toEqual([1, 2, 3]);
    const pending = events.next();
    await events.return?.();
    expect(await pending).toEqual({ value: undefined, done: true });
    pubSub.publish('TICK', 'a', { n: 4 });
    expect(await events.next()).toEqual({ value: undefined, done: true });
  });

  // Before: graphql-yoga's Repeater threw "No more than 1024 pending calls to push" inside the
  // event listener, an uncaught exception that ended the process.
  it(`outlives ${MAX_UNREAD_EVENTS + 1_000} events published at once to a reader that stopped, which then gets SLOW_CONSUMER`, async () => {
    const pubSub = await open('memory');
    const stalled = pubSub.subscribe('TICK', 'a');
    const other = pubSub.subscribe('TICK', 'a');
    const first = other.next();
    for (let n = 1; n <= MAX_UNREAD_EVENTS + 1_000; n++) pubSub.publish('TICK', 'a', { n });
    const outcome = await settled(stalled.next());
    expect('error' in outcome && outcome.error.extensions?.['code']).toBe('SLOW_CONSUMER');
    // The stalled one is off the topic; another subscriber on it is untouched.
    expect(((await first).value as { n: number }).n).toBe(1);
    await other.return?.();
  });

  it('holds over Redis too', async () => {
    const [publisher, subscriber] = [await open('redis', 10), await open('redis', 10)];
    const stalled = subscriber.subscribe('TICK', 'r');
    // Redis subscribes asynchronously: wait for the first event to know it is on.
    for (let n = 0; ; n++) {
      publisher.publish('TICK', 'r', { n });
      const result = await Promise.race([
        stalled.next(),
        new Promise<null>((resolve) => setTimeout(() => resolve(null), 50)),
      ]);
      if (result) break;
    }
    for (let n = 1; n <= 50; n++) publisher.publish('TICK', 'r', { n });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const drained: unknown[] = [];
    let failure: unknown;
    for (;;) {
      const outcome = await settled(stalled.next());
      if ('error' in outcome) {
        failure = outcome.error.extensions?.['code'];
        break;
      }
      drained.push(outcome.value);
    }
    expect(failure).toBe('SLOW_CONSUMER');
  });
});
