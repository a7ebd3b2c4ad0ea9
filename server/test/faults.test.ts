import { Writable } from 'node:stream';
import { createClient, type Client } from 'graphql-ws';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createLogger } from '../src/core/logger.js';
import { startServer, type RunningServer } from '../src/app/server.js';
import { loadConfig } from '../src/config/env.js';
import { snilsCheck } from '../src/core/ru-identifiers.js';
import { Employee } from '../src/modules/employee/employee.entity.js';
import { hashToken } from '../src/modules/identity/session.service.js';
import { createTestDatabase, DEMO_PASSWORD, type GraphQLResponse } from './harness.js';

/**
 * Database faults on both transports: an outage in the middle of a request (the test's own
 * database has its backends terminated) and a pool that cannot hand out a connection. Answers
 * come fast with SERVICE_UNAVAILABLE; neither answers nor logs carry SQL values, hashes or СНИЛС.
 */

interface LoggedServer {
  server: RunningServer;
  /** Every log line, at debug level (the ORM's statements included). */
  lines: string[];
}

/** The real server over `databaseUrl`, logging at debug into memory. */
async function startLogged(databaseUrl: string, env: Record<string, string> = {}) {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  const config = loadConfig({
    DATABASE_URL: databaseUrl,
    DATABASE_POOL_MAX: '4',
    PORT: '0',
    HOST: '127.0.0.1',
    NODE_ENV: 'test',
    LOG_LEVEL: 'debug',
    SEED_DEMO: 'true',
    ...env,
  });
  const server = await startServer(config, createLogger('debug', sink));
  return { server, lines } satisfies LoggedServer;
}

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let dbName: string;
let main: LoggedServer;
/** A working employee whose СНИЛС the write tests try to change. */
let employeeId: string;
/** A second server on the same database with a pool of one connection, 300 ms to get it. */
let small: LoggedServer | undefined;
let token: string;
const snils = (() => {
  const first9 = `9${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
  return `${first9}${snilsCheck(first9)}`;
})();
/** What clients got back: bodies, WebSocket close reasons and error payloads. */
const answers: string[] = [];

/** POSTs to `/graphql`; the answer is kept for the leak check unless it is a sign-in's. */
const post = async (server: RunningServer, body: unknown, bearer: string | null = token) => {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
    },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (!text.includes('"accessToken"')) answers.push(text);
  return { response, body: JSON.parse(text) as GraphQLResponse };
};

const me = `{ me { id } }`;
const updateSnils = `mutation($id: ID!, $snils: String) { updatePersonalData(employeeId: $id, input: { snils: $snils }) { id } }`;

beforeAll(async () => {
  database = await createTestDatabase();
  dbName = new URL(database.url).pathname.slice(1);
  main = await startLogged(database.url);
  const login = await post(
    main.server,
    {
      query: `mutation($input: LoginInput!) { login(input: $input) { accessToken } }`,
      variables: { input: { login: 'hr', password: DEMO_PASSWORD } },
    },
    null,
  );
  token = (login.body.data as { login: { accessToken: string } }).login.accessToken;
  // Read before any outage: right after one, the pool may still hand out a dead connection.
  employeeId = (await main.server.orm.em.fork().findOneOrFail(Employee, { dismissalDate: null }))
    .id;
});
afterAll(async () => {
  await main?.server.stop();
  await database?.drop();
});

/**
 * Holds `lock` in a transaction of its own, starts `request`, waits until it blocks on the lock,
 * then terminates every other backend of the test's database (the outage), and returns the answer
 * with the milliseconds from the outage to it.
 */
async function outageDuring<T>(lock: string, request: () => Promise<T>) {
  const admin = new pg.Client({ connectionString: database.url });
  await admin.connect();
  try {
    await admin.query('begin');
    await admin.query(lock);
    const pending = request();
    await waitForLockWait(admin);
    const at = Date.now();
    await admin.query('select pg_stat_clear_snapshot()');
    await admin.query(
      'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
      [dbName],
    );
    const result = await pending;
    return { result, ms: Date.now() - at };
  } finally {
    await admin.query('rollback').catch(() => undefined);
    await admin.end();
  }
}

/**
 * Waits until a request of the server blocks on the test's lock. It polls from inside the locking
 * transaction, where PostgreSQL keeps one statistics snapshot: each look drops it first.
 */
async function waitForLockWait(admin: pg.Client): Promise<void> {
  for (const deadline = Date.now() + 10_000; Date.now() < deadline;) {
    await admin.query('select pg_stat_clear_snapshot()');
    const { rows } = await admin.query<{ waiting: number }>(
      `select count(*)::int as waiting from pg_stat_activity
        where datname = $1 and state = 'active' and wait_event_type = 'Lock'`,
      [dbName],
    );
    if (rows[0]!.waiting > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('no request waited for the lock');
}

type WsOutcome =
  | { kind: 'next'; value: GraphQLResponse }
  | { kind: 'error'; errors: unknown }
  | { kind: 'closed'; code: number; reason: string };

/** A graphql-ws client of `server` that keeps its socket open between operations. */
const wsClient = (server: RunningServer, onOpened: () => void = () => undefined): Client =>
  createClient({
    url: `${server.url.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    lazyCloseTimeout: 30_000,
    connectionParams: { token },
    on: { opened: onOpened },
  });

/** The first thing one operation over `client` yields: a result, an error, or the socket's close. */
function wsOnce(client: Client, query: string, variables?: Record<string, unknown>) {
  return new Promise<WsOutcome>((resolve) => {
    client.subscribe<Record<string, unknown>>(
      { query, variables },
      {
        next: (value) => resolve({ kind: 'next', value: value as GraphQLResponse }),
        error: (error: unknown) => {
          const event = error as { code?: unknown; reason?: unknown };
          resolve(
            typeof event.code === 'number'
              ? { kind: 'closed', code: event.code, reason: String(event.reason) }
              : { kind: 'error', errors: error },
          );
        },
        complete: () => undefined,
      },
    );
  }).then((outcome) => {
    answers.push(JSON.stringify(outcome));
    return outcome;
  });
}

/** Any of these in an answer means the database's text reached the client. */
const leaks = () => [token, hashToken(token), snils];
const expectNoLeak = (text: string) => {
  expect(text).not.toMatch(
    /\bselect\b|\bwhere\b|token_hash|\binsert\b|update "|terminat|knex|acquir/i,
  );
  for (const secret of leaks()) expect(text).not.toContain(secret);
};

const unavailable = { code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 5 };

describe('a database outage in the middle of a request', () => {
  it('HTTP: the session lookup fails as 503 SERVICE_UNAVAILABLE, not "Context creation failed: select …"', async () => {
    const { result, ms } = await outageDuring('lock table session in access exclusive mode', () =>
      post(main.server, { query: me }),
    );
    expect(result.response.status).toBe(503);
    expect(result.response.headers.get('retry-after')).toBe('5');
    expect(result.body.errors).toEqual([
      { message: expect.any(String) as string, extensions: unavailable },
    ]);
    expect(ms).toBeLessThan(2_000);
    expectNoLeak(JSON.stringify(result.body));
  });

  it('HTTP: a write whose statement carries a СНИЛС fails as SERVICE_UNAVAILABLE', async () => {
    const { result, ms } = await outageDuring('lock table employee in exclusive mode', () =>
      post(main.server, { query: updateSnils, variables: { id: employeeId, snils } }),
    );
    expect(result.body.errors?.[0]).toMatchObject({
      path: ['updatePersonalData'],
      extensions: unavailable,
    });
    expect(result.response.headers.get('retry-after')).toBe('5');
    expect(ms).toBeLessThan(2_000);
    expectNoLeak(JSON.stringify(result.body));
  });

  it('WebSocket: a socket whose session cannot be checked closes with 1013 and a fixed reason', async () => {
    const client = wsClient(main.server);
    try {
      const { result, ms } = await outageDuring('lock table session in access exclusive mode', () =>
        wsOnce(client, me),
      );
      expect(result).toEqual({ kind: 'closed', code: 1013, reason: 'SERVICE_UNAVAILABLE' });
      expect(ms).toBeLessThan(2_000);
    } finally {
      await client.dispose();
    }
  });

  it('WebSocket: an operation whose context cannot be built answers SERVICE_UNAVAILABLE, and the socket stays', async () => {
    let sockets = 0;
    const client = wsClient(main.server, () => (sockets += 1));
    try {
      expect(await wsOnce(client, me)).toMatchObject({ kind: 'next' });
      const { result, ms } = await outageDuring('lock table session in access exclusive mode', () =>
        wsOnce(client, me),
      );
      expect(result).toEqual({
        kind: 'error',
        errors: [{ message: expect.any(String) as string, extensions: unavailable }],
      });
      expect(ms).toBeLessThan(2_000);
      // The pool may still hand out a connection the outage killed (one more SERVICE_UNAVAILABLE);
      // the socket itself serves on.
      let after = await wsOnce(client, me);
      for (let attempt = 0; attempt < 3 && after.kind === 'error'; attempt += 1)
        after = await wsOnce(client, me);
      expect(after).toMatchObject({ kind: 'next', value: { data: { me: {} } } });
      expect(sockets).toBe(1);
    } finally {
      await client.dispose();
    }
  });

  it('WebSocket: a write that loses the database answers SERVICE_UNAVAILABLE at its path', async () => {
    const client = wsClient(main.server);
    try {
      expect(await wsOnce(client, me)).toMatchObject({ kind: 'next' });
      const { result, ms } = await outageDuring('lock table employee in exclusive mode', () =>
        wsOnce(client, updateSnils, { id: employeeId, snils }),
      );
      expect(result).toMatchObject({
        kind: 'next',
        value: { errors: [{ path: ['updatePersonalData'], extensions: unavailable }] },
      });
      expect(ms).toBeLessThan(2_000);
    } finally {
      await client.dispose();
    }
  });
});

describe('a pool that cannot hand out a connection', () => {
  let knexClient: {
    acquireConnection(): Promise<unknown>;
    releaseConnection(connection: unknown): Promise<unknown>;
  };
  let held: unknown;

  beforeAll(async () => {
    // A second server on the same (already seeded) database: one connection, a 300 ms wait for it.
    small = await startLogged(database.url, {
      DATABASE_POOL_MAX: '1',
      DATABASE_ACQUIRE_TIMEOUT_MS: '300',
      SEED_DEMO: 'false',
    });
    knexClient = small.server.orm.em.getKnex().client as typeof knexClient;
    held = await knexClient.acquireConnection();
  });
  afterAll(async () => {
    if (held) await knexClient.releaseConnection(held);
    await small?.server.stop();
  });

  const timed = async <T>(run: () => Promise<T>) => {
    const at = Date.now();
    const result = await run();
    return { result, ms: Date.now() - at };
  };

  it('HTTP: GraphQL answers 503 SERVICE_UNAVAILABLE with Retry-After in well under 2 s', async () => {
    const { result, ms } = await timed(() => post(small!.server, { query: me }));
    expect(result.response.status).toBe(503);
    expect(result.response.headers.get('retry-after')).toBe('5');
    expect(result.body.errors?.[0]?.extensions).toEqual(unavailable);
    expect(ms).toBeLessThan(2_000);
  });

  it('HTTP: a mutation that cannot open its transaction answers SERVICE_UNAVAILABLE at its path', async () => {
    const { result } = await timed(() =>
      post(
        small!.server,
        {
          query: `mutation($input: LoginInput!) { login(input: $input) { accessToken } }`,
          variables: { input: { login: 'hr', password: DEMO_PASSWORD } },
        },
        null,
      ),
    );
    expect(result.body.errors?.[0]).toMatchObject({ path: ['login'], extensions: unavailable });
    expect(result.response.headers.get('retry-after')).toBe('5');
  });

  it('HTTP: a route outside GraphQL answers 503 JSON with Retry-After', async () => {
    const response = await fetch(`${small!.server.url}/files/${crypto.randomUUID()}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const text = await response.text();
    answers.push(text);
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('5');
    expect(JSON.parse(text)).toEqual({
      error: { ...unavailable, message: expect.any(String) as string },
    });
  });

  it('readyz answers 503 within its bound', async () => {
    const { result, ms } = await timed(() => fetch(`${small!.server.url}/readyz`));
    expect(result.status).toBe(503);
    expect(ms).toBeLessThan(2_000);
  });

  it('WebSocket: the socket closes with 1013 SERVICE_UNAVAILABLE', async () => {
    const client = wsClient(small!.server);
    try {
      const { result, ms } = await timed(() => wsOnce(client, me));
      expect(result).toEqual({ kind: 'closed', code: 1013, reason: 'SERVICE_UNAVAILABLE' });
      expect(ms).toBeLessThan(2_000);
    } finally {
      await client.dispose();
    }
  });

  it('serves again once a connection is free', async () => {
    await knexClient.releaseConnection(held);
    held = null;
    expect((await fetch(`${small!.server.url}/readyz`)).status).toBe(200);
    const { response, body } = await post(small!.server, { query: me });
    expect(response.status).toBe(200);
    expect(body.errors).toBeUndefined();
  });
});

describe('readyz with a slow pool', () => {
  it('answers 503 within 2 s although the pool would wait 5 s for a connection', async () => {
    const client = main.server.orm.em.getKnex().client as {
      acquireConnection(): Promise<unknown>;
      releaseConnection(connection: unknown): Promise<unknown>;
    };
    const held = await Promise.all([1, 2, 3, 4].map(() => client.acquireConnection()));
    try {
      const at = Date.now();
      const ready = await fetch(`${main.server.url}/readyz`);
      expect(ready.status).toBe(503);
      expect(ready.headers.get('retry-after')).toBe('5');
      expect(Date.now() - at).toBeLessThan(3_000);
    } finally {
      await Promise.all(held.map((connection) => client.releaseConnection(connection)));
    }
  });
});

describe('bodies Express could not read', () => {
  const raw = (body: string, headers: Record<string, string> = {}, path = '/graphql') =>
    fetch(`${main.server.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });

  it.each([
    ['malformed JSON', () => raw('{"query": '), 400],
    ['an oversized body', () => raw(JSON.stringify({ query: me, pad: 'x'.repeat(150_000) })), 413],
    [
      'an unknown charset',
      () => raw('{}', { 'content-type': 'application/json; charset=koi8-r' }),
      415,
    ],
  ])('%s gets a GraphQL-over-HTTP JSON error, no HTML, no stack', async (_name, send, status) => {
    const response = await send();
    const text = await response.text();
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(JSON.parse(text)).toEqual({
      errors: [{ message: expect.any(String) as string, extensions: { code: 'BAD_REQUEST' } }],
    });
    expect(text).not.toMatch(/<html|<pre|\bat \/|node_modules/i);
  });

  it('no path of the app answers with an HTML error page', async () => {
    for (const response of [
      await raw('{"a": ', {}, '/nowhere'),
      await fetch(`${main.server.url}/files/%E0%A4%A`),
      await fetch(`${main.server.url}/nowhere/at/all.txt`, { method: 'DELETE' }),
    ]) {
      const text = await response.text();
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      expect(text).not.toMatch(/<html|<pre|\bat \/|node_modules/i);
      expect(JSON.parse(text)).toMatchObject({ error: { code: expect.any(String) as string } });
    }
  });
});

describe('what leaked', () => {
  it('no answer carried SQL, the token, its hash or the СНИЛС', () => {
    expect(answers.length).toBeGreaterThan(10);
    for (const answer of answers) expectNoLeak(answer);
  });

  it('the logs kept the failed statements’ shape, without the token hash or the СНИЛС', () => {
    const lines = [...main.lines, ...(small?.lines ?? [])];
    expect(small?.lines.length).toBeGreaterThan(0);
    for (const secret of leaks()) expect(lines.join('')).not.toContain(secret);
    const failures = lines
      .map((line) => JSON.parse(line) as { level: number; err?: { message?: string } })
      .filter((entry) => entry.level >= 50)
      .map((entry) => entry.err?.message ?? '');
    // The session lookup travels with its value bound (`$1`); MikroORM's writes with values
    // inlined, which the log redaction turns into `?`.
    expect(failures.some((message) => message.includes('where s.token_hash = $1'))).toBe(true);
    expect(failures.some((message) => message.includes('set "snils" = ?'))).toBe(true);
  });
});
