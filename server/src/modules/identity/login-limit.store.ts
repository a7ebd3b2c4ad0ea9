import { createHash } from 'node:crypto';
import type { Knex } from '@mikro-orm/postgresql';

/** One counter to bump: its key and the length of the window its first failure opens. */
export interface CounterHit {
  key: string;
  windowMs: number;
}

/** A live counter: failures so far, and when its window closes (ms since the epoch). */
export interface Counter {
  key: string;
  points: number;
  expiresAt: number;
}

/** The `login_limit.key` column is varchar(255); longer keys (a pasted essay as login) are hashed. */
export const storedKey = (key: string): string =>
  key.length <= 255 ? key : `sha256:${createHash('sha256').update(key).digest('hex')}`;

interface Row {
  key: string;
  points: number;
  expire: string | number;
}

/** Rows back to counters under the keys the caller gave (a hashed key maps back to its original). */
const toCounters = (rows: Row[], keys: readonly string[]): Counter[] => {
  const original = new Map(keys.map((key) => [storedKey(key), key]));
  return rows.map((row) => ({
    key: original.get(row.key) ?? row.key,
    points: Number(row.points),
    expiresAt: Number(row.expire),
  }));
};

/** A counter to take a point of, with the most points it may hold. */
export interface LimitedHit extends CounterHit {
  limit: number;
}

/** What `take` answers: the counters it took a point of, or how long until the fullest one frees up. */
export type Taken = { counters: Counter[] } | { retryAfterMs: number };

/** A point to give back: fenced by the counter's window, so a new window is never touched. */
export interface GiveBack {
  key: string;
  expiresAt: number;
  points: number;
}

/** Expired counters are deleted at most this often. */
const SWEEP_EVERY_MS = 60 * 60_000;

/** The same keys in one order for every caller, so two parallel statements never wait on each other. */
const inKeyOrder = <T extends { key: string }>(items: readonly T[]): [string, T][] =>
  [...new Map(items.map((item) => [storedKey(item.key), item])).entries()].sort(([a], [b]) =>
    a < b ? -1 : a > b ? 1 : 0,
  );

/**
 * Fixed-window attempt counters in `login_limit`, shared by every server process. Plain
 * parameterised statements only: a named prepared statement outlives a pooled connection on the
 * embedded database (one session for all) and fails when a new connection prepares it again.
 */
export class LoginLimitStore {
  private nextSweep = 0;

  constructor(private readonly knex: Knex) {}

  /**
   * Takes one point of each counter before the work it limits, in one atomic statement: of any
   * number of parallel callers, exactly `limit` find a counter within it. When one is past its
   * limit, every point taken is given back (a refused attempt counts nowhere).
   */
  async take(hits: readonly LimitedHit[], now: number): Promise<Taken> {
    const counters = await this.hit(hits, now);
    const limits = new Map(hits.map((hit) => [hit.key, hit.limit]));
    const over = counters.filter((counter) => counter.points > (limits.get(counter.key) ?? 0));
    if (over.length === 0) return { counters };
    await this.giveBack(counters.map(({ key, expiresAt }) => ({ key, expiresAt, points: 1 })));
    return { retryAfterMs: Math.max(...over.map((counter) => counter.expiresAt - now)) };
  }

  /** Adds one point to each counter in one atomic statement; a closed window starts over. */
  async hit(hits: readonly CounterHit[], now: number): Promise<Counter[]> {
    if (hits.length === 0) return [];
    const rows = inKeyOrder(hits);
    const result = await this.knex.raw<{ rows: Row[] }>(
      `insert into login_limit as l ("key", points, expire)
       values ${rows.map(() => '(?, 1, ?)').join(', ')}
       on conflict ("key") do update set
         points = case when coalesce(l.expire, 0) > ? then l.points + 1 else 1 end,
         expire = case when coalesce(l.expire, 0) > ? then l.expire else excluded.expire end
       returning "key", points, expire`,
      [...rows.flatMap(([key, hit]) => [key, now + hit.windowMs]), now, now],
    );
    return toCounters(
      result.rows,
      hits.map((hit) => hit.key),
    );
  }

  /**
   * Takes points off counters whose window is still the one they were taken in; never below 0. One
   * single-row statement a counter, in key order: an `update … from (values …)` locks its rows in
   * the join's order, which deadlocked against a concurrent hit or give-back (seen under a burst).
   * Each counter stands alone, so giving back one and then the other loses nothing.
   */
  async giveBack(points: readonly GiveBack[]): Promise<void> {
    for (const [key, point] of inKeyOrder(points.filter((point) => point.points > 0))) {
      await this.knex.raw(
        `update login_limit set points = greatest(points - ?::int, 0)
         where "key" = ?::varchar and expire = ?::bigint`,
        [point.points, key, point.expiresAt],
      );
    }
  }

  /** The counters among `keys` whose window is still open. */
  async read(keys: readonly string[], now: number): Promise<Counter[]> {
    if (keys.length === 0) return [];
    const result = await this.knex.raw<{ rows: Row[] }>(
      `select "key", points, expire from login_limit
       where "key" in (${keys.map(() => '?').join(', ')}) and expire > ?`,
      [...keys.map(storedKey), now],
    );
    return toCounters(result.rows, keys);
  }

  /** Deletes counters whose window has closed; returns how many. */
  async sweep(now: number): Promise<number> {
    const result = await this.knex.raw<{ rowCount: number }>(
      `delete from login_limit where coalesce(expire, 0) <= ?`,
      [now],
    );
    return result.rowCount;
  }

  /** Sweeps when this store last did so an hour ago or more. */
  async sweepNowAndThen(now: number): Promise<void> {
    if (now < this.nextSweep) return;
    this.nextSweep = now + SWEEP_EVERY_MS;
    await this.sweep(now);
  }
}
