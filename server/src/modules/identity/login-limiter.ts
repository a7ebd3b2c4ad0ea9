import type { Knex } from '@mikro-orm/postgresql';
import { AppError, ErrorCode } from '../../core/errors.js';
import { LoginLimitStore, type Counter, type LimitedHit } from './login-limit.store.js';

export interface LoginLimits {
  /** Failed attempts per login before a short lock, and its length. */
  perLogin: number;
  perLoginLockMinutes: number;
  /** Failed attempts per login in a day before a lock for the rest of it: the delay grows. */
  perLoginDaily: number;
  /** Failed attempts from one IP address in an hour, over all logins. */
  perIp: number;
}

export const defaultLoginLimits: LoginLimits = {
  perLogin: 5,
  perLoginLockMinutes: 15,
  perLoginDaily: 20,
  perIp: 50,
};

/** One kind of counter: its key prefix, what it counts, how many failures, over what window. */
interface Rule {
  prefix: 'login' | 'login-day' | 'ip';
  of: 'login' | 'ip';
  limit: number;
  windowMs: number;
}

/** A sign-in attempt that has taken its point of each counter; settled by `succeeded` or `passed`. */
export interface LoginAttempt {
  readonly counters: Counter[];
  readonly shortKey: string;
}

/**
 * Counts sign-in attempts per login and per IP in the database, shared by every server process. An
 * attempt takes its point before the password is checked, so parallel attempts cannot all pass a
 * counter; a right password gives its point back. A counter's window opens at its first point, and
 * a full counter refuses until the window closes.
 */
export class LoginLimiter {
  private readonly store: LoginLimitStore;
  private readonly rules: Rule[];

  constructor(knex: Knex, limits: LoginLimits) {
    this.store = new LoginLimitStore(knex);
    this.rules = [
      {
        prefix: 'login',
        of: 'login',
        limit: limits.perLogin,
        windowMs: limits.perLoginLockMinutes * 60_000,
      },
      { prefix: 'login-day', of: 'login', limit: limits.perLoginDaily, windowMs: 86_400_000 },
      { prefix: 'ip', of: 'ip', limit: limits.perIp, windowMs: 3_600_000 },
    ];
  }

  /**
   * Takes one attempt of every counter for this login and address, counted as a failure until the
   * password proves right; TOO_MANY_ATTEMPTS (counting nothing) while any counter is full.
   */
  async attempt(login: string, ip: string): Promise<LoginAttempt> {
    const now = Date.now();
    const keys = this.keys(login, ip);
    const hits: LimitedHit[] = this.rules.map((rule, index) => ({
      key: keys[index]!,
      windowMs: rule.windowMs,
      limit: rule.limit,
    }));
    const taken = await this.store.take(hits, now);
    await this.store.sweepNowAndThen(now);
    if ('retryAfterMs' in taken) throw tooMany(taken.retryAfterMs);
    return { counters: taken.counters, shortKey: keys[0]! };
  }

  /**
   * A right password that still may not sign in (pending, disabled): its attempt counts nowhere.
   */
  async passed(attempt: LoginAttempt): Promise<void> {
    await this.store.giveBack(attempt.counters.map((counter) => ({ ...counter, points: 1 })));
  }

  /**
   * A sign-in: the short per-login counter forgets the failures up to this attempt (those still
   * being checked in parallel after it stay counted); the others give this attempt back.
   */
  async succeeded(attempt: LoginAttempt): Promise<void> {
    await this.store.giveBack(
      attempt.counters.map((counter) => ({
        ...counter,
        points: counter.key === attempt.shortKey ? counter.points : 1,
      })),
    );
  }

  /** The counters' keys, in the order of the rules (the same keys rate-limiter-flexible wrote). */
  private keys(login: string, ip: string): string[] {
    return this.rules.map((rule) => `${rule.prefix}:${rule.of === 'login' ? login : ip}`);
  }
}

const tooMany = (msBeforeNext: number): AppError =>
  new AppError(ErrorCode.TooManyAttempts, 'Too many failed sign-in attempts; try again later', {
    details: { retryAfterSeconds: Math.max(1, Math.ceil(msBeforeNext / 1000)) },
  });

declare module '../../core/context.js' {
  interface AppServices {
    /** Counts sign-in attempts per login and address, before the password is checked. */
    loginLimiter: LoginLimiter;
  }
}
