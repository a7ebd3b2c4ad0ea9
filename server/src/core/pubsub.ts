import { setMaxListeners } from 'node:events';
import { createPubSub, type PubSub } from '@graphql-yoga/subscription';
import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';

export type TopicMap = Record<string, [unknown] | [id: string, payload: unknown]>;

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
): Promise<PubSubHandle<Topics>> {
  if (!redisUrl) {
    // One person may hold sockets × subscriptions listeners on their own topic: no leak warning.
    const eventTarget = new EventTarget();
    setMaxListeners(0, eventTarget);
    return {
      pubSub: createPubSub<Topics>({ eventTarget }),
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
    pubSub: createPubSub<Topics>({ eventTarget }),
    transport: 'redis',
    async close() {
      await Promise.allSettled([publishClient.quit(), subscribeClient.quit()]);
    },
  };
}
