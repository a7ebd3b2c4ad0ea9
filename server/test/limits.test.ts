import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createLogger } from '../src/core/logger.js';
import { startServer } from '../src/app/server.js';
import { loadConfig } from '../src/config/env.js';
import { Employee } from '../src/modules/employee/employee.entity.js';
import { createTestDatabase, startTestServer, type TestServer } from './harness.js';

/** API limits on both transports, production switches, and what reaches the logs. */

let server: TestServer;
let hr: string;

beforeAll(async () => {
  server = await startTestServer({ demo: true });
  hr = await server.login('hr');
});
afterAll(async () => {
  await server?.close();
});

const post = (body: string, headers: Record<string, string> = {}) =>
  fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${hr}`, ...headers },
    body,
  });

describe('HTTP limits', () => {
  it('refuses batched requests', async () => {
    const response = await post(
      JSON.stringify([{ query: '{ me { id } }' }, { query: '{ me { id } }' }]),
    );
    expect(response.status).toBe(400);
  });

  it('refuses a GET without a CSRF-safe header (CSRF prevention)', async () => {
    const response = await fetch(
      `${server.url}/graphql?query=${encodeURIComponent('{ me { id } }')}`,
      {
        headers: { authorization: `Bearer ${hr}` },
      },
    );
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/CSRF/i);
  });

  it('refuses a body over 100 kB', async () => {
    const response = await post(
      JSON.stringify({ query: `{ me { id } }`, variables: { pad: 'x'.repeat(150_000) } }),
    );
    expect(response.status).toBe(413);
  });

  it('refuses too many tokens, aliases and directives with stable codes', async () => {
    const manyTokens = `{ ${Array.from({ length: 2100 }, () => '__typename').join(' ')} }`;
    const tokens = await server.gql(manyTokens, {}, hr);
    expect(tokens.errors?.[0]?.message).toMatch(/token/i);
    expect(tokens.errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_PARSE_FAILED');

    const aliases = await server.gql(
      `{ ${Array.from({ length: 31 }, (_, i) => `a${i}: me { id }`).join(' ')} }`,
      {},
      hr,
    );
    expect(aliases.errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(aliases.errors?.[0]?.message).toMatch(/alias/i);

    const directives = await server.gql(
      `{ me { id ${'@include(if: true) '.repeat(21)} } }`,
      {},
      hr,
    );
    expect(directives.errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(directives.errors?.[0]?.message).toMatch(/directive/i);
  });

  it('caps a page at 100 items', async () => {
    const result = await server.gql(`{ employees(first: 101) { edges { node { id } } } }`, {}, hr);
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: ['first'],
    });
  });
});

describe('WebSocket limits', () => {
  it('closes a socket that sends a frame over 64 kB', async () => {
    const socket = new WebSocket(
      `${server.url.replace(/^http/, 'ws')}/graphql`,
      'graphql-transport-ws',
    );
    const code = await new Promise<number>((resolve) => {
      socket.on('open', () => socket.send('x'.repeat(70_000)));
      socket.on('close', (closeCode) => resolve(closeCode));
    });
    expect(code).toBe(1009);
  });

  it('applies the token limit to operations over the socket', async () => {
    const client = server.wsClient(hr);
    const manyTokens = `{ ${Array.from({ length: 2100 }, () => '__typename').join(' ')} }`;
    const outcome = await new Promise<string>((resolve) => {
      client.subscribe(
        { query: manyTokens },
        {
          next: (result) => resolve(JSON.stringify(result.errors)),
          error: (error) => resolve(JSON.stringify(error)),
          complete: () => undefined,
        },
      );
    });
    expect(outcome).toMatch(/token/i);
  });
});

describe('production', () => {
  let production: Awaited<ReturnType<typeof startServer>>;
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  const lines: string[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    const config = loadConfig({
      DATABASE_URL: database.url,
      PORT: '0',
      HOST: '127.0.0.1',
      NODE_ENV: 'production',
      SEED_DEMO: 'true',
      LOG_LEVEL: 'debug',
    });
    // Everything the server logs, at its most verbose, to search for personal data.
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString('utf8'));
        done();
      },
    });
    production = await startServer(config, createLogger('debug', sink));
  });
  afterAll(async () => {
    await production?.stop();
    await database?.drop();
  });

  const ask = async (query: string, token?: string) => {
    const response = await fetch(`${production.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query }),
    });
    return (await response.json()) as {
      data?: unknown;
      errors?: { message: string; extensions?: { code?: string } }[];
    };
  };

  it('turns off introspection, field suggestions and GraphiQL', async () => {
    const login = await ask(
      `mutation { login(input: { login: "hr", password: "demo1234" }) { accessToken } }`,
    );
    const token = (login.data as { login: { accessToken: string } }).login.accessToken;
    const introspection = await ask(`{ __schema { types { name } } }`, token);
    expect(introspection.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const typo = await ask(`{ employe(id: "x") { id } }`, token);
    expect(typo.errors?.[0]?.message).toBe('Cannot query field "employe" on type "Query".');
    expect((await fetch(`${production.url}/graphiql`)).status).toBe(404);
  });

  it('keeps personal data out of the application logs', async () => {
    const login = await ask(
      `mutation { login(input: { login: "hr", password: "demo1234" }) { accessToken } }`,
    );
    const token = (login.data as { login: { accessToken: string } }).login.accessToken;
    const em = production.orm.em.fork();
    const someone = await em.findOneOrFail(Employee, {
      dismissalDate: null,
      birthDate: { $ne: null },
    });
    const result = await ask(
      `{ employee(id: "${someone.id}") { fullName birthDate mobilePhone snils(reveal: true) inn(reveal: true) } }`,
      token,
    );
    expect(result.errors).toBeUndefined();
    await ask(
      `{ employees(first: 5, filter: { search: "${someone.lastName}" }) { edges { node { id } } } }`,
      token,
    );
    const log = lines.join('');
    expect(log).toMatch(/\[query\]/); // the debug log did record the SQL
    const leak = (secret: string) => lines.find((line) => line.includes(secret))?.slice(0, 400);
    expect(leak(token) ?? '').toBe('');
    for (const secret of [
      someone.snils!,
      someone.inn!,
      someone.birthDate!,
      someone.mobilePhone!,
      someone.lastName,
      'demo1234',
      token,
    ]) {
      expect(log).not.toContain(secret);
    }
  });
});
