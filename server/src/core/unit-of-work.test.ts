import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/harness.js';
import { OutsideUnitError } from './orm/unit-scope.js';
import { Notification } from '../modules/notification/notification.entity.js';
import { writeNotifications } from '../modules/notification/notification.service.js';
import { User } from '../modules/identity/user.entity.js';
import { TaskRequestService } from '../modules/task/task-requests.service.js';
import { createContext } from '../app/context.js';
import type { AppContext, AppServices } from './context.js';
import { createLogger } from './logger.js';
import type { NotificationAddedEvent } from './topics.js';
import { inUnit, type UnitContext } from './unit-of-work.js';

describe('unit of work', () => {
  let server: TestServer;
  let hr: User;
  const logger = createLogger('silent');

  /** A request's context as the HTTP side builds it, signed in as nobody. */
  const requestContext = (): Promise<AppContext> =>
    createContext(
      { config: {}, orm: server.orm, pubSub: server.pubSub } as unknown as AppServices,
      { logger, requestId: 'unit-test', token: null, ip: null, userAgent: null, cookie: null },
    );

  const announcement = (title: string) => ({
    recipientUserId: hr.id,
    organizationId: hr.organization.id,
    type: 'ANNOUNCEMENT' as const,
    title,
  });

  const titled = async (title: string) => server.orm.em.fork().count(Notification, { title });

  /** Every NOTIFICATION_ADDED event for `hr` from now on, in arrival order. */
  const listen = () => {
    const seen: NotificationAddedEvent[] = [];
    const iterator = server.pubSub.subscribe('NOTIFICATION_ADDED', hr.id)[Symbol.asyncIterator]();
    void (async () => {
      for (let next = await iterator.next(); !next.done; next = await iterator.next())
        seen.push(next.value);
    })();
    return { seen, stop: () => void iterator.return?.() };
  };
  const tick = () => new Promise((resolve) => setTimeout(resolve, 50));

  beforeAll(async () => {
    server = await startTestServer();
    hr = await server.orm.em.fork().findOneOrFail(User, { login: 'hr' });
  });
  afterAll(() => server?.close());

  it('refuses the request EntityManager inside the unit, and writes nothing', async () => {
    const ctx = await requestContext();
    await expect(
      inUnit(ctx, async (unit) => {
        await writeNotifications(unit, [announcement('outer em')]);
        await ctx.em.count(User, {});
      }),
    ).rejects.toThrow(OutsideUnitError);
    await expect(inUnit(ctx, async () => ctx.loaders.load(User, hr.id))).rejects.toThrow(
      OutsideUnitError,
    );
    expect(await titled('outer em')).toBe(0);
    // After the unit the request's handles work again, for the fields of the answer.
    expect(await ctx.em.count(User, { id: hr.id })).toBe(1);
  });

  it('refuses a second connection from inside the unit (a fresh fork, the ORM)', async () => {
    const ctx = await requestContext();
    await expect(
      inUnit(ctx, async (unit) => {
        await unit.em.count(User, {});
        await server.orm.em.fork().count(User, {});
      }),
    ).rejects.toThrow(/asked the pool for another connection/);
  });

  it('publishes after the commit, in order, and nothing when it rolls back', async () => {
    const ctx = await requestContext();
    const events = listen();
    try {
      let seenInside = -1;
      await inUnit(ctx, async (unit) => {
        await writeNotifications(unit, [announcement('kept 1'), announcement('kept 2')]);
        await tick();
        seenInside = events.seen.length;
      });
      await tick();
      expect(seenInside).toBe(0);
      expect(events.seen).toHaveLength(2);
      await expect(
        inUnit(ctx, async (unit) => {
          await writeNotifications(unit, [announcement('rolled back')]);
          throw new Error('the use case fails');
        }),
      ).rejects.toThrow('the use case fails');
      await tick();
      expect(events.seen).toHaveLength(2);
      expect(await titled('rolled back')).toBe(0);
      const kept = await server.orm.em.fork().find(Notification, { title: { $like: 'kept %' } });
      expect(events.seen.map((event) => event.notificationId).sort()).toEqual(
        kept.map((row) => row.id).sort(),
      );
    } finally {
      events.stop();
    }
  });

  it('joins a unit opened inside another: one transaction, undone together', async () => {
    const ctx = await requestContext();
    let inner: UnitContext | null = null;
    await expect(
      inUnit(ctx, async (outer) => {
        await inUnit(outer, async (unit) => {
          inner = unit;
          await writeNotifications(unit, [announcement('nested')]);
        });
        expect(inner).toBe(outer);
        throw new Error('the outer use case fails');
      }),
    ).rejects.toThrow('the outer use case fails');
    expect(await titled('nested')).toBe(0);
  });

  it('refuses a writing use case reached outside a unit', async () => {
    const ctx = await requestContext();
    // The types say a writer takes a UnitContext; a cast past them still meets the check.
    const unsafe = new TaskRequestService(ctx as UnitContext) as unknown as { unit: unknown };
    expect(() => unsafe.unit).toThrow(OutsideUnitError);
    await inUnit(ctx, async (unit) => {
      const safe = new TaskRequestService(unit) as unknown as { unit: unknown };
      expect(safe.unit).toBe(unit);
    });
  });
});

describe('unit of work boundaries in the source', () => {
  const srcDir = path.resolve(import.meta.dirname, '..');
  const sources = () =>
    fs
      .readdirSync(srcDir, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
      .map((file) => ({
        file,
        lines: fs.readFileSync(path.join(srcDir, file), 'utf8').split('\n'),
      }));
  /** `file:line` of every source line matching `pattern`, outside the files allowed to. */
  const offenders = (pattern: RegExp, allowed: string[]) =>
    sources().flatMap(({ file, lines }) =>
      allowed.includes(file)
        ? []
        : lines.flatMap((line, index) => (pattern.test(line) ? [`${file}:${index + 1}`] : [])),
    );

  it('publishes events only through a unit (UnitEvents), never by hand', () => {
    expect(sources().length).toBeGreaterThan(100);
    // Any `.publish(` that is not `events.publish(` reaches the pub/sub past the unit.
    expect(offenders(/(?<!events)\.publish\(/, ['core/unit-of-work.ts'])).toEqual([]);
    expect(offenders(/pubSub\.publish\b/, ['core/unit-of-work.ts'])).toEqual([]);
  });

  it('opens transactions only in the unit of work', () => {
    expect(
      offenders(/\.transactional\(|\.begin\(\)|\bbegin transaction\b/i, ['core/orm/unit-scope.ts']),
    ).toEqual([]);
  });
});
