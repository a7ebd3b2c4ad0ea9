import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './env.js';

describe('loadConfig', () => {
  it('defaults to the embedded database under ./data on port 4000, seeding the demo', () => {
    const config = loadConfig({ INIT_CWD: '/srv/kabinet' });
    expect(config.port).toBe(4000);
    expect(config.database).toEqual({
      kind: 'embedded',
      dataDir: '/srv/kabinet/data',
      idleTimeoutMs: 30_000,
      acquireTimeoutMs: 5_000,
    });
    expect(config.seedDemo).toBe(true);
    expect(config.redisUrl).toBeUndefined();
  });

  it('uses DATABASE_URL and does not seed a real database unless asked', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://kabinet@db:5432/kabinet',
      DATABASE_POOL_MAX: '5',
      DATABASE_IDLE_TIMEOUT_MS: '2000',
      DATABASE_ACQUIRE_TIMEOUT_MS: '1500',
    });
    expect(config.database).toEqual({
      kind: 'postgres',
      url: 'postgres://kabinet@db:5432/kabinet',
      poolMax: 5,
      idleTimeoutMs: 2000,
      acquireTimeoutMs: 1500,
    });
    expect(config.seedDemo).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres://db/k', SEED_DEMO: 'true' }).seedDemo).toBe(true);
  });

  it('a production start seeds the demo accounts only when SEED_DEMO=true is explicit', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).seedDemo).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', SEED_DEMO: 'auto' }).seedDemo).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', SEED_DEMO: 'true' }).seedDemo).toBe(true);
    expect(loadConfig({ NODE_ENV: 'development' }).seedDemo).toBe(true);
  });

  it('hashes passwords at the standard cost unless NODE_ENV=test asks for the test one', () => {
    expect(loadConfig({}).passwordCost).toBe('standard');
    expect(loadConfig({ NODE_ENV: 'production' }).passwordCost).toBe('standard');
    expect(loadConfig({ NODE_ENV: 'test', PASSWORD_HASHING: 'test' }).passwordCost).toBe('test');
    for (const NODE_ENV of ['production', 'development', undefined]) {
      let error: unknown;
      try {
        loadConfig({ NODE_ENV, PASSWORD_HASHING: 'test' });
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).issues).toEqual([
        'PASSWORD_HASHING: test is allowed only with NODE_ENV=test (got "test")',
      ]);
    }
  });

  it('sends HSTS when PUBLIC_URL is https:// unless HSTS=false, and on plain HTTP only when asked', () => {
    const https = { PUBLIC_URL: 'https://kabinet.school.example' };
    expect(loadConfig({}).hsts).toBe(false);
    expect(loadConfig(https).hsts).toBe(true);
    expect(loadConfig({ ...https, HSTS: 'false' }).hsts).toBe(false);
    expect(loadConfig({ HSTS: 'true' }).hsts).toBe(true);
  });

  it('lists every bad variable at once, without echoing URLs that may hold passwords', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', LOG_LEVEL: 'loud', DATABASE_URL: 'mysql://root:secret@db/x' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect((error as ConfigError).issues).toHaveLength(3);
    expect(message).toMatch(/PORT/);
    expect(message).toMatch(/LOG_LEVEL/);
    expect(message).toMatch(/DATABASE_URL: must be a URL like postgres:/);
    expect(message).not.toMatch(/secret/);
  });
});

describe('e-mail settings', () => {
  it('are off without SMTP_URL, and with it default the sender to the portal host', () => {
    expect(loadConfig({}).mail).toBeNull();
    expect(loadConfig({}).publicUrl).toBe('http://localhost:4000');
    const config = loadConfig({
      SMTP_URL: 'smtps://kabinet:secret@mail.example.ru:465',
      PUBLIC_URL: 'https://lk.school7.example.ru/',
      MAIL_POLL_SECONDS: '0.5',
    });
    expect(config.publicUrl).toBe('https://lk.school7.example.ru');
    expect(config.mail).toEqual({
      smtpUrl: 'smtps://kabinet:secret@mail.example.ru:465',
      from: 'Личный кабинет <noreply@lk.school7.example.ru>',
      pollMs: 500,
      retryMs: 60_000,
      maxAttempts: 8,
    });
  });

  it('refuses another scheme or a sender that is not an address, without echoing the URL', () => {
    let error: unknown;
    try {
      loadConfig({ SMTP_URL: 'http://kabinet:secret@mail.example.ru', MAIL_FROM: 'Кабинет' });
    } catch (caught) {
      error = caught;
    }
    const issues = (error as ConfigError).issues;
    expect(issues).toHaveLength(2);
    expect(issues[0]).toMatch(/^SMTP_URL: must be a URL like smtp:/);
    expect(issues[1]).toMatch(/^MAIL_FROM: must be an address/);
    expect(issues.join()).not.toMatch(/secret/);
    expect(loadConfig({ MAIL_FROM: 'Кабинет <noreply@school7.example.ru>' })).toBeTruthy();
  });
});

describe('.env.example', () => {
  it('documents exactly the variables the config reads', async () => {
    const { readFile } = await import('node:fs/promises');
    const { envSchema } = await import('./env.js');
    const text = await readFile(new URL('../../../.env.example', import.meta.url), 'utf8');
    const documented = [...text.matchAll(/^([A-Z_]+)=/gm)].map((match) => match[1]).sort();
    expect(documented).toEqual(Object.keys(envSchema.shape).sort());
  });
});
