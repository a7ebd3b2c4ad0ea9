import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { Loaders } from './orm/loaders.js';
import { currentUnit, OutsideUnitError, runInUnit, type AfterCommit } from './orm/unit-scope.js';
import type { Viewer } from './auth/viewer.js';
import { viewerOf, type AppContext } from './context.js';
import type { AppPubSub, Topics } from './topics.js';

/** Events a unit of work publishes once it has committed, in the order they were given. */
export class UnitEvents {
  constructor(
    private readonly pubSub: AppPubSub | null,
    private readonly queue: AfterCommit[],
  ) {}

  /** Publishes `topic` after the commit; a rolled-back unit publishes nothing. */
  publish<T extends keyof Topics>(topic: T, ...args: Topics[T]): void {
    const { pubSub } = this;
    if (pubSub) this.queue.push(() => pubSub.publish(topic, ...args));
  }

  /** Runs `hook` after the commit (a wake-up, a cleanup); dropped on rollback. */
  afterCommit(hook: AfterCommit): void {
    this.queue.push(hook);
  }
}

/** What a write outside a request (a sweep, the import, the mailer) works with. */
export interface Unit {
  /** The unit's transaction: the only EntityManager code inside the unit may use. */
  em: EntityManager;
  readonly events: UnitEvents;
}

/**
 * A request's context inside a unit of work: the same shape as AppContext, with the EntityManager,
 * the loaders (and so every policy built on them) bound to the unit's transaction, and its events.
 * Use cases that write take this, never AppContext.
 */
export interface UnitContext extends AppContext, Unit {
  readonly unitOfWork: true;
}

/**
 * Runs one use case of a request as one unit of work: one transaction, a context bound to it, the
 * events published after commit. While it runs, the request's own EntityManager and loaders throw.
 */
export function inUnit<T>(ctx: AppContext, work: (unit: UnitContext) => Promise<T>): Promise<T> {
  if (isUnitContext(ctx)) return work(ctx);
  return runInUnit(
    ctx.em,
    (scope) => {
      const unit: UnitContext = Object.assign(Object.create(ctx) as AppContext, {
        em: scope.em,
        loaders: new Loaders(scope.em),
        events: new UnitEvents(ctx.app.pubSub, scope.afterCommit),
        unitOfWork: true as const,
      });
      return work(unit);
    },
    (error) => ctx.logger.error({ err: error }, 'after-commit step failed'),
  );
}

/** A unit of work outside any request: `fork` is a fresh fork of the ORM's EntityManager. */
export function inSystemUnit<T>(
  fork: EntityManager,
  pubSub: AppPubSub | null,
  logger: Logger,
  work: (unit: Unit) => Promise<T>,
): Promise<T> {
  return runInUnit(
    fork,
    (scope) => work({ em: scope.em, events: new UnitEvents(pubSub, scope.afterCommit) }),
    (error) => logger.error({ err: error }, 'after-commit step failed'),
  );
}

const isUnitContext = (ctx: AppContext): ctx is UnitContext =>
  (ctx as Partial<UnitContext>).unitOfWork === true && currentUnit() !== undefined;

/** The unit of work `ctx` belongs to; a write reached outside one is a bug, and says so. */
export function unitOf(ctx: AppContext): UnitContext {
  if (!isUnitContext(ctx))
    throw new OutsideUnitError('a write was reached outside any unit of work');
  return ctx;
}

/** What every use case shares: its context, the signed-in viewer, and for writes, its unit. */
export abstract class UseCase<C extends AppContext = AppContext> {
  constructor(protected readonly ctx: C) {}

  protected get viewer(): Viewer {
    return viewerOf(this.ctx);
  }

  /** The unit of work a writing use case runs in (its resolver opened it with `inUnit`). */
  protected get unit(): UnitContext {
    return unitOf(this.ctx);
  }
}
