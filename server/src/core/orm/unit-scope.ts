import { AsyncLocalStorage } from 'node:async_hooks';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Orm } from './orm.js';

/**
 * Code inside a unit of work reached past it: the request's outer EntityManager, or a query that
 * asked the pool for a connection of its own while the unit's transaction holds one. On PostgreSQL
 * that is a silent read outside the transaction; on the embedded database (one connection) it waits
 * for a connection that only the unit itself can free.
 */
export class OutsideUnitError extends Error {
  constructor(what: string) {
    super(`${what}: a write uses only its unit's context (its em, loaders, policies)`);
    this.name = 'OutsideUnitError';
  }
}

/** Work to do once a unit has committed; dropped when it rolls back. */
export type AfterCommit = () => void | Promise<void>;

/** The transaction a unit of work runs in, and what it will do after its commit. */
export interface UnitScope {
  readonly em: EntityManager;
  readonly afterCommit: AfterCommit[];
  /** The EntityManager the unit was opened from, unusable until it ends. */
  readonly sealed: EntityManager;
}

const scope = new AsyncLocalStorage<UnitScope>();
const unwrapped = new WeakMap<object, EntityManager>();

/** For units whose after-commit steps cannot fail quietly (seeding): the error surfaces. */
export const rethrow = (error: unknown): never => {
  throw error;
};

/** The unit of work the calling code runs in, if any. */
export const currentUnit = (): UnitScope | undefined => scope.getStore();

/**
 * Runs `work` in one transaction on a fork of `parent` (a request's EntityManager, or a fresh fork
 * for a sweep), then runs what it queued after the commit, in order; a failure rolls everything
 * back and drops the queue. Inside, `parent` throws OutsideUnitError when touched. A unit opened
 * inside another joins it: one transaction, one commit, one after-commit queue.
 */
export async function runInUnit<T>(
  parent: EntityManager,
  work: (unit: UnitScope) => Promise<T>,
  onAfterCommitError: (error: unknown) => void,
): Promise<T> {
  const joined = scope.getStore();
  if (joined) return work(joined);
  const raw = unwrapped.get(parent) ?? parent;
  const afterCommit: AfterCommit[] = [];
  const result = await raw.transactional((em) =>
    scope.run({ em, afterCommit, sealed: raw }, () => work({ em, afterCommit, sealed: raw })),
  );
  for (const hook of afterCommit) {
    try {
      await hook();
    } catch (error) {
      onAfterCommitError(error);
    }
  }
  return result;
}

/**
 * The request's EntityManager as resolvers get it: usable for reads before and after a unit of
 * work, and throwing OutsideUnitError while a unit opened from it runs.
 */
export function sealedDuringUnits(em: EntityManager): EntityManager {
  const bound = new Map<PropertyKey, unknown>();
  const proxy = new Proxy(em, {
    get(target, property) {
      if (scope.getStore()?.sealed === target)
        throw new OutsideUnitError(
          `the request's outer EntityManager was used inside a unit (.${String(property)})`,
        );
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      let method = bound.get(property);
      if (method === undefined) {
        method = (value as (...args: unknown[]) => unknown).bind(target);
        bound.set(property, method);
      }
      return method;
    },
  });
  unwrapped.set(proxy, em);
  return proxy;
}

/**
 * Makes the pool refuse a connection to code running inside a unit of work: the unit's own
 * transaction took its connection before the unit began, and everything inside must use it.
 */
export function guardPoolDuringUnits(orm: Orm): void {
  const client = orm.em.getConnection().getKnex().client as {
    acquireConnection: () => Promise<unknown>;
  };
  const acquire = client.acquireConnection.bind(client);
  client.acquireConnection = () => {
    if (scope.getStore())
      return Promise.reject(
        new OutsideUnitError('a query inside a unit asked the pool for another connection'),
      );
    return acquire();
  };
}
