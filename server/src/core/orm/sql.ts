import type { EntityManager, Knex } from '@mikro-orm/postgresql';

/** What MikroORM's connection keeps to itself: its query log and its error conversion. */
interface ConnectionInternals {
  logQuery(query: string, context?: Record<string, unknown>): void;
  ensureConnection(): Promise<void>;
}

/**
 * Runs a statement with its values as bind parameters (PostgreSQL's extended protocol), in
 * the manager's transaction when it has one, and returns the rows.
 *
 * `em.execute` and a query builder's `execute` first write every value into the statement's text
 * (`formatQuery` quoting and escaping each one) and send the text alone, which PostgreSQL then
 * parses back: on a 50-row list that was a fifth of the request's allocations (issue 18, measured
 * with the sampling heap profiler). Here the text keeps its placeholders and the values travel
 * apart, the way every other PostgreSQL client sends them.
 *
 * The same placeholders as `em.execute` (`?` a value, an array a list of values, `??` an
 * identifier); counted and logged like every ORM statement; errors converted as MikroORM converts
 * them (a lost connection is still a `ConnectionException` with its SQLSTATE).
 */
export async function runSql<R>(
  em: EntityManager,
  sql: string,
  params: readonly unknown[] = [],
): Promise<R[]> {
  const connection = em.getConnection();
  const internals = connection as unknown as ConnectionInternals;
  await internals.ensureConnection();
  const query = connection.getKnex().raw(sql, params as Knex.RawBinding[]);
  const transaction = em.getTransactionContext<Knex.Transaction>();
  if (transaction) query.transacting(transaction);
  internals.logQuery(sql);
  try {
    const result = (await query) as { rows: R[] };
    return result.rows;
  } catch (error) {
    throw connection
      .getPlatform()
      .getExceptionConverter()
      .convertException(error as Error);
  }
}

/** A query builder's statement (MikroORM's or knex's), run by `runSql`. */
export function runBuilt<R>(
  em: EntityManager,
  built: { toSQL(): { sql: string; bindings: readonly unknown[] } },
): Promise<R[]> {
  const { sql, bindings } = built.toSQL();
  return runSql<R>(em, sql, bindings);
}
