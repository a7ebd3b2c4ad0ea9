import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { createClient, type Client, type ClientOptions } from 'graphql-ws';
import pg from 'pg';
import { inject } from 'vitest';
import WebSocket from 'ws';
import { createLogger } from '../src/core/logger.js';
import { startServer, type RunningServer } from '../src/app/server.js';
import { loadConfig } from '../src/config/env.js';
import { testServerEnv } from './boot-once.js';
import { copyDataDir } from './embedded-setup.js';

export interface GraphQLResponse<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; path?: string[]; extensions?: Record<string, unknown> }[];
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: inject('adminDatabaseUrl') });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * A fresh database cloned from the migrated template, or from the one with the demo seeded when
 * `demo`; dropped by `drop()`.
 */
export async function createTestDatabase(
  options: { demo?: boolean } = {},
): Promise<{ url: string; drop(): Promise<void> }> {
  const bare = inject('templateDatabase');
  const template = options.demo ? inject('demoTemplateDatabase') : bare;
  const name = `${bare.replace(/_template$/, '')}_${randomUUID().slice(0, 8)}`;
  await adminQuery(`create database "${name}" template "${template}"`);
  const url = new URL(inject('adminDatabaseUrl'));
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => adminQuery(`drop database if exists "${name}" with (force)`),
  };
}

/**
 * Takes a lock every test process of this run shares, until the returned release: for files whose
 * servers meet on Redis, whose channels are global, while every demo clone has the same ids (one
 * file's notifications would reach the other's subscribers if the two ran at once).
 */
export async function exclusively(name: string): Promise<() => Promise<void>> {
  const client = new pg.Client({ connectionString: inject('adminDatabaseUrl') });
  await client.connect();
  await client.query('select pg_advisory_lock(hashtext($1))', [
    `${inject('templateDatabase')}:${name}`,
  ]);
  // The lock is the session's: it goes with the connection.
  return () => client.end();
}

/** Which database this test file's servers run on: the vitest project (lane) decides. */
export const testLane = (): 'postgres' | 'embedded' =>
  inject('embeddedTemplates') ? 'embedded' : 'postgres';

/** A fresh embedded data directory (no DATABASE_URL), copied from the lane's closed template. */
async function createEmbeddedDataDir(
  demo: boolean,
): Promise<{ dir: string; drop: () => Promise<void> }> {
  const templates = inject('embeddedTemplates')!;
  // Beside the templates: the lane's teardown removes whatever a crashed test left behind.
  const root = await fs.mkdtemp(path.join(path.dirname(templates.demo), 'server-'));
  const dir = path.join(root, 'data');
  await copyDataDir(demo ? templates.demo : templates.bare, dir);
  return { dir, drop: () => fs.rm(root, { recursive: true, force: true }) };
}

/** The environment that points a server at a fresh database of this lane, and how to drop it. */
async function freshDatabase(
  demo: boolean,
): Promise<{ env: Record<string, string>; drop: () => Promise<void> }> {
  if (testLane() === 'embedded') {
    // The real embedded path: startServer opens PGlite itself, with its pool of one connection.
    const data = await createEmbeddedDataDir(demo);
    return { env: { DATA_DIR: data.dir }, drop: () => data.drop() };
  }
  const database = await createTestDatabase({ demo });
  return {
    env: { DATABASE_URL: database.url, DATABASE_POOL_MAX: '4' },
    drop: () => database.drop(),
  };
}

export interface TestServer extends RunningServer {
  /** A connection string for a client of the server's database apart from its pool. */
  databaseUrl: string;
  /** Sends one GraphQL operation over HTTP, as `token`'s session when given. */
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string | null,
  ): Promise<GraphQLResponse<T>>;
  /** Signs in (demo password by default) and returns the access token. */
  login(login: string, password?: string): Promise<string>;
  /** A graphql-ws client connected to this server, authenticated by `token` when given. */
  wsClient(token?: string | null, options?: Partial<ClientOptions>): Client;
  close(): Promise<void>;
}

export const DEMO_PASSWORD = 'demo1234';

/** The `extensions.code` of a response's first error, if any. */
export const errorCode = (result: GraphQLResponse<unknown>): unknown =>
  result.errors?.[0]?.extensions?.['code'];

/**
 * Starts the real server (HTTP + WebSocket) on a random port over a fresh database of the lane:
 * a PostgreSQL database cloned from a template, or an embedded data directory copied from one of
 * the lane's; either is already seeded when `demo` (the default), so the start finds the demo
 * there. Passwords hash at the test cost. `databaseUrl` shares a PostgreSQL one.
 */
export async function startTestServer(
  options: { demo?: boolean; env?: Record<string, string>; databaseUrl?: string } = {},
): Promise<TestServer> {
  const database = options.databaseUrl
    ? { env: { DATABASE_URL: options.databaseUrl, DATABASE_POOL_MAX: '4' }, drop: async () => {} }
    : await freshDatabase(options.demo !== false);
  const env: Record<string, string> = {
    ...testServerEnv,
    ...database.env,
    LOG_LEVEL: process.env['TEST_LOG_LEVEL'] ?? 'silent',
    SEED_DEMO: options.demo === false ? 'false' : 'true',
    ...options.env,
  };
  // A server started as production hashes as production does (the test cost needs NODE_ENV=test).
  if (env['NODE_ENV'] !== 'test' && !options.env?.['PASSWORD_HASHING'])
    env['PASSWORD_HASHING'] = 'standard';
  const config = loadConfig(env);
  const server = await startServer(config, createLogger(config.logLevel)).catch(
    async (error: unknown) => {
      await database.drop();
      throw error;
    },
  );
  const clients: Client[] = [];
  const gql: TestServer['gql'] = async (query, variables, token) => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphQLResponse<never>;
  };
  // The embedded database's socket, on the port PGlite was given (MikroORM's clientUrl is a default).
  const orm = server.orm.config;
  const databaseUrl =
    config.database.kind === 'postgres'
      ? config.database.url
      : `postgres://${orm.get('user')}@${orm.get('host')}:${orm.get('port')}/${orm.get('dbName')}`;
  return {
    ...server,
    databaseUrl,
    gql,
    async login(login, password = DEMO_PASSWORD) {
      const result = await gql<{ login: { accessToken: string } }>(
        `mutation($input: LoginInput!) { login(input: $input) { accessToken } }`,
        { input: { login, password } },
      );
      if (!result.data?.login)
        throw new Error(`login ${login} failed: ${JSON.stringify(result.errors)}`);
      return result.data.login.accessToken;
    },
    wsClient(token, options) {
      const client = createClient({
        url: `${server.url.replace(/^http/, 'ws')}/graphql`,
        webSocketImpl: WebSocket,
        retryAttempts: 0,
        ...(token ? { connectionParams: { token } } : {}),
        ...options,
      });
      clients.push(client);
      return client;
    },
    async close() {
      await Promise.all(clients.map(async (client) => client.dispose()));
      await server.stop();
      await database.drop();
    },
  };
}

/** Subscribes and collects the first `count` events, failing after `timeoutMs`. */
export function collectEvents<T>(
  client: Client,
  query: string,
  count: number,
  timeoutMs = 5000,
): Promise<T[]> {
  const received: T[] = [];
  return new Promise<T[]>((resolve, reject) => {
    const fail = (error: unknown) => {
      clearTimeout(timer);
      unsubscribe();
      reject(error instanceof Error ? error : new Error(JSON.stringify(error)));
    };
    const timer = setTimeout(
      () => fail(new Error(`received ${received.length} of ${count} events in ${timeoutMs} ms`)),
      timeoutMs,
    );
    const unsubscribe = client.subscribe<T>(
      { query },
      {
        next: (value) => {
          if (value.errors) return fail(value.errors);
          received.push(value.data as T);
          if (received.length === count) {
            clearTimeout(timer);
            unsubscribe();
            resolve(received);
          }
        },
        error: fail,
        complete: () => undefined,
      },
    );
  });
}

/**
 * Repeats `publish` until `events` settles: a subscription is live only some time after it is sent,
 * and a test must not sleep for a guessed while.
 */
export async function publishUntil<T>(
  events: Promise<T>,
  publish: () => Promise<unknown>,
): Promise<T> {
  let settled = false;
  const result = events.finally(() => (settled = true));
  while (!settled) {
    await publish();
    await Promise.race([result.catch(() => undefined), new Promise((r) => setTimeout(r, 100))]);
  }
  return result;
}

/** Demo accounts signed in once per test file, with a helper to ask as any of them. */
export async function actors(server: TestServer, logins: readonly string[]) {
  const tokens: Record<string, string> = {};
  for (const login of logins) tokens[login] = await server.login(login);
  const as = <T = Record<string, unknown>>(
    who: string,
    query: string,
    variables?: Record<string, unknown>,
  ) => server.gql<T>(query, variables, tokens[who]);
  /** The id of the personal file behind a signed-in account. */
  const fileOf = async (who: string) =>
    (await as<{ me: { employee: { id: string } } }>(who, `{ me { employee { id } } }`)).data!.me
      .employee.id;
  return { tokens, as, fileOf };
}
