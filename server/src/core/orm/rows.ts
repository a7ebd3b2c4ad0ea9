import {
  raw,
  ReferenceKind,
  type EntityClass,
  type EntityMetadata,
  type FilterQuery,
  type QueryOrderMap,
  type Reference,
} from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { quote, rowAsJson } from './json-row.js';
import { runSql } from './sql.js';
import { StatementPlans, type Statement } from './statement-plans.js';

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
 * A timestamp as a Date: the driver parses a column's already; jsonb's ISO text
 * (`2026-12-06T02:11:50.24+00:00`) `Date` reads as it is; PostgreSQL's text form
 * (`2026-12-06 02:11:50.24+00`) needs the `T` and a whole offset first.
 */
const instantOf = (value: unknown): Date => {
  if (value instanceof Date) return value;
  const text = String(value);
  return new Date(
    text.charAt(10) === 'T' ? text : text.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00'),
  );
};

/**
 * A row from a record keyed by column (a result row, or `to_jsonb(t)` of the table): timestamps
 * become `Date`s, a reference `{ id }`; dates stay ISO text and decimals the text they were sent as.
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
            ? instantOf(value)
            : value;
  }
  return row as Row<T>;
}

/** What `findRows` takes: `em.find`'s order, limit and cursor options, and the references to join. */
export interface RowFindOptions<T> {
  orderBy?: QueryOrderMap<T>;
  first?: number;
  after?: string;
  overfetch?: boolean;
  limit?: number;
  /** To-one references read in the same statement, each as a whole row of its entity. */
  join?: readonly string[];
}

/** MikroORM's cursor conditions, which its SQL driver keeps to itself. */
interface CursorConditions {
  processCursorOptions<T>(
    meta: EntityMetadata<T>,
    options: RowFindOptions<T>,
    orderBy: QueryOrderMap<T>,
  ): { orderBy: QueryOrderMap<T>[]; where: FilterQuery<T> };
}

const joinedTargets = new WeakMap<EntityMetadata, Map<string, EntityMetadata>>();

/** The entity behind a joined reference of `meta`. */
export function joinedTarget(meta: EntityMetadata, name: string): EntityMetadata {
  let targets = joinedTargets.get(meta);
  if (!targets) joinedTargets.set(meta, (targets = new Map<string, EntityMetadata>()));
  let target = targets.get(name);
  if (!target) {
    target = referencesOf(meta).find(([reference]) => reference === name)?.[1];
    if (!target) throw new Error(`${meta.className}.${name} is not a to-one reference`);
    targets.set(name, target);
  }
  return target;
}

/** Statements of `findRows`, written once per shape of filter, cursor and options. */
const plans = new StatementPlans();

/**
 * The statement of `findRows`: planned once per shape (`StatementPlans`), or, with `plans` null,
 * written by the query builder every time.
 */
export function findStatement<T extends object>(
  em: EntityManager,
  entity: EntityClass<T>,
  where: FilterQuery<T>,
  options: RowFindOptions<T>,
  statementPlans: StatementPlans | null = plans,
): Statement {
  const meta = em.getMetadata().get<T>(entity.name);
  const write = (plannedWhere: unknown, after: string | undefined): Statement => {
    const { sql, bindings } = writeFind(em, meta, plannedWhere as FilterQuery<T>, {
      ...options,
      ...(after === undefined ? {} : { after }),
    })
      .getKnexQuery()
      .toSQL();
    return { sql, bindings };
  };
  if (!statementPlans) return write(where, options.after);
  const { after, ...shaping } = options;
  return statementPlans.compile(
    `${meta.className}|${JSON.stringify(shaping)}`,
    where,
    after,
    write,
  );
}

/** MikroORM's query builder for `findRows`: the filter, the cursor's conditions, order, limit, joins. */
function writeFind<T extends object>(
  em: EntityManager,
  meta: EntityMetadata<T>,
  where: FilterQuery<T>,
  options: RowFindOptions<T>,
) {
  const join = options.join ?? [];
  const qb = em.createQueryBuilder(meta.class, 'r').select('r.*').where(where);
  const find = { ...options };
  if (find.first !== undefined || find.after !== undefined) {
    const cursor = (em.getDriver() as unknown as CursorConditions).processCursorOptions(
      meta,
      find,
      find.orderBy ?? {},
    );
    qb.andWhere(cursor.where).orderBy(cursor.orderBy);
  } else if (find.orderBy) {
    qb.orderBy(find.orderBy);
  }
  if (find.limit !== undefined) qb.limit(find.limit);
  join.forEach((name, index) => {
    const row = rowAsJson(em, joinedTarget(meta, name).class, `j${index}`);
    qb.leftJoin(`r.${name}`, `j${index}`).addSelect(raw(`${row} as "${joinedKey(index)}"`));
  });
  return qb;
}

/**
 * `em.find` without the entities: the same filter, order, limit and cursor, one statement, the
 * result as rows built straight from the result's columns (a joined reference comes as one jsonb
 * column of its table's row, decimals as text). It reads what the database holds: the request's
 * unflushed changes are not seen, so it serves queries, not a use case that has written.
 */
export async function findRows<T extends object>(
  em: EntityManager,
  entity: EntityClass<T>,
  where: FilterQuery<T>,
  options: RowFindOptions<T> = {},
): Promise<Row<T>[]> {
  const meta = em.getMetadata().get<T>(entity.name);
  const join = options.join ?? [];
  const statement = findStatement(em, entity, where, options);
  const results = await runSql<Record<string, unknown>>(em, statement.sql, statement.bindings);
  return results.map((columns) => withJoined(meta, rowOfColumns<T>(meta, columns), columns, join));
}

/**
 * SQL for the row of `meta` aliased `alias` as one jsonb value (see `rowAsJson`) that also carries,
 * under `joinedKey(place)`, the whole row of each reference in `join` (by primary key, so a
 * reference costs an index lookup inside the same statement); `withJoined` reads them back.
 */
export function rowWithJoinedAsJson(
  em: EntityManager,
  meta: EntityMetadata,
  alias: string,
  join: readonly string[],
): string {
  const own = rowAsJson(em, meta.class, alias);
  if (join.length === 0) return own;
  const joined = join.map((name, place) => {
    const target = joinedTarget(meta, name);
    const field = meta.properties[name]!.fieldNames[0]!;
    const targetAlias = `${alias}_j${place}`;
    return (
      `'${joinedKey(place)}', (select ${rowAsJson(em, target.class, targetAlias)} ` +
      `from ${quote(target.tableName)} as ${targetAlias} where ${targetAlias}.id = ${alias}.${quote(field)})`
    );
  });
  return `(${own} || jsonb_build_object(${joined.join(', ')}))`;
}

/** The key a joined reference's row comes under, by its place in `join`. */
export const joinedKey = (index: number): string => `${index}__row`;

/** `row` with each reference in `join` set to the whole row `columns` brought for it (if any). */
export function withJoined<T>(
  meta: EntityMetadata,
  row: Row<T>,
  columns: Record<string, unknown>,
  join: readonly string[],
): Row<T> {
  join.forEach((name, index) => {
    const joined = columns[joinedKey(index)] as Record<string, unknown> | null | undefined;
    if (joined)
      (row as Record<string, unknown>)[name] = rowOfColumns(joinedTarget(meta, name), joined);
  });
  return row;
}
