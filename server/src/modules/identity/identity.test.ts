import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { startTestServer, type GraphQLResponse, type TestServer } from '../../../test/harness.js';
import { PasswordHasher } from './password.js';
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
const countOf = (codes: unknown[], code: unknown) => codes.filter((c) => c === code).length;

/** One GraphQL request as if from `address` (the test servers trust the loopback proxy). */
const gqlFrom = async <T = Record<string, unknown>>(
  target: TestServer,
  address: string,
  query: string,
  variables: Record<string, unknown>,
): Promise<GraphQLResponse<T>> => {
  const response = await fetch(`${target.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLResponse<T>;
};

/** Waits until `condition` holds, checking every 5 ms for at most 10 s. */
const until = async (condition: () => Promise<boolean>) => {
  const deadline = Date.now() + 10_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not reached in 10 s');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};

/** A new active account with the demo password, so no other test's counters touch it. */
const accountWithDemoPassword = async (target: TestServer, login: string) => {
  const em = target.orm.em.fork();
  const source = await em.findOneOrFail(
    User,
    { login: 'employee' },
    { populate: ['passwordHash'] },
  );
  em.create(User, {
    organization: source.organization,
    login,
    passwordHash: source.passwordHash,
    roles: ['EMPLOYEE'],
    status: 'ACTIVE',
  });
  await em.flush();
  return login;
};

beforeAll(async () => {
  server = await startTestServer({
    demo: true,
    env: {
      LOGIN_MAX_FAILURES: '5',
      LOGIN_MAX_FAILURES_PER_IP: '1000',
      REGISTER_MAX_PER_IP_HOUR: '100',
    },
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

  // The cost itself: password.test.ts (the production config hashes at 64 MiB, t=3).
  it('stores the token only as its SHA-256 and the password as argon2id at the configured cost', async () => {
    const token = await server.login('other');
    const em = server.orm.em.fork();
    const hash = createHash('sha256').update(token).digest('hex');
    expect(await em.count(Session, { tokenHash: hash })).toBe(1);
    expect(await em.count(Session, { tokenHash: token })).toBe(0);
    const user = await em.findOneOrFail(User, { login: 'other' }, { populate: ['passwordHash'] });
    const [, algorithm, , params] = user.passwordHash!.split('$');
    expect(algorithm).toBe('argon2id');
    // The test servers' cost (PASSWORD_HASHING=test), which the seeded demo shares.
    const configured = (await new PasswordHasher('test').hash('x')).split('$')[3];
    expect(params).toBe(configured);
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

  it('takes an attempt before checking the password: of 25 parallel wrong ones 5 are checked, and the right one is refused', async () => {
    const login = await accountWithDemoPassword(server, 'burst-target');
    const verify = vi.spyOn(PasswordHasher.prototype, 'verify');
    try {
      const wrong = Array.from({ length: 25 }, (_, i) =>
        server.gql(loginMutation, { input: { login, password: `wrong-${i}` } }),
      );
      // The right password arrives while the wrong ones are still being checked.
      await until(async () => {
        const row = await server.orm.em
          .getKnex()('login_limit')
          .where('key', `login:${login}`)
          .first<{ points: number } | undefined>('points');
        return Number(row?.points ?? 0) >= 5;
      });
      const right = await server.gql(loginMutation, { input: { login, password: 'demo1234' } });
      const codes = (await Promise.all(wrong)).map(codeOf);
      expect(codeOf(right)).toBe('TOO_MANY_ATTEMPTS');
      expect({
        checked: verify.mock.calls.length,
        invalid: countOf(codes, 'INVALID_CREDENTIALS'),
        refused: countOf(codes, 'TOO_MANY_ATTEMPTS'),
      }).toEqual({ checked: 5, invalid: 5, refused: 20 });
    } finally {
      verify.mockRestore();
    }
  });

  it('forgets the failures before a sign-in, as the short lock did', async () => {
    const login = await accountWithDemoPassword(server, 'forgiven');
    const attempt = async (password: string) =>
      codeOf(await server.gql(loginMutation, { input: { login, password } }));
    const codes: unknown[] = [];
    for (let i = 0; i < 4; i++) codes.push(await attempt(`wrong-${i}`));
    codes.push(await attempt('demo1234'));
    for (let i = 0; i < 5; i++) codes.push(await attempt(`again-${i}`));
    codes.push(await attempt('demo1234'));
    expect(codes).toEqual([
      ...Array<unknown>(4).fill('INVALID_CREDENTIALS'),
      undefined,
      ...Array<unknown>(5).fill('INVALID_CREDENTIALS'),
      'TOO_MANY_ATTEMPTS',
    ]);
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

describe('limits under parallel requests from one address', () => {
  let tight: TestServer;
  beforeAll(async () => {
    tight = await startTestServer({
      demo: true,
      env: {
        LOGIN_MAX_FAILURES: '100',
        LOGIN_MAX_FAILURES_PER_IP: '5',
        REGISTER_MAX_PER_IP_HOUR: '3',
        REGISTER_MAX_PER_DAY: '10',
      },
    });
  });
  afterAll(async () => {
    await tight?.close();
  });

  it('checks at most the per-IP limit of 60 parallel sign-ins from one address', async () => {
    const verify = vi.spyOn(PasswordHasher.prototype, 'verify');
    try {
      const results = await Promise.all(
        Array.from({ length: 60 }, (_, i) =>
          gqlFrom(tight, '198.51.100.7', loginMutation, {
            input: { login: `ip-burst-${i}`, password: 'wrong' },
          }),
        ),
      );
      const codes = results.map(codeOf);
      expect({
        checked: verify.mock.calls.length,
        invalid: countOf(codes, 'INVALID_CREDENTIALS'),
        refused: countOf(codes, 'TOO_MANY_ATTEMPTS'),
      }).toEqual({ checked: 5, invalid: 5, refused: 55 });
      const right = await gqlFrom(tight, '198.51.100.7', loginMutation, {
        input: { login: 'hr', password: 'demo1234' },
      });
      expect(codeOf(right)).toBe('TOO_MANY_ATTEMPTS');
    } finally {
      verify.mockRestore();
    }
  });

  it('counts a right password against no limit', async () => {
    const address = '198.51.100.8';
    const attempt = (password: string) =>
      gqlFrom(tight, address, loginMutation, { input: { login: 'hr', password } });
    for (let i = 0; i < 12; i++) expect((await attempt('demo1234')).errors).toBeUndefined();
    const codes: unknown[] = [];
    for (let i = 0; i < 6; i++) codes.push(codeOf(await attempt(`wrong-${i}`)));
    expect(codes).toEqual([...Array<unknown>(5).fill('INVALID_CREDENTIALS'), 'TOO_MANY_ATTEMPTS']);
  });

  it('limits registrations per address an hour and per organization a day, before hashing', async () => {
    const hash = vi.spyOn(PasswordHasher.prototype, 'hash');
    const registerFrom = (address: string, login: string) =>
      gqlFrom(tight, address, registerMutation, { input: registration(login) });
    try {
      const burst = await Promise.all(
        Array.from({ length: 10 }, (_, i) => registerFrom('203.0.113.1', `burst-reg-${i}`)),
      );
      const codes = burst.map(codeOf);
      expect({
        accepted: countOf(codes, undefined),
        refused: countOf(codes, 'TOO_MANY_ATTEMPTS'),
      }).toEqual({ accepted: 3, refused: 7 });
      const refusal = burst.find((result) => codeOf(result))!;
      expect(refusal.errors?.[0]?.extensions?.['retryAfterSeconds']).toBeGreaterThan(3_000);
      expect(hash).toHaveBeenCalledTimes(3);

      // Other addresses fill the organization's day: 10 in all, whoever sends them.
      const spread = await Promise.all(
        Array.from({ length: 12 }, (_, i) => registerFrom(`203.0.113.${10 + i}`, `day-reg-${i}`)),
      );
      const spreadCodes = spread.map(codeOf);
      expect({
        accepted: countOf(spreadCodes, undefined),
        refused: countOf(spreadCodes, 'TOO_MANY_ATTEMPTS'),
      }).toEqual({ accepted: 7, refused: 5 });
      expect(hash).toHaveBeenCalledTimes(10);
      const pending = await tight.orm.em.fork().count(User, { status: 'PENDING' });
      expect(pending).toBe(10);
    } finally {
      hash.mockRestore();
    }
  });
});

const registerMutation = `mutation($input: RegisterInput!) {
  register(input: $input) { login receivedAt }
}`;
const registration = (login: string, password = 'a long enough password') => ({
  login,
  password,
  displayName: 'ООО «Проверка», Сидоров',
  email: 'audit@example.org',
});

describe('third-party registration', () => {
  const register = (login: string, password?: string) =>
    server.gql<{ register: { login: string; receivedAt: string } }>(registerMutation, {
      input: registration(login, password),
    });
  const pendingId = async (admin: string, login: string) => {
    const pending = await server.gql<{ pendingUsers: { id: string; login: string }[] }>(
      `{ pendingUsers { id login } }`,
      {},
      admin,
    );
    return pending.data!.pendingUsers.find((user) => user.login === login)?.id;
  };

  it('creates a pending account that signs in only once an admin approves it', async () => {
    const created = await register('auditor');
    expect(created.errors).toBeUndefined();
    expect(created.data!.register.login).toBe('auditor');
    const admin = await server.login('admin');
    const id = await pendingId(admin, 'auditor');
    expect(id).toBeTruthy();
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
      { id },
      hr,
    );
    expect(codeOf(refused)).toBe('FORBIDDEN');

    const approved = await server.gql<{ approveUser: { status: string } }>(
      `mutation($id: ID!) { approveUser(userId: $id) { status } }`,
      { id },
      admin,
    );
    expect(approved.data!.approveUser.status).toBe('ACTIVE');
    const token = await server.login('auditor', 'a long enough password');
    const roles = await server.gql<{ me: { roles: string[] } }>(`{ me { roles } }`, {}, token);
    expect(roles.data!.me.roles).toEqual(['EXTERNAL']);
  });

  it('keeps a rejected account out', async () => {
    await register('rejected-one');
    const admin = await server.login('admin');
    await server.gql(
      `mutation($id: ID!) { approveUser(userId: $id, approve: false) { status } }`,
      { id: await pendingId(admin, 'rejected-one') },
      admin,
    );
    const attempt = await server.gql(loginMutation, {
      input: { login: 'rejected-one', password: 'a long enough password' },
    });
    expect(codeOf(attempt)).toBe('ACCOUNT_DISABLED');
  });

  it('answers a taken login exactly as a free one, creating and changing nothing', async () => {
    const em = server.orm.em.fork();
    const before = await em.findOneOrFail(User, { login: 'admin' }, { populate: ['passwordHash'] });
    const hash = vi.spyOn(PasswordHasher.prototype, 'hash');
    try {
      const started = performance.now();
      const taken = await register('admin');
      const takenMs = performance.now() - started;
      const free = await register('admin-two');
      const freeMs = performance.now() - started - takenMs;
      console.info(`register: taken login ${takenMs.toFixed(0)} ms, free ${freeMs.toFixed(0)} ms`);
      // Both hash the password: the time is no oracle either.
      expect(hash).toHaveBeenCalledTimes(2);
      expect(taken.errors).toBeUndefined();
      expect(free.errors).toBeUndefined();
      expect(Object.keys(taken.data!.register)).toEqual(Object.keys(free.data!.register));
      expect([taken.data!.register.login, free.data!.register.login]).toEqual([
        'admin',
        'admin-two',
      ]);
    } finally {
      hash.mockRestore();
    }
    const after = await server.orm.em
      .fork()
      .find(User, { login: 'admin' }, { populate: ['passwordHash'] });
    expect(after.map((user) => [user.id, user.status, user.passwordHash])).toEqual([
      [before.id, 'ACTIVE', before.passwordHash],
    ]);
    const admin = await server.login('admin');
    expect(await pendingId(admin, 'admin-two')).toBeTruthy();
  });

  it('refuses bad input with the field path', async () => {
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
