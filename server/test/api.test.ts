import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectEvents, publishUntil, startTestServer, type TestServer } from './harness.js';

let server: TestServer;
let hr: string;
let admin: string;

beforeAll(async () => {
  server = await startTestServer({ demo: true });
  hr = await server.login('hr');
  admin = await server.login('admin');
});
afterAll(async () => {
  await server?.close();
});

describe('HTTP', () => {
  it('answers the employees query from the issue', async () => {
    const result = await server.gql<{
      employees: { totalCount: number; edges: { node: { id: string; lastName: string } }[] };
    }>(`{ employees(first: 5) { totalCount edges { node { id lastName } } } }`, undefined, hr);
    expect(result.errors).toBeUndefined();
    expect(result.data!.employees.edges).toHaveLength(5);
    expect(result.data!.employees.totalCount).toBeGreaterThan(40);
  });

  it('serves the demo organization and its department tree', async () => {
    const result = await server.gql<{
      organization: { name: string; timeZone: string };
      departments: { name: string; parent: { name: string } | null; headcount: number }[];
    }>(
      `{ organization { name timeZone } departments { name parent { name } headcount } }`,
      undefined,
      hr,
    );
    expect(result.data!.organization.timeZone).toBe('Europe/Moscow');
    expect(result.data!.departments).toHaveLength(8);
    expect(result.data!.departments.filter((unit) => unit.parent === null)).toHaveLength(1);
    expect(result.data!.departments.every((unit) => unit.headcount >= 1)).toBe(true);
    const total = result.data!.departments.reduce((sum, unit) => sum + unit.headcount, 0);
    const active = await server.gql<{ employees: { totalCount: number } }>(
      `{ employees(first: 1) { totalCount } }`,
      undefined,
      hr,
    );
    expect(total).toBe(active.data!.employees.totalCount);
  });

  it('reports liveness and readiness', async () => {
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });

  it('tags every response with a request id, keeping a well-formed one from the caller', async () => {
    const own = await fetch(`${server.url}/healthz`, {
      headers: { 'x-request-id': 'trace-12345678' },
    });
    expect(own.headers.get('x-request-id')).toBe('trace-12345678');
    const generated = await fetch(`${server.url}/healthz`, {
      headers: { 'x-request-id': 'bad id <script>' },
    });
    expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses malformed and oversized operations with stable codes', async () => {
    const syntax = await server.gql(`{ employees(first: 5) { edges `, undefined, hr);
    expect(syntax.errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_PARSE_FAILED');
    const unknownField = await server.gql(`{ employees(first: 5) { salary } }`, undefined, hr);
    expect(unknownField.errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');
    const deep = `{ employees(first: 1) { edges { node { department { parent { parent { parent { parent { parent { parent { parent { parent { parent { parent { parent { id } } } } } } } } } } } } } } } }`;
    const tooDeep = await server.gql(deep, undefined, hr);
    expect(tooDeep.errors?.[0]?.message).toMatch(/depth/i);
    expect(tooDeep.errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(tooDeep.data ?? null).toBeNull();
  });

  it('never shows a stack trace or SQL in errors', async () => {
    const result = await server.gql(
      `{ employee(id: "x'; drop table employee; --") { id } }`,
      undefined,
      hr,
    );
    const text = JSON.stringify(result.errors);
    expect(result.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
    expect(text).not.toMatch(/stacktrace|select |at \//i);
  });
});

describe('WebSocket', () => {
  it('delivers a subscription event published over HTTP', async () => {
    const client = server.wsClient(admin);
    const events = collectEvents<{ ping: { message: string; instanceId: string; sentAt: string } }>(
      client,
      `subscription { ping { message instanceId sentAt } }`,
      1,
    );
    const [event] = await publishUntil(events, () =>
      server.gql(`mutation { publishPing(message: "привет") }`, undefined, admin),
    );
    expect(event!.ping.message).toBe('привет');
    expect(event!.ping.instanceId).toBe(server.instanceId);
    expect(Date.parse(event!.ping.sentAt)).not.toBeNaN();
  });

  it('runs queries over the socket with the same validation rules as HTTP', async () => {
    const client = server.wsClient(admin);
    const result = await new Promise<unknown>((resolve, reject) => {
      client.subscribe(
        {
          query: `{ employees(first: 1) { edges { node { department { parent { parent { parent { parent { parent { parent { parent { parent { parent { parent { parent { id } } } } } } } } } } } } } } } }`,
        },
        {
          next: resolve,
          error: resolve,
          complete: () => reject(new Error('completed without a result')),
        },
      );
    });
    expect(JSON.stringify(result)).toMatch(/depth/i);
  });
});

describe('web client', () => {
  it('serves the bundled GraphiQL at /graphiql with every script from this server', async () => {
    const response = await fetch(`${server.url}/graphiql`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toMatch(/GraphiQL/);
    const scripts = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((match) => match[1]!);
    expect(scripts.length).toBeGreaterThan(0);
    for (const src of scripts) {
      expect(src.startsWith('/')).toBe(true);
      expect((await fetch(`${server.url}${src}`)).status).toBe(200);
    }
  });

  it('serves the portal at /', async () => {
    const response = await fetch(`${server.url}/`);
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/lang="ru"/);
  });
});
