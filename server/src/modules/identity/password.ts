import { randomBytes } from 'node:crypto';
import argon2 from 'argon2';

/** How hard a password hash is to compute: `test` exists for the test suite only (see config). */
export type PasswordCost = 'standard' | 'test';

/** argon2id parameters per cost; `standard` is the package's defaults, written out. */
const argon2Options = {
  standard: { type: argon2.argon2id, memoryCost: 65_536, timeCost: 3, parallelism: 4 },
  // Far below any safe cost; the config refuses it outside NODE_ENV=test.
  test: { type: argon2.argon2id, memoryCost: 1024, timeCost: 1, parallelism: 1 },
} as const;

/** One argon2id hash of `password` at `cost` (seeders hash a shared demo password once). */
export const hashPassword = (password: string, cost: PasswordCost = 'standard'): Promise<string> =>
  argon2.hash(password, argon2Options[cost]);

/**
 * argon2id at 64 MiB, t=3, p=4 (above OWASP's minimum). Unknown logins are verified against a
 * throwaway hash, so the answer takes as long as for a wrong password.
 */
export class PasswordHasher {
  private readonly dummy: Promise<string>;

  constructor(private readonly cost: PasswordCost = 'standard') {
    this.dummy = hashPassword(randomBytes(32).toString('base64url'), cost);
  }

  hash(password: string): Promise<string> {
    return hashPassword(password, this.cost);
  }

  async verify(hash: string | null, password: string): Promise<boolean> {
    const target = hash ?? (await this.dummy);
    const ok = await argon2.verify(target, password).catch(() => false);
    return ok && hash !== null;
  }
}

declare module '../../core/context.js' {
  interface AppServices {
    /** Hashes and verifies passwords (argon2id). */
    passwords: PasswordHasher;
  }
}
