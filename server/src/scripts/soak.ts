import fs from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Api, type Actor } from './soak/api.js';
import { createSoakDatabase, freePort, ServerProcess, sleep } from './soak/cluster.js';
import { Ledger, type Tally } from './soak/ledger.js';
import { Load } from './soak/load.js';
import { formatReport, type SoakReport } from './soak/report.js';
import { Stats, percentiles } from './soak/stats.js';
import { NO_NOTIFICATION, SoakSocket, Subscription } from './soak/subscribers.js';

// Usage: npm run soak -- --minutes 10 [--json soak.json] [--subscriptions 1000] [--users 40]
// Two server processes on a fresh PostgreSQL database and Redis; a bounded mix of sign-ins, reads,
// file downloads, task writes, messages, uploads and announcements; `--subscriptions` live
// `notificationAdded` subscriptions; one server SIGKILLed and restarted mid-run, its clients
// reconnecting with their cursors. Exits 1 on any notification lost or duplicated, or when the
// killed server does not come back. See the README, "Soak and fault run".
const { values } = parseArgs({
  options: {
    minutes: { type: 'string' },
    seconds: { type: 'string' },
    json: { type: 'string' },
    subscriptions: { type: 'string', default: '1000' },
    users: { type: 'string', default: '40' },
    employees: { type: 'string', default: '200' },
    concurrency: { type: 'string', default: '4' },
    'think-ms': { type: 'string', default: '50' },
    'announce-every': { type: 'string', default: '5' },
    'sign-in-every': { type: 'string', default: '1' },
    'kill-at': { type: 'string', default: '0.4' },
    settle: { type: 'string', default: '20' },
    churn: { type: 'string', default: '15' },
    production: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
});

const number = (name: string, value: string | undefined, min: number, max: number): number => {
  const parsed = Number(value);
  if (value === undefined || !Number.isFinite(parsed) || parsed < min || parsed > max) {
    process.stderr.write(`kabinet soak: --${name} must be a number from ${min} to ${max}\n`);
    process.exit(2);
  }
  return parsed;
};

const SEED = 5;
/** Subscriptions on one socket: under the server's default of 25 a socket. */
const PER_SOCKET = 20;

const durationMs =
  values.seconds !== undefined
    ? number('seconds', values.seconds, 5, 86_400) * 1000
    : number('minutes', values.minutes ?? '1', 0.1, 1440) * 60_000;
const options = {
  subscriptions: number('subscriptions', values.subscriptions, 1, 100_000),
  users: number('users', values.users, 2, 10_000),
  employees: number('employees', values.employees, 8, 100_000),
  concurrency: number('concurrency', values.concurrency, 1, 64),
  thinkMs: number('think-ms', values['think-ms'], 0, 60_000),
  announceEveryMs: number('announce-every', values['announce-every'], 0.5, 3600) * 1000,
  signInEveryMs: number('sign-in-every', values['sign-in-every'], 0.05, 3600) * 1000,
  killAt: number('kill-at', values['kill-at'], 0, 1),
  settleMs: number('settle', values.settle, 1, 600) * 1000,
  churnMs: number('churn', values.churn, 0, 86_400) * 1000,
};
const adminUrl =
  process.env['SOAK_DATABASE_URL'] ??
  process.env['TEST_DATABASE_URL'] ??
  'postgres://postgres@127.0.0.1:5432/postgres';
const redisUrl = process.env['SOAK_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

const log = (line: string) =>
  process.stderr.write(`[soak ${new Date().toISOString().slice(11, 19)}] ${line}\n`);

async function main(): Promise<number> {
  const started = Date.now();
  const stats = new Stats();
  log(`database and seed (${options.employees} employees)`);
  const database = await createSoakDatabase(adminUrl, options.employees, SEED);
  const servers: ServerProcess[] = [];
  const sockets: SoakSocket[] = [];
  let ledger: Ledger | null = null;
  try {
    const env: Record<string, string> = {
      DATABASE_URL: database.url,
      DATABASE_POOL_MAX: '6',
      REDIS_URL: redisUrl,
      FILES_DIR: database.filesDir,
      LOG_LEVEL: 'warn',
      SEED_DEMO: 'false',
      NODE_ENV: values.production ? 'production' : 'development',
      // Every soak client comes from 127.0.0.1: the per-address socket limit would be theirs together.
      WS_MAX_SOCKETS_PER_ADDRESS: '100000',
      // Right passwords only, but all from one address, in bursts at the start.
      LOGIN_MAX_FAILURES_PER_IP: '100000',
    };
    for (const name of ['a', 'b']) {
      servers.push(
        new ServerProcess(
          name,
          await freePort(),
          env,
          path.join(database.workDir, `server-${name}.log`),
        ),
      );
    }
    // Together: the migrations are applied already, and the calendar sync takes a lock.
    await Promise.all(
      servers.map(async (server) => {
        const ms = await server.start();
        log(`server ${server.name} ready on ${server.port} in ${ms} ms`);
      }),
    );
    const urls = servers.map((server) => server.url);
    const api = new Api(urls, stats);
    ledger = await Ledger.open(database.url);

    const accounts = await ledger.users(options.users, `b${SEED}-hr`);
    const actors = await signInAll(api, accounts);
    const [hr, ...employees] = actors;
    if (!hr || employees.length === 0) throw new Error('no accounts to act as');

    const cursors = await ledger.cursors(actors.map((actor) => actor.userId));
    const subscriptions: Subscription[] = [];
    for (let index = 0; index < options.subscriptions; index++) {
      const actor = actors[index % actors.length]!;
      subscriptions.push(
        new Subscription(actor.userId, cursors.get(actor.userId) ?? NO_NOTIFICATION),
      );
    }
    for (const [index, actor] of actors.entries()) {
      const own = subscriptions.filter((item) => item.userId === actor.userId);
      // Spread each user's subscriptions over sockets of at most PER_SOCKET, alternating servers.
      const count = Math.max(2, Math.ceil(own.length / PER_SOCKET));
      for (let socket = 0; socket < count; socket++) {
        const share = own.filter((_, position) => position % count === socket);
        if (share.length > 0)
          sockets.push(
            new SoakSocket(
              actor.token,
              share,
              index + socket,
              index % 2 === 0,
              urls,
              stats,
              options.churnMs,
            ),
          );
      }
    }
    for (const socket of sockets) socket.connect();
    log(
      `${subscriptions.length} subscriptions of ${actors.length} users on ${sockets.length} sockets`,
    );

    const load = new Load(api, hr, employees, options);
    const loadStarted = Date.now();
    const until = loadStarted + durationMs;
    const fault = runFault(servers[1]!, options.killAt * durationMs);
    log(
      `load for ${durationMs / 1000} s; ${servers[1]!.name} is killed at ${Math.round((options.killAt * durationMs) / 1000)} s`,
    );
    await load.run(until);
    const restart = await fault;
    const loadMs = Date.now() - loadStarted;

    log('settling');
    const before = await settle(ledger, subscriptions, options.settleMs);
    // A notification committed by the killed process whose event never left it is delivered with
    // the next notification of its user: one closing announcement is that next one for everyone.
    await load.announce('Завершение прогона');
    const tally = await settle(ledger, subscriptions, options.settleMs);

    const report: SoakReport = {
      durationSeconds: Math.round(loadMs / 100) / 10,
      wallSeconds: Math.round((Date.now() - started) / 100) / 10,
      servers: 2,
      users: actors.length,
      subscriptions: subscriptions.length,
      sockets: sockets.length,
      reconnects: sockets.reduce((total, socket) => total + socket.reconnects, 0),
      socketEvents: Object.fromEntries(stats.events),
      restart,
      requests: Object.fromEntries(stats.requests),
      errors: Object.fromEntries(stats.errors),
      notifications: { ...tally, awaitingAnotherEventBeforeClosing: before.lost },
      latencyMs: { live: percentiles(stats.live), replayed: percentiles(stats.replayed) },
      passed:
        tally.lost === 0 &&
        tally.outOfOrder === 0 &&
        tally.duplicated === 0 &&
        tally.unexpected === 0 &&
        restart.ok &&
        tally.expected > 0,
    };
    process.stdout.write(formatReport(report));
    if (values.json) {
      await fs.writeFile(
        path.resolve(process.env['INIT_CWD'] ?? process.cwd(), values.json),
        `${JSON.stringify(report, null, 2)}\n`,
      );
    }
    return report.passed ? 0 : 1;
  } finally {
    await Promise.all(sockets.map((socket) => socket.close()));
    await ledger?.close();
    await Promise.all(servers.map((server) => server.stop()));
    if (values.keep) log(`kept database ${database.name} and ${database.workDir}`);
    else await database.drop();
  }
}

/** Signs every account in through the API, two at a time (one a server; argon2 is the cost). */
async function signInAll(api: Api, accounts: { id: string; login: string }[]): Promise<Actor[]> {
  const actors: Actor[] = [];
  const queue = [...accounts];
  const worker = async () => {
    for (let account = queue.shift(); account; account = queue.shift()) {
      const result = await api.gql<{ login: { accessToken: string } | null }>(
        'sign-in',
        `mutation($input: LoginInput!) { login(input: $input) { accessToken } }`,
        { input: { login: account.login, password: 'demo1234' } },
        null,
      );
      if (!result?.login) throw new Error(`sign-in of ${account.login} failed`);
      actors.push({ userId: account.id, login: account.login, token: result.login.accessToken });
    }
  };
  await Promise.all([worker(), worker()]);
  // The HR account first, as `users()` listed it.
  return accounts.map((account) => actors.find((actor) => actor.userId === account.id)!);
}

/** After `afterMs`, SIGKILL the server and start it again on its port; how long it was away. */
async function runFault(server: ServerProcess, afterMs: number) {
  await sleep(afterMs);
  const killedAt = Date.now();
  log(`SIGKILL ${server.name}`);
  await server.kill();
  try {
    await server.start(60_000);
    const downMs = Date.now() - killedAt;
    log(`${server.name} back after ${downMs} ms`);
    return { ok: true, server: server.name, downMs };
  } catch (error) {
    log(`${server.name} did not come back: ${(error as Error).message}`);
    return { ok: false, server: server.name, downMs: null, error: (error as Error).message };
  }
}

/** Waits until every subscription has all it is owed (or `timeoutMs`); the tally at that point. */
async function settle(
  ledger: Ledger,
  subscriptions: Subscription[],
  timeoutMs: number,
): Promise<Tally> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const tally = await ledger.tally(subscriptions);
    if (Date.now() >= deadline) return tally;
    if (tally.lost === 0) {
      // All there: a moment more, so a late duplicate would still be counted.
      await sleep(1000);
      return ledger.tally(subscriptions);
    }
    await sleep(500);
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      `kabinet soak: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
