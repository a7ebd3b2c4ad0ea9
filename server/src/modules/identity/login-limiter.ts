import type { Knex } from '@mikro-orm/postgresql';
import { AppError, ErrorCode } from '../../core/errors.js';
import { LoginLimitStore, type CounterHit } from './login-limit.store.js';

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

/** Expired counters are deleted at most this often, by the next failed attempt. */
const SWEEP_EVERY_MS = 60 * 60_000;

/**
 * Counts failed sign-ins per login and per IP in the database, shared by every server process: a
 * counter's window opens at its first failure, and a full counter refuses until the window closes.
 */
export class LoginLimiter {
  private readonly store: LoginLimitStore;
  private readonly rules: Rule[];
  private nextSweep = 0;

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

  /** Refuses with TOO_MANY_ATTEMPTS while any counter for this login or address is exhausted. */
  async assertAllowed(login: string, ip: string): Promise<void> {
    const now = Date.now();
    const keys = this.keys(login, ip);
    const counters = await this.store.read(keys, now);
    const waits = counters.flatMap((counter) => {
      const rule = this.rules[keys.indexOf(counter.key)];
      return rule && counter.points >= rule.limit ? [counter.expiresAt - now] : [];
    });
    if (waits.length > 0) throw tooMany(Math.max(...waits));
  }

  /** Records a failed attempt on every counter at once. */
  async failed(login: string, ip: string): Promise<void> {
    const now = Date.now();
    const keys = this.keys(login, ip);
    const hits: CounterHit[] = this.rules.map((rule, index) => ({
      key: keys[index]!,
      windowMs: rule.windowMs,
    }));
    await this.store.hit(hits, now);
    if (now >= this.nextSweep) {
      this.nextSweep = now + SWEEP_EVERY_MS;
      await this.store.sweep(now);
    }
  }

  /** A successful sign-in clears the short per-login counter. */
  async succeeded(login: string): Promise<void> {
    await this.store.reset(this.keys(login, '')[0]!);
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
