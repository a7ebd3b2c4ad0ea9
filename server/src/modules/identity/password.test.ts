import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config/env.js';
import { hashPassword, PasswordHasher } from './password.js';

/** The algorithm and the cost parameters of an encoded argon2 hash. */
const costOf = (hash: string) => {
  const [, algorithm, , params] = hash.split('$');
  const cost = Object.fromEntries(params!.split(',').map((p) => p.split('=') as [string, string]));
  return { algorithm, m: Number(cost['m']), t: Number(cost['t']), p: Number(cost['p']) };
};

describe('password hashing', () => {
  it('hashes at production cost under the production config: argon2id, m=65536, t=3, above OWASP', async () => {
    const config = loadConfig({ NODE_ENV: 'production' });
    const passwords = new PasswordHasher(config.passwordCost);
    const hash = await passwords.hash('correct horse battery');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=65536,p=4,t=3\$/);
    const cost = costOf(hash);
    expect(cost).toEqual({ algorithm: 'argon2id', m: 65536, t: 3, p: 4 });
    // OWASP's minimum for argon2id: 19 MiB with t=2.
    expect(cost.m).toBeGreaterThanOrEqual(19456);
    expect(cost.t).toBeGreaterThanOrEqual(2);
    expect(await passwords.verify(hash, 'correct horse battery')).toBe(true);
    expect(await passwords.verify(hash, 'wrong')).toBe(false);
  });

  it('hashes at production cost by default, in the seeders and in development too', async () => {
    for (const hash of [
      await hashPassword('demo1234'),
      await new PasswordHasher().hash('demo1234'),
      await new PasswordHasher(loadConfig({}).passwordCost).hash('demo1234'),
    ])
      expect(costOf(hash)).toEqual({ algorithm: 'argon2id', m: 65536, t: 3, p: 4 });
  });

  it('hashes at the tiny test cost only when asked, and verifies across costs', async () => {
    const passwords = new PasswordHasher('test');
    const cheap = await passwords.hash('demo1234');
    expect(costOf(cheap)).toEqual({ algorithm: 'argon2id', m: 1024, t: 1, p: 1 });
    expect(await passwords.verify(cheap, 'demo1234')).toBe(true);
    expect(await passwords.verify(await hashPassword('demo1234'), 'demo1234')).toBe(true);
    expect(await passwords.verify(null, 'demo1234')).toBe(false);
  });
});
