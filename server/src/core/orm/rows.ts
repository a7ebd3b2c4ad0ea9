import {
  QueryHelper,
  ReferenceKind,
  type EntityClass,
  type EntityMetadata,
  type FilterQuery,
  type FindOptions,
  type ObjectQuery,
  type Reference,
} from '@mikro-orm/core';
import type { EntityManager, Knex } from '@mikro-orm/postgresql';

/** A to-one reference as a row holds it: the target's id. */
export interface IdRef {
  readonly id: string;
}

/**
 * An entity as a read needs it (issue 18): its columns, each to-one reference as `{ id }`. Rows come
 * straight from the driver's mapped result, so a page of 50 files builds 50 plain objects where the
 * ORM would build 50 tracked entities, up to 200 reference stubs and their identity-map entries
 * (a third of a list request's CPU, measured). An entity satisfies its row type, so code that reads
 * through `Row<T>` serves both a row and an entity the request already holds.
 *
 * Rows are for reads: nothing tracks them, and a row is never flushed.
 */
export type Row<T> = {
  readonly [K in keyof T]: T[K] extends Reference<object>
    ? IdRef
    : T[K] extends Reference<object> | null
      ? IdRef | null
      : T[K];
};

const referenceNames = new WeakMap<EntityMetadata, readonly string[]>();

/** The to-one properties whose column holds the target's id, worked out once per entity. */
function referencesOf(meta: EntityMetadata): readonly string[] {
  let names = referenceNames.get(meta);
  if (!names) {
    names = meta.props
      .filter(
        (prop) =>
          prop.kind === ReferenceKind.MANY_TO_ONE ||
          (prop.kind === ReferenceKind.ONE_TO_ONE && prop.owner),
      )
      .map((prop) => prop.name);
    referenceNames.set(meta, names);
  }
  return names;
}

/** Turns the driver's mapped result (a reference as its bare id) into a row. */
export function rowOf<T>(meta: EntityMetadata, data: Record<string, unknown>): Row<T> {
  for (const name of referencesOf(meta)) {
    const id = data[name];
    data[name] = id === null || id === undefined ? null : { id };
  }
  return data as Row<T>;
}

/**
 * `em.find` without the entities: the same filter, order, limit and cursor options, the same
 * statement, but the result as rows. It reads what the database holds: the request's unflushed
 * changes are not seen, so it serves queries, not a use case that has written.
 */
export async function findRows<T extends object>(
  em: EntityManager,
  entity: EntityClass<T>,
  where: FilterQuery<T>,
  options: FindOptions<T> = {},
): Promise<Row<T>[]> {
  const meta = em.getMetadata().get<T>(entity.name);
  const processed = QueryHelper.processWhere<T>({
    where,
    entityName: meta.className,
    metadata: em.getMetadata(),
    platform: em.getPlatform(),
    aliased: true,
  });
  const results = await em.getDriver().find<T>(meta.className, processed as ObjectQuery<T>, {
    ...options,
    ctx: em.getTransactionContext<Knex.Transaction>(),
  });
  return results.map((data) => rowOf<T>(meta, data as Record<string, unknown>));
}
