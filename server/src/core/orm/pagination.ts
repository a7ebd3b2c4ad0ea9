import type { EntityManager } from '@mikro-orm/postgresql';
import { Cursor, type EntityClass, type FilterQuery, type QueryOrderMap } from '@mikro-orm/core';
import { badInput } from '../errors.js';
import { isUuid } from '../ids.js';
import type { Connection } from '../graphql/connection.js';
import { findRows, type Row } from './rows.js';

interface PageOptions<T> {
  first: number;
  after: string | null;
  orderBy: QueryOrderMap<T>;
}

interface RowPageOptions<T> extends PageOptions<T> {
  /** References joined into the page's statement, each node's as a whole row. */
  join?: readonly string[];
}

/** One page of a keyset-paginated list as a Relay connection; `orderBy` must end with the uuid `id`. */
export async function pageOf<T extends { id: string }>(
  em: EntityManager,
  entity: EntityClass<T>,
  where: FilterQuery<T>,
  options: PageOptions<T>,
): Promise<Connection<T>> {
  if (options.after) checkCursor(options.after, Object.keys(options.orderBy).length);
  const cursor = await em.findByCursor(entity, where, {
    first: options.first,
    ...(options.after ? { after: options.after } : {}),
    orderBy: options.orderBy,
    includeCount: false,
  });
  return connectionOf(cursor, () => em.count(entity, where));
}

/** `pageOf` for a read-only list: the same statement and cursors, the nodes as rows (see `Row`). */
export async function rowPageOf<T extends { id: string }>(
  em: EntityManager,
  entity: EntityClass<T>,
  where: FilterQuery<T>,
  options: RowPageOptions<T>,
): Promise<Connection<Row<T>>> {
  if (options.after) checkCursor(options.after, Object.keys(options.orderBy).length);
  const find = {
    join: options.join ?? [],
    first: options.first,
    ...(options.after ? { after: options.after } : {}),
    orderBy: options.orderBy,
    overfetch: true,
  };
  const rows = await findRows(em, entity, where, find);
  // MikroORM's cursor reads the order keys off any object: a row serves as well as an entity.
  const cursor = new Cursor(rows as never[], 0, find, em.getMetadata().get<T>(entity.name));
  return connectionOf(cursor as unknown as PageCursor<Row<T>>, () => em.count(entity, where));
}

/** What a connection needs of a cursor over its page. */
interface PageCursor<T> {
  readonly items: readonly T[];
  readonly hasNextPage: boolean;
  readonly hasPrevPage: boolean;
  readonly startCursor: string | null;
  readonly endCursor: string | null;
  from(node: T): string;
}

function connectionOf<T>(cursor: PageCursor<T>, countAll: () => Promise<number>): Connection<T> {
  let count: Promise<number> | undefined;
  return {
    edges: cursor.items.map((node) => ({ node, cursor: cursor.from(node) })),
    pageInfo: {
      hasNextPage: cursor.hasNextPage,
      hasPreviousPage: cursor.hasPrevPage,
      startCursor: cursor.startCursor,
      endCursor: cursor.endCursor,
    },
    // Counting a large list costs more than the page: only when the client selects totalCount.
    get totalCount() {
      return (count ??= countAll());
    },
  };
}

/** A cursor is opaque to clients but still input: reject anything this list could not have issued. */
function checkCursor(after: string, keys: number): void {
  let values: unknown;
  try {
    values = Cursor.decode(after);
  } catch {
    values = undefined;
  }
  const valid =
    Array.isArray(values) &&
    values.length === keys &&
    values.every(
      (value) => value === null || ['string', 'number', 'boolean'].includes(typeof value),
    ) &&
    isUuid(values[keys - 1]);
  if (!valid) throw badInput(['after'], 'Invalid cursor');
}
