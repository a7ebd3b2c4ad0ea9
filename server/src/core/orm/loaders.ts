import DataLoader from 'dataloader';
import type { EntityClass, FilterQuery } from '@mikro-orm/core';
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
