import { randomBytes } from 'node:crypto';
import argon2 from 'argon2';

/**
 * argon2id at the package defaults (64 MiB, t=3, p=4: above OWASP's minimum). Unknown logins are
 * verified against a throwaway hash, so the answer takes as long as for a wrong password.
 */
export class PasswordHasher {
  private readonly dummy: Promise<string>;

  constructor() {
    this.dummy = argon2.hash(randomBytes(32).toString('base64url'));
  }

  hash(password: string): Promise<string> {
    return argon2.hash(password, { type: argon2.argon2id });
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
