import type { EntityManager } from '@mikro-orm/postgresql';
import { Cursor, type EntityClass, type FilterQuery, type QueryOrderMap } from '@mikro-orm/core';
import { badInput } from '../errors.js';
import { isUuid } from '../ids.js';
import type { Connection } from '../graphql/connection.js';

/** One page of a keyset-paginated list as a Relay connection; `orderBy` must end with the uuid `id`. */
export async function pageOf<T extends { id: string }>(
  em: EntityManager,
  entity: EntityClass<T>,
  where: FilterQuery<T>,
  options: { first: number; after: string | null; orderBy: QueryOrderMap<T> },
): Promise<Connection<T>> {
  if (options.after) checkCursor(options.after, Object.keys(options.orderBy).length);
  const cursor = await em.findByCursor(entity, where, {
    first: options.first,
    ...(options.after ? { after: options.after } : {}),
    orderBy: options.orderBy,
    includeCount: false,
  });
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
      return (count ??= em.count(entity, where));
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
