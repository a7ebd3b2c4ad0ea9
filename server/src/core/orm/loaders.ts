import DataLoader from 'dataloader';
import type { EntityClass, FilterQuery, QueryOrderMap } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';

interface WithId {
  id: string;
}

/**
 * Per-request DataLoaders: every `load(id)` issued in one tick becomes one `where id in (...)` query.
 * A request's loaders share its EntityManager fork, so loaded entities stay in its identity map.
 */
export class Loaders {
  private readonly byId = new Map<EntityClass<WithId>, DataLoader<string, WithId | null>>();
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

  private loaderFor<T extends WithId>(entity: EntityClass<T>): DataLoader<string, T | null> {
    let loader = this.byId.get(entity);
    if (!loader) {
      loader = new DataLoader<string, WithId | null>(async (ids) => {
        const rows = await this.em.find(entity, {
          id: { $in: [...ids] },
        } as unknown as FilterQuery<T>);
        const found = new Map(rows.map((row) => [row.id, row]));
        return ids.map((id) => found.get(id) ?? null);
      });
      this.byId.set(entity, loader);
    }
    return loader as DataLoader<string, T | null>;
  }
}

/**
 * A loader of the rows that belong to each owner (an employee's assignments, leaves …): one
 * `where owner in (...)` query per batch, rows grouped per owner in `orderBy` order.
 */
export function rowsByOwner<T extends object>(
  entity: EntityClass<T>,
  ownerProperty: keyof T & string,
  orderBy: QueryOrderMap<T>,
) {
  return (em: EntityManager) =>
    new DataLoader<string, T[]>(async (ownerIds) => {
      const rows = await em.find(
        entity,
        { [ownerProperty]: { $in: [...ownerIds] } } as unknown as FilterQuery<T>,
        { orderBy },
      );
      const grouped = new Map<string, T[]>(ownerIds.map((id) => [id, []]));
      for (const row of rows) {
        const owner = (row[ownerProperty] as { id: string }).id;
        grouped.get(owner)?.push(row);
      }
      return ownerIds.map((id) => grouped.get(id) ?? []);
    });
}
