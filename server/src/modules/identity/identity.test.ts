import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startTestServer, type TestServer } from '../../../test/harness.js';
import { Session } from './session.entity.js';
import { User } from './user.entity.js';

const loginMutation = `mutation($input: LoginInput!) {
  login(input: $input) { accessToken expiresAt user { id login roles employee { id } } }
}`;

interface LoginData {
  login: {
    accessToken: string;
    expiresAt: string;
    user: { id: string; login: string; roles: string[]; employee: { id: string } | null };
  };
}

let server: TestServer;
const codeOf = (result: { errors?: { extensions?: Record<string, unknown> }[] }) =>
  result.errors?.[0]?.extensions?.['code'];
const me = (token?: string | null) =>
  server.gql<{ me: { login: string } }>(`{ me { login } }`, {}, token);

beforeAll(async () => {
  server = await startTestServer({
    demo: true,
    env: { LOGIN_MAX_FAILURES: '5', LOGIN_MAX_FAILURES_PER_IP: '1000' },
  });
});
afterAll(async () => {
  await server?.close();
});

describe('login', () => {
  it('returns a token, its expiry and the account, and the token opens a session', async () => {
    const result = await server.gql<LoginData>(loginMutation, {
      input: { login: ' Manager ', password: 'demo1234' },
    });
    expect(result.errors).toBeUndefined();
    const { accessToken, expiresAt, user } = result.data!.login;
    expect(accessToken).toMatch(/^kab_[\w-]{43}$/);
    expect(Date.parse(expiresAt)).toBeGreaterThan(Date.now() + 11 * 3_600_000);
    expect(user.login).toBe('manager');
    expect(user.roles.sort()).toEqual(['EMPLOYEE', 'MANAGER']);
    expect(user.employee?.id).toBeTruthy();
    expect((await me(accessToken)).data?.me.login).toBe('manager');
  });

  it('derives MANAGER only for heads of departments or people with reports', async () => {
    const token = await server.login('employee');
    const result = await server.gql<{ me: { roles: string[] } }>(`{ me { roles } }`, {}, token);
    expect(result.data!.me.roles).toEqual(['EMPLOYEE']);
  });

  it('sets an httpOnly, Secure, SameSite=Strict cookie that authenticates the browser', async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: loginMutation,
        variables: { input: { login: 'hr', password: 'demo1234' } },
      }),
    });
    const cookie = response.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^kabinet_session=kab_/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/Secure/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    const viaCookie = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: cookie.split(';')[0]! },
      body: JSON.stringify({ query: '{ me { login } }' }),
    });
    expect(await viaCookie.json()).toEqual({ data: { me: { login: 'hr' } } });
  });

  it('stores the token only as its SHA-256 and the password as argon2id at OWASP cost or more', async () => {
    const token = await server.login('other');
    const em = server.orm.em.fork();
    const hash = createHash('sha256').update(token).digest('hex');
    expect(await em.count(Session, { tokenHash: hash })).toBe(1);
    expect(await em.count(Session, { tokenHash: token })).toBe(0);
    const user = await em.findOneOrFail(User, { login: 'other' }, { populate: ['passwordHash'] });
    const [, algorithm, , params] = user.passwordHash!.split('$');
    expect(algorithm).toBe('argon2id');
    const cost = Object.fromEntries(
      params!.split(',').map((p) => p.split('=') as [string, string]),
    );
    expect(Number(cost['m'])).toBeGreaterThanOrEqual(19456);
    expect(Number(cost['t'])).toBeGreaterThanOrEqual(2);
  });

  it('answers a wrong password and an unknown login identically', async () => {
    const wrong = await server.gql(loginMutation, {
      input: { login: 'accountant', password: 'nope-nope' },
    });
    const unknown = await server.gql(loginMutation, {
      input: { login: 'nobody-here', password: 'nope-nope' },
    });
    expect(codeOf(wrong)).toBe('INVALID_CREDENTIALS');
    expect(unknown.errors).toEqual(wrong.errors);
  });
});

describe('sessions', () => {
  it('refuses no, a made-up, a revoked and an expired token, each with its own code', async () => {
    expect(codeOf(await me(null))).toBe('UNAUTHENTICATED');
    expect(codeOf(await me('kab_made-up-token'))).toBe('SESSION_INVALID');

    const revoked = await server.login('other');
    expect(
      (await server.gql<{ logout: boolean }>(`mutation { logout }`, {}, revoked)).data,
    ).toEqual({ logout: true });
    expect(codeOf(await me(revoked))).toBe('SESSION_REVOKED');

    const expired = await server.login('other');
    const idle = await server.login('other');
    const em = server.orm.em.fork();
    const sha = (token: string) => createHash('sha256').update(token).digest('hex');
    await em.nativeUpdate(
      Session,
      { tokenHash: sha(expired) },
      { expiresAt: new Date(Date.now() - 1000) },
    );
    await em.nativeUpdate(
      Session,
      { tokenHash: sha(idle) },
      { lastSeenAt: new Date(Date.now() - 31 * 60_000) },
    );
    expect(codeOf(await me(expired))).toBe('SESSION_EXPIRED');
    expect(codeOf(await me(idle))).toBe('SESSION_EXPIRED');
  });

  it('logoutEverywhere ends every session of the account at once, and only its own', async () => {
    const first = await server.login('accountant');
    const second = await server.login('accountant');
    const bystander = await server.login('hr');
    const result = await server.gql<{ logoutEverywhere: number }>(
      `mutation { logoutEverywhere }`,
      {},
      first,
    );
    expect(result.data!.logoutEverywhere).toBeGreaterThanOrEqual(2);
    expect(codeOf(await me(first))).toBe('SESSION_REVOKED');
    expect(codeOf(await me(second))).toBe('SESSION_REVOKED');
    expect((await me(bystander)).data?.me.login).toBe('hr');
  });
});

describe('brute force', () => {
  it('locks a login after 5 failures, even for the right password, with TOO_MANY_ATTEMPTS', async () => {
    for (let attempt = 0; attempt < 5; attempt++) {
      const result = await server.gql(loginMutation, {
        input: { login: 'employee', password: `wrong-${attempt}` },
      });
      expect(codeOf(result)).toBe('INVALID_CREDENTIALS');
    }
    const locked = await server.gql(loginMutation, {
      input: { login: 'employee', password: 'demo1234' },
    });
    expect(codeOf(locked)).toBe('TOO_MANY_ATTEMPTS');
    expect(locked.errors?.[0]?.extensions?.['retryAfterSeconds']).toBeGreaterThan(0);
  });

  it('counts ten aliased login fields in one request as ten attempts', async () => {
    const aliases = Array.from(
      { length: 10 },
      (_, i) => `a${i}: login(input: { login: "guest", password: "wrong-${i}" }) { accessToken }`,
    ).join('\n');
    const result = await server.gql(`mutation { ${aliases} }`);
    const codes = (result.errors ?? []).map((error) => error.extensions?.['code']);
    expect(codes.filter((code) => code === 'INVALID_CREDENTIALS')).toHaveLength(5);
    expect(codes.filter((code) => code === 'TOO_MANY_ATTEMPTS')).toHaveLength(5);
  });

  it('limits failures per IP address across logins', async () => {
    const limited = await startTestServer({
      demo: true,
      env: { LOGIN_MAX_FAILURES: '100', LOGIN_MAX_FAILURES_PER_IP: '3' },
    });
    try {
      for (const login of ['a1', 'a2', 'a3']) {
        const result = await limited.gql(loginMutation, { input: { login, password: 'x' } });
        expect(codeOf(result)).toBe('INVALID_CREDENTIALS');
      }
      const result = await limited.gql(loginMutation, {
        input: { login: 'hr', password: 'demo1234' },
      });
      expect(codeOf(result)).toBe('TOO_MANY_ATTEMPTS');
    } finally {
      await limited.close();
    }
  });
});

describe('third-party registration', () => {
  const register = (login: string, password = 'a long enough password') =>
    server.gql<{ register: { id: string; status: string } }>(
      `mutation($input: RegisterInput!) { register(input: $input) { id status } }`,
      {
        input: {
          login,
          password,
          displayName: 'ООО «Проверка», Сидоров',
          email: 'audit@example.org',
        },
      },
    );

  it('creates a pending account that signs in only once an admin approves it', async () => {
    const created = await register('auditor');
    expect(created.data!.register.status).toBe('PENDING');
    const attempt = await server.gql(loginMutation, {
      input: { login: 'auditor', password: 'a long enough password' },
    });
    expect(codeOf(attempt)).toBe('ACCOUNT_PENDING');
    // A wrong password says nothing about the account's state.
    const wrong = await server.gql(loginMutation, {
      input: { login: 'auditor', password: 'wrong password!' },
    });
    expect(codeOf(wrong)).toBe('INVALID_CREDENTIALS');

    const hr = await server.login('hr');
    const refused = await server.gql(
      `mutation($id: ID!) { approveUser(userId: $id) { status } }`,
      { id: created.data!.register.id },
      hr,
    );
    expect(codeOf(refused)).toBe('FORBIDDEN');

    const admin = await server.login('admin');
    const pending = await server.gql<{ pendingUsers: { login: string }[] }>(
      `{ pendingUsers { login } }`,
      {},
      admin,
    );
    expect(pending.data!.pendingUsers.map((u) => u.login)).toContain('auditor');
    const approved = await server.gql<{ approveUser: { status: string } }>(
      `mutation($id: ID!) { approveUser(userId: $id) { status } }`,
      { id: created.data!.register.id },
      admin,
    );
    expect(approved.data!.approveUser.status).toBe('ACTIVE');
    const token = await server.login('auditor', 'a long enough password');
    const roles = await server.gql<{ me: { roles: string[] } }>(`{ me { roles } }`, {}, token);
    expect(roles.data!.me.roles).toEqual(['EXTERNAL']);
  });

  it('keeps a rejected account out', async () => {
    const created = await register('rejected-one');
    const admin = await server.login('admin');
    await server.gql(
      `mutation($id: ID!) { approveUser(userId: $id, approve: false) { status } }`,
      { id: created.data!.register.id },
      admin,
    );
    const attempt = await server.gql(loginMutation, {
      input: { login: 'rejected-one', password: 'a long enough password' },
    });
    expect(codeOf(attempt)).toBe('ACCOUNT_DISABLED');
  });

  it('refuses a taken login and bad input with the field path', async () => {
    expect(codeOf(await register('manager'))).toBe('CONFLICT');
    const short = await register('x');
    expect(short.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: ['input', 'login'],
    });
    const weak = await register('someone-new', 'short');
    expect(weak.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: ['input', 'password'],
    });
  });
});

const messageType = (data: WebSocket.RawData): string =>
  (JSON.parse(Buffer.from(data as Buffer).toString('utf8')) as { type: string }).type;

describe('WebSocket authentication', () => {
  const wsUrl = () => `${server.url.replace(/^http/, 'ws')}/graphql`;

  /** Opens a raw graphql-transport-ws socket and returns the close code (or 'acked'). */
  const handshake = (headers: Record<string, string>, payload?: Record<string, unknown>) =>
    new Promise<number | 'acked'>((resolve) => {
      const socket = new WebSocket(wsUrl(), 'graphql-transport-ws', { headers });
      socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload })));
      socket.on('message', (data) => {
        if (messageType(data) === 'connection_ack') {
          resolve('acked');
          socket.close();
        }
      });
      socket.on('close', (code) => resolve(code));
    });

  it('accepts a token in connectionParams and the cookie from this origin only', async () => {
    const token = await server.login('hr');
    const origin = server.url;
    expect(await handshake({}, { token })).toBe('acked');
    expect(await handshake({ cookie: `kabinet_session=${token}`, origin })).toBe('acked');
    expect(
      await handshake({ cookie: `kabinet_session=${token}`, origin: 'https://evil.example' }),
    ).toBe(4403);
    expect(await handshake({})).toBe(4403);
    expect(await handshake({}, { token: 'kab_made-up' })).toBe(4403);
  });

  it('closes the sockets of a session when it logs out', async () => {
    const token = await server.login('manager');
    const socket = new WebSocket(wsUrl(), 'graphql-transport-ws');
    const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
    await new Promise<void>((resolve) => {
      socket.on('open', () =>
        socket.send(JSON.stringify({ type: 'connection_init', payload: { token } })),
      );
      socket.on('message', (data) => {
        if (messageType(data) === 'connection_ack') resolve();
      });
    });
    await server.gql(`mutation { logout }`, {}, token);
    expect(await closed).toBe(4403);
  });
});
