import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type { Knex } from '@mikro-orm/postgresql';
import { AppError, ErrorCode } from '../../core/errors.js';

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

/** Counts failed sign-ins per login and per IP in PostgreSQL, shared by every server process. */
export class LoginLimiter {
  private readonly limiters: { limiter: RateLimiterPostgres; key: 'login' | 'ip' }[];

  constructor(knex: Knex, limits: LoginLimits) {
    const store = (keyPrefix: string, points: number, duration: number, blockDuration: number) =>
      new RateLimiterPostgres({
        storeClient: knex,
        storeType: 'knex',
        tableName: 'login_limit',
        tableCreated: true,
        clearExpiredByTimeout: false,
        keyPrefix,
        points,
        duration,
        blockDuration,
      });
    this.limiters = [
      {
        limiter: store(
          'login',
          limits.perLogin,
          limits.perLoginLockMinutes * 60,
          limits.perLoginLockMinutes * 60,
        ),
        key: 'login',
      },
      { limiter: store('login-day', limits.perLoginDaily, 86_400, 86_400), key: 'login' },
      { limiter: store('ip', limits.perIp, 3_600, 3_600), key: 'ip' },
    ];
  }

  /** Refuses with TOO_MANY_ATTEMPTS while any counter for this login or address is exhausted. */
  async assertAllowed(login: string, ip: string): Promise<void> {
    const states = await Promise.all(
      this.limiters.map(({ limiter, key }) => limiter.get(key === 'login' ? login : ip)),
    );
    const waits = states.flatMap((state, index) =>
      state && state.consumedPoints >= this.limiters[index]!.limiter.points
        ? [state.msBeforeNext]
        : [],
    );
    if (waits.length > 0) throw tooMany(Math.max(...waits));
  }

  /** Records a failed attempt. */
  async failed(login: string, ip: string): Promise<void> {
    await Promise.all(
      this.limiters.map(({ limiter, key }) =>
        limiter.consume(key === 'login' ? login : ip).catch((error: unknown) => {
          if (!(error instanceof RateLimiterRes)) throw error;
        }),
      ),
    );
  }

  /** A successful sign-in clears the short per-login counter. */
  async succeeded(login: string): Promise<void> {
    await this.limiters[0]!.limiter.delete(login);
  }
}

const tooMany = (msBeforeNext: number): AppError =>
  new AppError(ErrorCode.TooManyAttempts, 'Too many failed sign-in attempts; try again later', {
    details: { retryAfterSeconds: Math.ceil(msBeforeNext / 1000) },
  });
