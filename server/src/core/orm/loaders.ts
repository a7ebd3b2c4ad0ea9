import DataLoader from 'dataloader';
import type { EntityClass, FilterQuery, QueryOrderMap } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  findRows,
  isWholeRow,
  rowOfColumns,
  rowWithJoinedAsJson,
  withJoined,
  type Row,
} from './rows.js';
import { quote } from './json-row.js';
import { runSql } from './sql.js';

interface WithId {
  id: string;
}

/**
 * Per-request DataLoaders: every `load(id)` issued in one tick becomes one `where id in (...)` query.
 * A request's loaders share its EntityManager fork, so loaded entities stay in its identity map.
 */
export class Loaders {
  private readonly entitiesById: ByIdLoaders = new Map();
  private readonly rowsById: ByIdLoaders = new Map();
  private readonly custom = new Map<unknown, unknown>();

  constructor(readonly em: EntityManager) {}

  /** A module's own loader (aggregates, filtered lists), created once per request. */
  get<L>(factory: (em: EntityManager) => L): L {
    let loader = this.custom.get(factory) as L | undefined;
    if (loader === undefined) {
      loader = factory(this.em);
      this.custom.set(factory, loader);
    }
    return loader;
  }

  /** Loads one entity of `entity` by id, batched with every other load of the same tick. */
  load<T extends WithId>(entity: EntityClass<T>, id: string): Promise<T | null> {
    return this.loaderFor(entity).load(id);
  }

  /** Loads an optional reference, e.g. `employee.department`. */
  loadRef<T extends WithId>(entity: EntityClass<T>, ref: { id: string } | null | undefined) {
    return ref ? this.load(entity, ref.id) : Promise.resolve(null);
  }

  /**
   * Loads one row of `entity` by id (see `Row`), batched like `load`: for what a read shows of a
   * referenced record (a department's name, a position), where a tracked entity is wasted work.
   */
  row<T extends WithId>(entity: EntityClass<T>, id: string): Promise<Row<T> | null> {
    return this.rowLoaderFor(entity).load(id);
  }

  private rowLoaderFor<T extends WithId>(entity: EntityClass<T>) {
    return byId<T, Row<T>>(this.rowsById, entity, (where) =>
      findRows(this.em, entity, where, { join: joinsWhenRead(entity) }),
    );
  }

  /** Hands the request a row it read with something else (the viewer's own file, with the session). */
  primeRow<T extends WithId>(entity: EntityClass<T>, row: Row<T> & WithId): void {
    this.rowLoaderFor(entity).prime(row.id, row);
  }

  /** `row` of an optional reference, e.g. `employee.department`; a joined one costs nothing. */
  rowRef<T extends WithId>(
    entity: EntityClass<T>,
    ref: { id: string } | null | undefined,
  ): Promise<Row<T> | null> {
    if (!ref) return Promise.resolve(null);
    return isWholeRow<T>(ref) ? Promise.resolve(ref) : this.row(entity, ref.id);
  }

  private loaderFor<T extends WithId>(entity: EntityClass<T>) {
    return byId(this.entitiesById, entity, (where) => this.em.find(entity, where));
  }
}

type ByIdLoaders = Map<EntityClass<WithId>, DataLoader<string, unknown>>;

const readJoins = new WeakMap<EntityClass<object>, readonly string[]>();

/**
 * Declares the to-one references that come with every row of `entity` read by id (`Loaders.row`,
 * and a row primed from another statement): where nearly every read of the row shows them (an
 * employee's department and position), a join costs less than a statement of its own.
 */
export function joinWhenRead<T extends object>(
  entity: EntityClass<T>,
  join: readonly (keyof T & string)[],
): void {
  readJoins.set(entity, join);
}

/** The references `joinWhenRead` declared for `entity`. */
export const joinsWhenRead = (entity: EntityClass<object>): readonly string[] =>
  readJoins.get(entity) ?? [];

/** The request's loader of `entity` by id in `loaders` (made on first use), reading with `read`. */
function byId<T extends WithId, R>(
  loaders: ByIdLoaders,
  entity: EntityClass<T>,
  read: (where: FilterQuery<T>) => Promise<R[]>,
): DataLoader<string, R | null> {
  let loader = loaders.get(entity) as DataLoader<string, R | null> | undefined;
  if (!loader) {
    loader = new DataLoader<string, R | null>(async (ids) => {
      const rows = await read({ id: { $in: [...ids] } } as unknown as FilterQuery<T>);
      // Rows and entities alike carry their id.
      const found = new Map(rows.map((row) => [(row as WithId).id, row]));
      return ids.map((id) => found.get(id) ?? null);
    });
    loaders.set(entity, loader);
  }
  return loader;
}

/**
 * A loader of the entities that belong to each owner (a task's events, a sheet's values …), grouped
 * per owner in `orderBy` order. The batches of every such loader dispatched in one tick share one
 * statement (see `ownerRows`), so a file's sections cost one query, not one per table.
 */
export function rowsByOwner<T extends object>(
  entity: EntityClass<T>,
  ownerProperty: keyof T & string,
  orderBy: QueryOrderMap<T>,
) {
  return ownedLoader<T, T>(entity, ownerProperty, orderBy, false);
}

/**
 * `rowsByOwner` for what a read only shows (a file's sections): the same shared statement, each
 * record as a row (see `Row`) instead of a tracked entity with a reference stub per foreign key.
 */
export function readRowsByOwner<T extends object>(
  entity: EntityClass<T>,
  ownerProperty: keyof T & string,
  orderBy: QueryOrderMap<T>,
  /** To-one references read in the same statement, each as a whole row (see `findRows`). */
  join: readonly (keyof T & string)[] = [],
) {
  return ownedLoader<T, Row<T>>(entity, ownerProperty, orderBy, true, join);
}

function ownedLoader<T extends object, R>(
  entity: EntityClass<T>,
  ownerProperty: keyof T & string,
  orderBy: QueryOrderMap<T>,
  plain: boolean,
  join: readonly string[] = [],
) {
  return (em: EntityManager) =>
    new DataLoader<string, R[]>(async (ownerIds) => {
      const rows = await ownerRows(em).load({
        entity,
        ownerProperty,
        orderBy,
        ownerIds,
        plain,
        join,
      });
      const grouped = new Map<string, R[]>(ownerIds.map((id) => [id, []]));
      for (const row of rows as Record<string, { id: string }>[]) {
        grouped.get(row[ownerProperty]!.id)?.push(row as R);
      }
      return ownerIds.map((id) => grouped.get(id) ?? []);
    });
}

interface OwnerRowsRequest {
  entity: EntityClass<object>;
  ownerProperty: string;
  orderBy: QueryOrderMap<object>;
  ownerIds: readonly string[];
  /** Rows (see `Row`) rather than entities. */
  plain: boolean;
  /** References whose rows come along (plain requests only). */
  join: readonly string[];
}

const ownerRowsBatches = new WeakMap<EntityManager, DataLoader<OwnerRowsRequest, object[]>>();

/** The request's (or unit's) batch of owner-row reads: one `union all` for all tables asked at once. */
function ownerRows(em: EntityManager): DataLoader<OwnerRowsRequest, object[]> {
  let batch = ownerRowsBatches.get(em);
  if (!batch) {
    batch = new DataLoader<OwnerRowsRequest, object[]>((requests) => readOwnerRows(em, requests), {
      cache: false,
    });
    ownerRowsBatches.set(em, batch);
  }
  return batch;
}

const DIRECTIONS = /^(asc|desc)( nulls (first|last))?$/i;

/**
 * Each request's rows as jsonb tagged with the request's index, in its order; decimals travel as
 * text so money stays exact. Rows are hydrated into the EntityManager as `find` would, or, for a
 * plain request, turned into rows.
 */
async function readOwnerRows(
  em: EntityManager,
  requests: readonly OwnerRowsRequest[],
): Promise<object[][]> {
  const params: unknown[] = [];
  const parts = requests.map((request, index) => {
    const meta = em.getMetadata().get(request.entity.name);
    const column = (property: string) => {
      const field = meta.properties[property]?.fieldNames[0];
      if (!field) throw new Error(`${meta.className}.${property} has no column`);
      return `t.${quote(field)}`;
    };
    const order = Object.entries(request.orderBy).map(([property, direction]) => {
      if (!DIRECTIONS.test(String(direction))) throw new Error(`bad order ${String(direction)}`);
      return `${column(property)} ${String(direction)}`;
    });
    params.push(...request.ownerIds);
    const row = rowWithJoinedAsJson(em, meta, 't', request.join);
    return (
      `select ${index} as q, row_number() over (order by ${order.join(', ') || 't.id'}) as n, ` +
      `${row} as r from ${quote(meta.tableName)} as t ` +
      `where ${column(request.ownerProperty)} in (${request.ownerIds.map(() => '?').join(', ')})`
    );
  });
  const rows = await runSql<{ q: number; r: Record<string, unknown> }>(
    em,
    `select q, r from (${parts.join(' union all ')}) as owned order by q, n`,
    params,
  );
  const results: object[][] = requests.map(() => []);
  for (const { q, r } of rows) {
    const request = requests[q]!;
    const meta = em.getMetadata().get(request.entity.name);
    results[q]!.push(
      request.plain
        ? withJoined(meta, rowOfColumns(meta, r), r, request.join)
        : em.map(request.entity, r),
    );
  }
  return results;
}
