import {
  LoadStrategy,
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

/** Marks an object as a whole row (a reference read by a join is one; a bare `{ id }` is not). */
const WHOLE = Symbol('row');

/** Whether `ref` carries its target's columns (joined into the read), not only its id. */
export function isWholeRow<T>(ref: IdRef): ref is Row<T> & IdRef {
  return (ref as { [WHOLE]?: true })[WHOLE] === true;
}

const referencesByEntity = new WeakMap<EntityMetadata, readonly [string, EntityMetadata][]>();

/** The to-one properties whose column holds the target's id, worked out once per entity. */
function referencesOf(meta: EntityMetadata): readonly [string, EntityMetadata][] {
  let references = referencesByEntity.get(meta);
  if (!references) {
    references = meta.props
      .filter(
        (prop) =>
          prop.kind === ReferenceKind.MANY_TO_ONE ||
          (prop.kind === ReferenceKind.ONE_TO_ONE && prop.owner),
      )
      .map((prop): [string, EntityMetadata] => [prop.name, prop.targetMeta!]);
    referencesByEntity.set(meta, references);
  }
  return references;
}

/**
 * Turns the driver's mapped result into a row: a reference read as its bare id becomes `{ id }`,
 * one joined into the read (an object) becomes a whole row of its own entity.
 */
export function rowOf<T>(meta: EntityMetadata, data: Record<string, unknown>): Row<T> {
  for (const [name, target] of referencesOf(meta)) {
    const value = data[name];
    if (value === null || value === undefined) data[name] = null;
    else if (typeof value === 'object') rowOf(target, value as Record<string, unknown>);
    else data[name] = { id: value };
  }
  (data as { [WHOLE]?: true })[WHOLE] = true;
  return data as Row<T>;
}

interface ColumnPlan {
  readonly name: string;
  readonly field: string;
  readonly as: 'value' | 'instant' | 'reference';
}

const columnPlans = new WeakMap<EntityMetadata, readonly ColumnPlan[]>();

/** How each column of an entity's table becomes a row's property, worked out once per entity. */
function columnPlanOf(meta: EntityMetadata): readonly ColumnPlan[] {
  let plan = columnPlans.get(meta);
  if (!plan) {
    plan = meta.props
      .filter(
        (prop) =>
          prop.persist !== false &&
          prop.fieldNames?.length === 1 &&
          (prop.kind === ReferenceKind.SCALAR ||
            prop.kind === ReferenceKind.MANY_TO_ONE ||
            (prop.kind === ReferenceKind.ONE_TO_ONE && prop.owner)),
      )
      .map((prop) => ({
        name: prop.name,
        field: prop.fieldNames[0]!,
        as:
          prop.kind !== ReferenceKind.SCALAR
            ? 'reference'
            : prop.runtimeType === 'Date'
              ? 'instant'
              : 'value',
      }));
    columnPlans.set(meta, plan);
  }
  return plan;
}

/**
 * A row from a record keyed by column (`to_jsonb(t)` of the table): timestamps become `Date`s, a
 * reference `{ id }`; dates stay ISO text and decimals the text they were sent as.
 */
export function rowOfColumns<T>(meta: EntityMetadata, columns: Record<string, unknown>): Row<T> {
  const row: Record<string | symbol, unknown> = { [WHOLE]: true };
  for (const { name, field, as } of columnPlanOf(meta)) {
    const value = columns[field] ?? null;
    row[name] =
      value === null
        ? null
        : as === 'reference'
          ? { id: value }
          : as === 'instant'
            ? new Date(value as string)
            : value;
  }
  return row as Row<T>;
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
  options: FindOptions<T> & { join?: readonly string[] } = {},
): Promise<Row<T>[]> {
  const meta = em.getMetadata().get<T>(entity.name);
  const processed = QueryHelper.processWhere<T>({
    where,
    entityName: meta.className,
    metadata: em.getMetadata(),
    platform: em.getPlatform(),
    aliased: true,
  });
  const { join = [], ...find } = options;
  const results = await em.getDriver().find<T>(meta.className, processed as ObjectQuery<T>, {
    ...find,
    // References the read shows anyway (a list's departments) come in the same statement.
    populate: join.map((field) => ({ field, strategy: LoadStrategy.JOINED })) as never,
    ctx: em.getTransactionContext<Knex.Transaction>(),
  });
  return results.map((data) => rowOf<T>(meta, data as Record<string, unknown>));
}
