import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../src/core/logger.js';
import { connectOrm, ormOptions, type Orm } from '../src/core/orm/orm.js';
import { entities } from '../src/app/entities.js';
import { AdminAccountError, createAdministrator } from '../src/modules/identity/first-admin.js';
import { PasswordHasher } from '../src/modules/identity/password.js';
import { createTestDatabase, startTestServer, type TestServer } from './harness.js';

const serverDir = path.resolve(import.meta.dirname, '..');
const logger = createLogger('silent');
const baseEnv = { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '' };

describe('the first administrator of a production installation', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let orm: Orm;

  beforeAll(async () => {
    database = await createTestDatabase();
    orm = await connectOrm(
      ormOptions({ entities, url: database.url, poolMax: 2 }, createLogger('silent')),
    );
  });
  afterAll(async () => {
    await orm?.close();
    await database?.drop();
  });

  it('refuses an empty database without an organization name, a bad login and a taken one', async () => {
    const passwords = new PasswordHasher();
    await expect(
      createAdministrator(orm.em.fork(), passwords, logger, { login: 'admin' }),
    ).rejects.toThrow(/no organization yet/);
    await expect(
      createAdministrator(orm.em.fork(), passwords, logger, {
        login: 'A B',
        organizationName: 'Школа',
      }),
    ).rejects.toBeInstanceOf(AdminAccountError);
    const first = await createAdministrator(orm.em.fork(), passwords, logger, {
      login: 'boss',
      organizationName: 'МБОУ «Школа № 1»',
    });
    expect(first.createdOrganization).toBe(true);
    expect(first.password).toMatch(/^[a-km-zA-HJ-NP-Z2-9]{20}$/);
    await expect(
      createAdministrator(orm.em.fork(), passwords, logger, { login: 'boss' }),
    ).rejects.toThrow(/taken/);
    // The one organization there is: no name needed for the next administrator.
    const second = await createAdministrator(orm.em.fork(), passwords, logger, { login: 'deputy' });
    expect(second).toMatchObject({
      organizationId: first.organizationId,
      createdOrganization: false,
    });
    expect(second.password).not.toBe(first.password);
  });

  describe('npm run admin:create', () => {
    let server: TestServer;
    let printed: string;

    beforeAll(async () => {
      const run = spawnSync(
        process.execPath,
        [
          '--import',
          'tsx',
          'src/scripts/admin-create.ts',
          '--login',
          'root',
          '--organization',
          'ГБУЗ «Городская больница № 2»',
        ],
        {
          cwd: serverDir,
          env: { ...baseEnv, DATABASE_URL: database.url, LOG_LEVEL: 'silent' },
          encoding: 'utf8',
          timeout: 60_000,
        },
      );
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      printed = run.stdout;
      server = await startTestServer({ databaseUrl: database.url, env: { SEED_DEMO: 'false' } });
    });
    afterAll(async () => {
      await server?.close();
    });

    it('prints a generated password once, and that password signs the administrator in', async () => {
      const password = /Password, shown only now: (\S+)/.exec(printed)?.[1];
      expect(password).toHaveLength(20);
      const token = await server.login('root', password);
      const me = await server.gql<{ me: { login: string; roles: string[] } }>(
        `{ me { login roles } }`,
        {},
        token,
      );
      expect(me.errors).toBeUndefined();
      expect(me.data?.me).toEqual({ login: 'root', roles: ['ADMIN'] });
      const pending = await server.gql(`{ pendingUsers { id } }`, {}, token);
      expect(pending.errors).toBeUndefined();
      expect(pending.data).toEqual({ pendingUsers: [] });
    });

    it('answers a taken login with one line and exit code 1', () => {
      const run = spawnSync(
        process.execPath,
        ['--import', 'tsx', 'src/scripts/admin-create.ts', '--login', 'root'],
        {
          cwd: serverDir,
          env: { ...baseEnv, DATABASE_URL: database.url, LOG_LEVEL: 'silent' },
          encoding: 'utf8',
          timeout: 60_000,
        },
      );
      expect(run.status).toBe(1);
      expect(run.stderr.trim()).toBe(
        'kabinet: The login root is taken; choose another with --login',
      );
    });
  });
});

describe('a production start on the embedded database', () => {
  it('seeds no demo accounts unless SEED_DEMO=true, and says how to make the first administrator', async () => {
    const root = await fs.mkdtemp(path.join(os.tmpdir(), 'kabinet-prod-'));
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: serverDir,
      env: {
        ...baseEnv,
        NODE_ENV: 'production',
        DATA_DIR: path.join(root, 'data'),
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no start in 60 s: ${stdout}`)), 60_000);
        child.stdout.on('data', () => {
          if (stdout.includes('admin:create')) {
            clearTimeout(timer);
            resolve();
          }
        });
        child.once('exit', (code) => reject(new Error(`exited ${code}: ${stdout}`)));
      });
      expect(stdout).toContain('Kabinet is running');
      expect(stdout).toContain('No administrator yet');
      expect(stdout).not.toContain('Demo logins');
      expect(stdout).not.toContain('demo1234');
    } finally {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      await fs.rm(root, { recursive: true, force: true });
    }
  }, 90_000);
});
