import { setMaxListeners } from 'node:events';
import { createPubSub, type PubSub } from '@graphql-yoga/subscription';
import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { boundedSubscription } from './bounded-subscription.js';
import { AppError, ErrorCode } from './errors.js';

export type TopicMap = Record<string, [unknown] | [id: string, payload: unknown]>;

/** Events one subscription may hold unread before it is ended as too slow (SLOW_CONSUMER). */
export const MAX_UNREAD_EVENTS = 1000;

/**
 * graphql-yoga's pub/sub over `eventTarget` (its publish: the same events, the same topics), with
 * each subscription queued and bounded by `boundedSubscription` in place of its Repeater: a
 * consumer that stops reading gets SLOW_CONSUMER after `max` events, and can never bring the
 * process down. Callers use the iterator's `next`, `return` and async iteration only.
 */
function boundedPubSub<Topics extends TopicMap>(
  eventTarget: EventTarget,
  max: number,
): PubSub<Topics> {
  const base = createPubSub<Topics>({ eventTarget });
  const subscribe = (routingKey: string, id?: string | number) =>
    boundedSubscription(
      eventTarget,
      id === undefined ? routingKey : `${routingKey}:${id}`,
      max,
      () =>
        new AppError(
          ErrorCode.SlowConsumer,
          `More than ${max} events waited unread: subscribe again from the last one received`,
        ),
    );
  return {
    publish: base.publish.bind(base),
    subscribe: subscribe as unknown as PubSub<Topics>['subscribe'],
  };
}

export interface PubSubHandle<Topics extends TopicMap> {
  pubSub: PubSub<Topics>;
  /** Where events travel: 'redis' crosses processes, 'memory' stays in this one. */
  transport: 'redis' | 'memory';
  close(): Promise<void>;
}

/**
 * Pub/sub for subscriptions: over Redis when configured, so every server process sees every event;
 * in-process otherwise (one process, or the embedded database, which has no LISTEN/NOTIFY across connections).
 * Payloads must survive JSON: carry ids and primitives, and let subscribers reload what they show.
 */
export async function createAppPubSub<Topics extends TopicMap>(
  redisUrl: string | undefined,
  logger: Logger,
  maxUnread = MAX_UNREAD_EVENTS,
): Promise<PubSubHandle<Topics>> {
  if (!redisUrl) {
    // One person may hold sockets × subscriptions listeners on their own topic: no leak warning.
    const eventTarget = new EventTarget();
    setMaxListeners(0, eventTarget);
    return {
      pubSub: boundedPubSub<Topics>(eventTarget, maxUnread),
      transport: 'memory',
      close: async () => undefined,
    };
  }
  const options = { lazyConnect: true, maxRetriesPerRequest: null, enableAutoPipelining: true };
  const publishClient = new Redis(redisUrl, options);
  const subscribeClient = new Redis(redisUrl, options);
  for (const client of [publishClient, subscribeClient]) {
    client.on('error', (error: Error) => logger.warn({ err: error }, 'redis connection error'));
  }
  await Promise.all([publishClient.connect(), subscribeClient.connect()]);
  const eventTarget = createRedisEventTarget({ publishClient, subscribeClient });
  return {
    pubSub: boundedPubSub<Topics>(eventTarget, maxUnread),
    transport: 'redis',
    async close() {
      await Promise.allSettled([publishClient.quit(), subscribeClient.quit()]);
    },
  };
}
