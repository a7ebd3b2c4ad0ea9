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

/**
 * Fixed-window failure counters in `login_limit`, shared by every server process. Plain
 * parameterised statements only: a named prepared statement outlives a pooled connection on the
 * embedded database (one session for all) and fails when a new connection prepares it again.
 */
export class LoginLimitStore {
  constructor(private readonly knex: Knex) {}

  /** Adds one failure to each counter in one atomic statement; a closed window starts over. */
  async hit(hits: readonly CounterHit[], now: number): Promise<Counter[]> {
    if (hits.length === 0) return [];
    // Rows in one order for every caller, so two parallel statements never wait on each other.
    const rows = [...new Map(hits.map((hit) => [storedKey(hit.key), hit])).entries()].sort(
      ([a], [b]) => (a < b ? -1 : a > b ? 1 : 0),
    );
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

  /** Forgets a counter. */
  async reset(key: string): Promise<void> {
    await this.knex.raw(`delete from login_limit where "key" = ?`, [storedKey(key)]);
  }

  /** Deletes counters whose window has closed; returns how many. */
  async sweep(now: number): Promise<number> {
    const result = await this.knex.raw<{ rowCount: number }>(
      `delete from login_limit where coalesce(expire, 0) <= ?`,
      [now],
    );
    return result.rowCount;
  }
}
