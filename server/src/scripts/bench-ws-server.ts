import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createLogger } from '../core/logger.js';
import { startServer } from '../app/server.js';
import { inSystemUnit } from '../core/unit-of-work.js';
import { loadConfig } from '../config/env.js';
import { writeNotifications } from '../modules/notification/index.js';
import { reportFatal } from './cli.js';

// One server process of `npm run bench:ws` (started by it, with IPC; not for use on its own): a
// full Kabinet server on a free port, configured by the environment the benchmark gives it, that
// also writes and publishes the notifications the benchmark asks for and reports its memory.

interface Publish {
  kind: 'publish';
  batch: number;
  organizationId: string;
  items: { userId: string; title: string }[];
}
type Message = Publish | { kind: 'memory'; id: number } | { kind: 'stop' };

const send = (message: unknown) => process.send!(message);

// The event loop's delay since the last ask (ms): how long a ready callback waited its turn.
const loop = monitorEventLoopDelay({ resolution: 5 });
loop.enable();
const loopDelay = () => {
  const ms = (ns: number) => Math.round(ns / 1e6);
  const delay = { p50: ms(loop.percentile(50)), p99: ms(loop.percentile(99)), max: ms(loop.max) };
  // After the pause of the gc() just forced has been sampled: it is not the next window's.
  setTimeout(() => loop.reset(), 20);
  return delay;
};

try {
  const base = loadConfig();
  const config = { ...base, port: 0, host: '127.0.0.1', logLevel: 'warn' as const };
  const logger = createLogger(config.logLevel);
  const silent = createLogger('silent');
  const server = await startServer(config, logger);
  process.on('message', (message: Message) => {
    if (message.kind === 'publish') {
      // One unit per batch: the notifications commit together and are published after the commit.
      void inSystemUnit(server.orm.em.fork(), server.pubSub, silent, (unit) =>
        writeNotifications(
          unit,
          message.items.map((item) => ({
            recipientUserId: item.userId,
            organizationId: message.organizationId,
            type: 'ANNOUNCEMENT' as const,
            title: item.title,
          })),
        ),
      ).then(
        () => send({ kind: 'published', batch: message.batch, at: Date.now() }),
        (error: unknown) => send({ kind: 'failed', batch: message.batch, error: String(error) }),
      );
    } else if (message.kind === 'memory') {
      global.gc?.();
      const { heapUsed, rss } = process.memoryUsage();
      const { user, system } = process.cpuUsage();
      send({
        kind: 'memory',
        id: message.id,
        heapUsed,
        rss,
        cpuMs: (user + system) / 1000,
        loopDelay: loopDelay(),
      });
    } else if (message.kind === 'stop') {
      void server.stop().then(() => process.exit(0));
    }
  });
  send({
    kind: 'ready',
    url: server.url,
    transport: server.pubSubTransport,
    limits: config.webSocket,
  });
} catch (error) {
  reportFatal(error);
}
