import type { Knex } from '@mikro-orm/postgresql';
import { AppError, ErrorCode } from '../../core/errors.js';
import { LoginLimitStore } from './login-limit.store.js';

export interface RegistrationLimits {
  /** Registrations from one IP address in an hour. */
  perIpHour: number;
  /** Registrations with one organization in a day, from anywhere. */
  perDay: number;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/**
 * Counts registrations per address and per organization in `login_limit` (keys `register-ip:` and
 * `register-day:`), shared by every server process. A registration takes its point before the
 * password is hashed, whatever comes of it, so parallel requests cannot all pass a counter.
 */
export class RegistrationLimiter {
  private readonly store: LoginLimitStore;

  constructor(
    knex: Knex,
    private readonly limits: RegistrationLimits,
  ) {
    this.store = new LoginLimitStore(knex);
  }

  /** Takes one registration of both counters; TOO_MANY_ATTEMPTS (counting nothing) when one is full. */
  async take(ip: string, organizationId: string): Promise<void> {
    const now = Date.now();
    const taken = await this.store.take(
      [
        { key: `register-ip:${ip}`, windowMs: HOUR_MS, limit: this.limits.perIpHour },
        { key: `register-day:${organizationId}`, windowMs: DAY_MS, limit: this.limits.perDay },
      ],
      now,
    );
    await this.store.sweepNowAndThen(now);
    if ('retryAfterMs' in taken) {
      throw new AppError(
        ErrorCode.TooManyAttempts,
        'Too many requests for access; try again later',
        {
          details: { retryAfterSeconds: Math.max(1, Math.ceil(taken.retryAfterMs / 1000)) },
        },
      );
    }
  }
}

declare module '../../core/context.js' {
  interface AppServices {
    /** Counts registrations per address an hour and per organization a day. */
    registrationLimiter: RegistrationLimiter;
  }
}
