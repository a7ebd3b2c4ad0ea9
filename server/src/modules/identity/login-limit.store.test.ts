import { randomUUID } from 'node:crypto';
import type { Knex } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../test/harness.js';
import { LoginLimitStore, storedKey } from './login-limit.store.js';

/** The sign-in counters on the lane's database: PostgreSQL with a pool of 4, or PGlite with one. */

let server: TestServer;
let knex: Knex;
let store: LoginLimitStore;
const minute = 60_000;
const key = () => `login:${randomUUID()}`;

beforeAll(async () => {
  server = await startTestServer({ demo: false });
  knex = server.orm.em.getKnex();
  store = new LoginLimitStore(knex);
});
afterAll(async () => {
  await server?.close();
});

describe('LoginLimitStore', () => {
  it('counts parallel failures on one counter exactly, each statement seeing its own count', async () => {
    const counter = key();
    const now = Date.now();
    const answers = await Promise.all(
      Array.from({ length: 30 }, () => store.hit([{ key: counter, windowMs: minute }], now)),
    );
    const seen = answers.map((rows) => rows[0]!.points).sort((a, b) => a - b);
    expect(seen).toEqual(Array.from({ length: 30 }, (_, index) => index + 1));
    expect(await store.read([counter], now)).toEqual([
      { key: counter, points: 30, expiresAt: now + minute },
    ]);
  });

  it('bumps several counters in one statement, and opens a window at the first failure only', async () => {
    const [short, daily] = [key(), key()];
    const start = Date.now();
    const hits = [
      { key: short, windowMs: minute },
      { key: daily, windowMs: 60 * minute },
    ];
    await store.hit(hits, start);
    const second = await store.hit(hits, start + 1_000);
    expect(second.sort((a, b) => a.expiresAt - b.expiresAt)).toEqual([
      { key: short, points: 2, expiresAt: start + minute },
      { key: daily, points: 2, expiresAt: start + 60 * minute },
    ]);
    // Once its window has closed, a counter starts over from the next failure.
    const later = start + 2 * minute;
    expect(await store.read([short, daily], later)).toEqual([
      { key: daily, points: 2, expiresAt: start + 60 * minute },
    ]);
    const restarted = await store.hit(hits, later);
    expect(restarted.find((row) => row.key === short)).toEqual({
      key: short,
      points: 1,
      expiresAt: later + minute,
    });
    expect(restarted.find((row) => row.key === daily)?.points).toBe(3);
  });

  it('takes exactly the limit of parallel attempts, and counts none of those it refuses', async () => {
    const counter = key();
    const now = Date.now();
    const answers = await Promise.all(
      Array.from({ length: 30 }, () =>
        store.take([{ key: counter, windowMs: minute, limit: 5 }], now),
      ),
    );
    const taken = answers.filter((answer) => 'counters' in answer);
    const refused = answers.filter((answer) => 'retryAfterMs' in answer);
    expect({ taken: taken.length, refused: refused.length }).toEqual({ taken: 5, refused: 25 });
    expect(refused[0]).toEqual({ retryAfterMs: minute });
    expect(await store.read([counter], now)).toEqual([
      { key: counter, points: 5, expiresAt: now + minute },
    ]);
  });

  it('refuses when any counter is full, taking a point of none', async () => {
    const [full, open] = [key(), key()];
    const now = Date.now();
    await store.hit([{ key: full, windowMs: 2 * minute }], now);
    const answer = await store.take(
      [
        { key: full, windowMs: 2 * minute, limit: 1 },
        { key: open, windowMs: minute, limit: 10 },
      ],
      now,
    );
    expect(answer).toEqual({ retryAfterMs: 2 * minute });
    const left = await store.read([full, open], now);
    expect(left.map(({ key, points }) => ({ key, points }))).toEqual(
      expect.arrayContaining([
        { key: full, points: 1 },
        { key: open, points: 0 },
      ]),
    );
  });

  it('gives points back within their window only, never below zero, and sweeps closed windows', async () => {
    const [given, closed, open] = [key(), key(), key()];
    const now = Date.now();
    const [first] = await store.hit([{ key: given, windowMs: minute }], now);
    await store.hit([{ key: given, windowMs: minute }], now);
    await store.giveBack([{ ...first!, points: 5 }]);
    expect((await store.read([given], now))[0]?.points).toBe(0);

    const [old] = await store.hit([{ key: closed, windowMs: 1 }], now - minute);
    await store.hit([{ key: open, windowMs: minute }], now);
    expect(await store.sweep(now)).toBeGreaterThanOrEqual(1);
    const left = await knex('login_limit').whereIn('key', [closed, open]).pluck('key');
    expect(left).toEqual([open]);
    // A point taken in a closed window is not given back from the next one.
    await store.hit([{ key: closed, windowMs: minute }], now);
    await store.giveBack([{ ...old!, points: 1 }]);
    expect((await store.read([closed], now))[0]?.points).toBe(1);
  });

  it('keeps a key longer than its column under a hash, and reads it back by the original', async () => {
    const long = `login:${'я'.repeat(300)}`;
    const now = Date.now();
    expect(storedKey(long)).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect((await store.hit([{ key: long, windowMs: minute }], now))[0]?.key).toBe(long);
    expect((await store.read([long], now))[0]).toEqual({
      key: long,
      points: 1,
      expiresAt: now + minute,
    });
  });

  it('leaves no named prepared statement in the session (PGlite shares one with every connection)', async () => {
    const counter = key();
    const named = await knex.transaction(async (trx) => {
      const pinned = new LoginLimitStore(trx);
      const now = Date.now();
      const [hit] = await pinned.hit([{ key: counter, windowMs: minute }], now);
      await pinned.take([{ key: counter, windowMs: minute, limit: 1 }], now);
      await pinned.read([counter], now);
      await pinned.giveBack([{ ...hit!, points: 1 }]);
      await pinned.sweep(now);
      return trx.raw<{ rows: { name: string }[] }>(`select name from pg_prepared_statements`);
    });
    expect(named.rows).toEqual([]);
  });
});
