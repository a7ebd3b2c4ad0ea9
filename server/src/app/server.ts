import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import type { AppConfig } from '../config/env.js';
import { openDatabase } from '../core/orm/database.js';
import type { Orm } from '../core/orm/orm.js';
import type { QueryCounter } from '../core/orm/query-counter.js';
import { createAppPubSub } from '../core/pubsub.js';
import { syncProductionCalendar } from '../modules/calendar/index.js';
import { inSystemUnit } from '../core/unit-of-work.js';
import { seedDemoIfEmpty, type DemoSeedResult } from '../seeders/demo.seeder.js';
import { DiskFileStorage, startFileSweeper } from '../modules/files/index.js';
import { LoginLimiter, PasswordHasher, RegistrationLimiter } from '../modules/identity/index.js';
import { TrustedDocuments } from './trusted-documents.js';
import { startOverdueSweeper } from '../modules/task/index.js';
import { enableEmailOutbox, Mailer } from '../modules/notification/index.js';
import { buildAppSchema } from './build-schema.js';
import type { AppServices } from '../core/context.js';
import { createContext } from './context.js';
import { entities } from './entities.js';
import { graphqlRules } from './graphql-rules.js';
import { createHttpApp } from './http-server.js';
import type { AppPubSub, Topics } from '../core/topics.js';
import { attachWebSocketServer } from './ws-server.js';

export interface RunningServer {
  url: string;
  port: number;
  orm: Orm;
  queries: QueryCounter;
  instanceId: string;
  pubSubTransport: 'redis' | 'memory';
  pubSub: AppPubSub;
  demo: DemoSeedResult | null;
  /** Sends notification e-mails; present when SMTP_URL is set. */
  mailer: Mailer | null;
  stop(): Promise<void>;
}

/** Opens the database (embedded when no DATABASE_URL), migrates, seeds, and serves HTTP + WebSocket. */
export async function startServer(config: AppConfig, logger: Logger): Promise<RunningServer> {
  const cleanups: { name: string; run: () => Promise<void> }[] = [];
  const onStop = (name: string, run: () => Promise<void>) => cleanups.push({ name, run });
  const stopAll = async () => {
    for (const { name, run } of cleanups.reverse()) {
      logger.debug({ step: name }, 'stopping');
      await run().catch((error: unknown) =>
        logger.error({ err: error, step: name }, 'shutdown step failed'),
      );
    }
  };
  try {
    const database = await openDatabase(config, entities, logger);
    onStop('database', () => database.close());
    const { orm, queries } = database;
    if (config.migrateOnStart) {
      const applied = await orm.getMigrator().up();
      if (applied.length > 0)
        logger.info({ migrations: applied.map((m) => m.name) }, 'migrations applied');
    }
    const calendarYears = await inSystemUnit(orm.em.fork(), null, logger, (unit) =>
      syncProductionCalendar(unit.em, new Date().getUTCFullYear()),
    );
    if (calendarYears.length > 0)
      logger.info({ years: calendarYears }, 'production calendar synced');
    const demo = config.seedDemo
      ? await seedDemoIfEmpty(orm.em.fork(), logger, config.passwordCost)
      : null;

    const pubSub = await createAppPubSub<Topics>(config.redisUrl, logger);
    onStop('pub/sub', () => pubSub.close());
    const mailer = config.mail
      ? new Mailer(orm, pubSub.pubSub, config.mail, config.publicUrl, logger)
      : null;
    if (mailer) {
      enableEmailOutbox(orm);
      mailer.start();
      onStop('mailer', () => mailer.stop());
    }
    const services: AppServices = {
      config,
      orm,
      pubSub: pubSub.pubSub,
      instanceId: randomUUID(),
      passwords: new PasswordHasher(config.passwordCost),
      loginLimiter: new LoginLimiter(orm.em.getKnex(), config.loginLimits),
      registrationLimiter: new RegistrationLimiter(orm.em.getKnex(), config.registrationLimits),
      files: new DiskFileStorage(config.files.dir),
      trustedDocuments: TrustedDocuments.load(config.trustedDocuments.file, logger),
      openContext: (request) => createContext(services, request),
    };
    const fileSweeper = startFileSweeper(orm, services.files, logger);
    onStop('upload sweeper', () => fileSweeper.stop());
    const overdueSweeper = startOverdueSweeper(
      orm,
      pubSub.pubSub,
      logger,
      config.tasks.overdueSweepSeconds,
    );
    onStop('overdue task sweeper', () => overdueSweeper.stop());
    const schema = await buildAppSchema(pubSub.pubSub);

    let disposeWs: () => Promise<void> = async () => undefined;
    const http = await createHttpApp(config, schema, services, logger, () => disposeWs());
    const { server, apollo } = http;
    const ws = attachWebSocketServer(server, schema, services, logger, graphqlRules(config));
    disposeWs = () => ws.dispose();
    onStop('http and websocket', async () => {
      await apollo.stop();
      await http.idle(10_000);
    });

    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, config.host, () => resolve());
    });
    const port = (server.address() as AddressInfo).port;
    const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
    return {
      url: `http://${shownHost}:${port}`,
      port,
      orm,
      queries,
      instanceId: services.instanceId,
      pubSubTransport: pubSub.transport,
      pubSub: pubSub.pubSub,
      demo,
      mailer,
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
