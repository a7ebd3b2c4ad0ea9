import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import { runBuilt } from './sql.js';

/**
 * A module's share of a statement made of scalar sub-selects (`select (…) as a, (…) as b`): the
 * columns it asks for and how it reads them back. Parts of several modules go out as one statement
 * (`selectParts`), each module still writing and reading its own SQL.
 */
export interface ScalarPart<T> {
  columns: Readonly<Record<string, Knex.QueryBuilder | Knex.Raw>>;
  read(row: Readonly<Record<string, unknown>>): T;
}

type Results<P extends readonly ScalarPart<unknown>[]> = {
  -readonly [K in keyof P]: P[K] extends ScalarPart<infer T> ? T : never;
};

/** The parts' columns in one statement (none when no part asks for any), each part reading its own. */
export async function selectParts<const P extends readonly ScalarPart<unknown>[]>(
  em: EntityManager,
  parts: P,
): Promise<Results<P>> {
  const columns: Record<string, Knex.QueryBuilder | Knex.Raw> = {};
  parts.forEach((part, index) => {
    for (const [name, sql] of Object.entries(part.columns)) columns[`p${index}_${name}`] = sql;
  });
  const [row = {}] =
    Object.keys(columns).length > 0
      ? await runBuilt<Record<string, unknown>>(em, em.getKnex().select(columns))
      : [];
  return parts.map((part, index) => {
    const own: Record<string, unknown> = {};
    for (const name of Object.keys(part.columns)) own[name] = row[`p${index}_${name}`];
    return part.read(own);
  }) as Results<P>;
}
