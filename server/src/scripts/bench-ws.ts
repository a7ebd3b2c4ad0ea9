import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { createLogger } from '../core/logger.js';
import { connectOrm, ormOptions } from '../core/orm/orm.js';
import { entities } from '../app/entities.js';
import { hashToken } from '../modules/identity/index.js';
import type { WebSocketLimits } from '../config/env.js';
import { reportFatal } from './cli.js';

// Usage: npm run bench:ws -- [--subscribers 20000] [--seconds 60] [--rate 1000] [--processes 1]
//        [--clients N] (load-generating processes; default one per 5,000 subscribers) [--keep]
// Builds its own database `kabinet_bench_ws` (created here, dropped after unless --keep) with one
// organization, an account and a session per subscriber (set-based inserts; tokens hashed as the
// SessionService stores them), starts --processes server processes (over Redis when more than
// one: REDIS_URL, default redis://127.0.0.1:6379), opens one `notificationAdded` subscription per
// account over graphql-ws from --clients processes, then sends --rate targeted notifications a
// second for --seconds: every 10 ms the events due, written and published by a server process (with two,
// by the process the recipient is NOT connected to, so each event crosses Redis). Prints the
// delivery latency (commit to receipt) and each server's heap and RSS per socket. Before the load,
// one more account opens the most sockets and subscriptions the limits allow on the first server,
// plus one socket and one subscription past them (both refused): its heap per socket and per
// subscription, and the time one notification takes to reach all of its streams.
const { values } = parseArgs({
  options: {
    subscribers: { type: 'string', default: '20000' },
    seconds: { type: 'string', default: '60' },
    rate: { type: 'string', default: '1000' },
    processes: { type: 'string', default: '1' },
    clients: { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});
const subscribers = Number(values.subscribers);
const seconds = Number(values.seconds);
const rate = Number(values.rate);
const processes = Number(values.processes);
const clientCount = Number(values.clients ?? Math.max(1, Math.ceil(subscribers / 5000)));
if (
  ![subscribers, seconds, rate, processes, clientCount].every((n) => Number.isInteger(n) && n > 0)
) {
  process.stderr.write('kabinet: every option is a positive integer\n');
  process.exit(1);
}

const TICK_MS = 10;
/** Batches a publishing process may have waiting for their commit. */
const MAX_IN_FLIGHT = 4;
/** Descriptors a process may hold at most here (each child raises its soft limit to it). */
const FILE_LIMIT = Number(execFileSync('sh', ['-c', 'ulimit -Hn']).toString().trim()) || 1024;
const DATABASE = 'kabinet_bench_ws';
const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const admin = new URL(process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres');
admin.pathname = '/postgres';
const target = new URL(admin);
target.pathname = `/${DATABASE}`;
const redisUrl = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';

async function sql(url: URL, text: string, params: unknown[] = []): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    return await client.query(text, params);
  } finally {
    await client.end();
  }
}

/**
 * The organization, its accounts (one more than the subscribers: the account at the limits) and a
 * session each, in three statements; returns the tokens.
 */
async function populate(): Promise<{ organizationId: string; users: string[]; tokens: string[] }> {
  const orm = await connectOrm(
    ormOptions({ entities, url: target.toString(), poolMax: 1 }, createLogger('warn')),
  );
  try {
    await orm.getMigrator().up();
  } finally {
    await orm.close();
  }
  const [org] = (
    await sql(
      target,
      `insert into organization (id, name, time_zone) values (gen_random_uuid(), 'bench-ws', 'Europe/Moscow') returning id`,
    )
  ).rows as { id: string }[];
  const users = (
    await sql(
      target,
      `insert into app_user (id, organization_id, login, display_name, roles, status)
       select gen_random_uuid(), $1, 'bench-ws-' || n, 'Bench ' || n, '{EMPLOYEE}', 'ACTIVE'
         from generate_series(1, $2::int) as n
       returning id`,
      [org!.id, subscribers + 1],
    )
  ).rows.map((row: { id: string }) => row.id);
  // Tokens as SessionService.open mints them; only their SHA-256 is stored, as it stores them.
  const tokens = users.map(() => `kab_${randomBytes(32).toString('base64url')}`);
  await sql(
    target,
    `insert into session (id, user_id, token_hash, last_seen_at, expires_at, ip, user_agent)
     select gen_random_uuid(), u, h, now(), now() + interval '1 day', '127.0.0.1', 'bench-ws'
       from unnest($1::uuid[], $2::text[]) as s(u, h)`,
    [users, tokens.map(hashToken)],
  );
  return { organizationId: org!.id, users, tokens };
}

/** A server's memory, and its event-loop delay (ms) since it was last asked. */
interface Memory {
  heapUsed: number;
  rss: number;
  /** CPU time the process has used (user + system). */
  cpuMs: number;
  loopDelay: { p50: number; p99: number; max: number };
}

type ServerMessage =
  | { kind: 'ready'; url: string; transport: string; limits: WebSocketLimits }
  | { kind: 'published'; batch: number; at: number }
  | { kind: 'failed'; batch: number; error: string }
  | ({ kind: 'memory'; id: number } & Memory);

/** A child node process under a raised descriptor limit (the parent's may be too low). */
function child(
  script: string,
  env: Record<string, string | undefined>,
  nodeArgs: string[] = [],
): ChildProcess {
  return spawn(
    'sh',
    [
      '-c',
      'ulimit -n "$(ulimit -Hn)" && exec "$0" "$@"',
      process.execPath,
      '--expose-gc',
      '--max-old-space-size=4096',
      ...nodeArgs,
      '--import',
      'tsx',
      `src/scripts/${script}`,
    ],
    {
      cwd: serverDir,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    },
  );
}

class Server {
  url = '';
  inFlight = 0;
  failed = 0;
  transport = '';
  limits!: WebSocketLimits;
  private commits = new Map<
    number,
    { resolve: (at: number) => void; reject: (e: Error) => void }
  >();
  private memoryAsks = new Map<number, (m: Memory) => void>();
  private asked = 0;
  constructor(
    readonly process: ChildProcess,
    onPublished: (batch: number, at: number) => void,
  ) {
    process.on('message', (message: ServerMessage) => {
      if (message.kind === 'published' || message.kind === 'failed') this.inFlight -= 1;
      if (message.kind === 'published') {
        const waiter = this.commits.get(message.batch);
        if (waiter) waiter.resolve(message.at);
        else onPublished(message.batch, message.at);
      }
      if (message.kind === 'failed' && this.commits.has(message.batch))
        this.commits.get(message.batch)!.reject(new Error(message.error));
      else if (message.kind === 'failed') {
        this.failed += 1;
        globalThis.process.stderr.write(`a batch failed: ${message.error}\n`);
      }
      if (message.kind === 'memory') this.memoryAsks.get(message.id)?.(message);
    });
  }
  async ready(): Promise<void> {
    const [message] = (await Promise.race([
      once(this.process, 'message'),
      once(this.process, 'exit').then(() => {
        throw new Error('a server process exited while starting');
      }),
    ])) as [ServerMessage];
    if (message.kind !== 'ready') throw new Error(`unexpected ${message.kind}`);
    this.url = `${message.url.replace(/^http/, 'ws')}/graphql`;
    this.transport = message.transport;
    this.limits = message.limits;
  }
  /** Writes and publishes one notification outside the load; resolves with its commit time. */
  publishOne(organizationId: string, userId: string, title: string): Promise<number> {
    const batch = -1 - this.commits.size;
    this.inFlight += 1;
    this.process.send({ kind: 'publish', batch, organizationId, items: [{ userId, title }] });
    return new Promise((resolve, reject) => this.commits.set(batch, { resolve, reject }));
  }
  memory(): Promise<Memory> {
    const id = ++this.asked;
    return new Promise((resolve) => {
      this.memoryAsks.set(id, resolve);
      this.process.send({ kind: 'memory', id });
    });
  }
}

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const mib = (bytes: number) => `${(bytes / 1024 ** 2).toFixed(0)} MiB`;
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

interface LimitsState {
  kind: 'limits-state';
  refusedSockets: number;
  refusedSubscriptions: number;
  live: number;
  notices: [number, { count: number; lastAt: number }][];
}

/**
 * One account at the limits on `server`: its sockets × subscriptions and one of each past them,
 * the server's heap for them (every stream live: notices until each stream has had one), and one
 * notification's fan-out to all of the streams. Returns the table's rows.
 */
async function atTheLimits(
  server: Server,
  organizationId: string,
  userId: string,
  token: string,
): Promise<string[]> {
  const { socketsPerUser: sockets, subscriptionsPerSocket: subscriptions } = server.limits;
  const streams = sockets * subscriptions;
  const before = await server.memory();
  const proc = child('bench-ws-client.ts', {});
  const states: ((state: LimitsState) => void)[] = [];
  let opened!: (connected: number) => void;
  const open = new Promise<number>((resolve) => (opened = resolve));
  proc.on('message', (message: LimitsState | { kind: 'limits-open'; connected: number }) => {
    if (message.kind === 'limits-open') opened(message.connected);
    else states.shift()?.(message);
  });
  const state = () => {
    const next = new Promise<LimitsState>((resolve) => states.push(resolve));
    proc.send({ kind: 'limits-state' });
    return next;
  };
  try {
    proc.send({ kind: 'limits', url: server.url, token, sockets, subscriptions });
    const connected = await open;
    let now = await state();
    for (let notice = 1; notice <= 30 && now.live < streams; notice++) {
      await server.publishOne(organizationId, userId, `limits ${notice}:0`);
      await sleep(300);
      now = await state();
    }
    const heap = (await server.memory()).heapUsed - before.heapUsed;
    const fanOut = 1000;
    const committedAt = await server.publishOne(organizationId, userId, `limits ${fanOut}:0`);
    let arrived = { count: 0, lastAt: 0 };
    for (let wait = 0; wait < 100 && arrived.count < streams; wait++) {
      await sleep(50);
      now = await state();
      arrived = new Map(now.notices).get(fanOut) ?? arrived;
    }
    return [
      `| one account at the limits | ${connected} sockets × ${subscriptions} subscriptions (${now.live} streams live of ${streams}); past them ${now.refusedSockets} socket and ${now.refusedSubscriptions} subscriptions refused (of 1 and ${sockets}) |`,
      `| its server heap | ${kib(heap / sockets)} a socket with its subscriptions, ${kib(heap / streams)} a subscription |`,
      `| one notification to all of its streams | ${arrived.count} of ${streams} in ${arrived.lastAt ? arrived.lastAt - committedAt : '—'} ms (commit → last receipt) |`,
    ];
  } finally {
    proc.send({ kind: 'stop' });
    await once(proc, 'exit');
  }
}

async function main(): Promise<void> {
  await sql(admin, `drop database if exists ${DATABASE} with (force)`);
  await sql(admin, `create database ${DATABASE}`);
  const children: ChildProcess[] = [];
  try {
    let started = Date.now();
    const { organizationId, users, tokens } = await populate();
    const atLimits = { userId: users.pop()!, token: tokens.pop()! };
    process.stdout.write(
      `${subscribers} accounts and sessions in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
    );

    // A server holds a descriptor a socket: past the hard limit (only a privileged process raises
    // it) the last sockets are refused, and the table says so.
    if (Math.ceil(subscribers / processes) + 100 > FILE_LIMIT)
      process.stdout.write(
        `note: ${Math.ceil(subscribers / processes)} sockets a server, but a process may open ${FILE_LIMIT} descriptors here (ulimit -Hn)\n`,
      );
    const committed = new Map<number, number>();
    const servers: Server[] = [];
    for (let p = 0; p < processes; p++) {
      const proc = child(
        'bench-ws-server.ts',
        {
          DATABASE_URL: target.toString(),
          REDIS_URL: processes > 1 ? redisUrl : undefined,
          SMTP_URL: undefined,
          SEED_DEMO: 'false',
          MIGRATE_ON_START: 'false',
          LOG_LEVEL: 'warn',
          // The benchmark's sockets all come from 127.0.0.1: the per-address limit (500 by default)
          // is raised for its servers only, through the same setting an operator would use.
          WS_MAX_SOCKETS_PER_ADDRESS: String(Math.min(100_000, subscribers + 100)),
        },
        // e.g. BENCH_WS_SERVER_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof': profile the servers alone.
        (process.env['BENCH_WS_SERVER_ARGS'] ?? '').split(' ').filter(Boolean),
      );
      children.push(proc);
      servers.push(new Server(proc, (batch, at) => committed.set(batch, at)));
    }
    await Promise.all(servers.map((server) => server.ready()));
    const limitsRows = await atTheLimits(
      servers[0]!,
      organizationId,
      atLimits.userId,
      atLimits.token,
    );
    global.gc?.();
    const idle = await Promise.all(servers.map((server) => server.memory()));

    // Subscriber i connects to server i % processes; its events are published by the next one.
    const homeOf = (i: number) => i % processes;
    const arrivals: number[] = [];
    let clientErrors = 0;
    const clientLoops: string[] = [];
    const clients: ChildProcess[] = [];
    started = Date.now();
    const readies: Promise<number>[] = [];
    for (let c = 0; c < clientCount; c++) {
      const proc = child('bench-ws-client.ts', {});
      children.push(proc);
      clients.push(proc);
      readies.push(
        new Promise((resolve) =>
          proc.on(
            'message',
            (message: {
              kind: string;
              subscribed?: number;
              pairs?: number[];
              errors?: number;
              p99?: number;
              max?: number;
            }) => {
              if (message.kind === 'ready') resolve(message.subscribed!);
              if (message.kind === 'loop') clientLoops.push(`${message.p99!} / ${message.max!}`);
              if (message.kind === 'received') {
                for (const value of message.pairs!) arrivals.push(value);
                clientErrors += message.errors!;
              }
            },
          ),
        ),
      );
      const mine = [];
      for (let i = c; i < subscribers; i += clientCount)
        mine.push({ token: tokens[i]!, url: servers[homeOf(i)]!.url });
      proc.send({ kind: 'start', subscribers: mine, concurrency: 50 });
    }
    const subscribed = (await Promise.all(readies)).reduce((a, b) => a + b, 0);
    const connectSeconds = (Date.now() - started) / 1000;
    process.stdout.write(
      `${subscribed} of ${subscribers} subscribed in ${connectSeconds.toFixed(1)} s; sending ${rate}/s for ${seconds} s …\n`,
    );
    await sleep(2000);
    const loaded = await Promise.all(servers.map((server) => server.memory()));

    // The load: every TICK_MS the events due, on a fixed schedule (no drift). A publishing process
    // gets a batch (one transaction) when fewer than MAX_IN_FLIGHT of its batches wait for their
    // commit; otherwise the events wait for the next tick and go together, as a busy server's
    // writes would: the rate holds, the number of transactions gives way.
    const scheduled = new Map<number, number>();
    const pending = servers.map(() => ({ items: [] as string[], due: 0 }));
    let batch = 0;
    let sent = 0;
    let nextTarget = 0;
    const perTick = (rate * TICK_MS) / 1000;
    const ticks = Math.round((seconds * 1000) / TICK_MS);
    const begin = Date.now();
    let owed = 0;
    const flush = () => {
      for (const [publisher, queue] of pending.entries()) {
        const server = servers[publisher]!;
        if (queue.items.length === 0 || server.inFlight >= MAX_IN_FLIGHT) continue;
        const id = ++batch;
        scheduled.set(id, queue.due);
        sent += queue.items.length;
        server.inFlight += 1;
        server.process.send({
          kind: 'publish',
          batch: id,
          organizationId,
          items: queue.items.map((userId, k) => ({ userId, title: `bench ${id}:${k}` })),
        });
        queue.items = [];
      }
    };
    for (let tick = 0; tick <= ticks; tick++) {
      const due = begin + tick * TICK_MS;
      const wait = due - Date.now();
      if (wait > 0) await sleep(wait);
      owed += tick < ticks ? perTick : 0;
      const count = Math.floor(owed);
      owed -= count;
      for (let k = 0; k < count; k++) {
        const i = nextTarget++ % subscribers;
        const queue = pending[(homeOf(i) + 1) % processes]!;
        if (queue.items.length === 0) queue.due = due;
        queue.items.push(users[i]!);
      }
      flush();
    }
    while (pending.some((queue) => queue.items.length > 0)) {
      await sleep(TICK_MS);
      flush();
    }
    const sendingSeconds = (Date.now() - begin) / 1000;
    await sleep(3000);
    const after = await Promise.all(servers.map((server) => server.memory()));
    for (const proc of clients) proc.send({ kind: 'stop' });
    await Promise.all(clients.map((proc) => once(proc, 'exit')));

    const latencies: number[] = [];
    const sinceScheduled: number[] = [];
    for (let j = 0; j < arrivals.length; j += 2) {
      const at = committed.get(arrivals[j]!);
      if (at !== undefined) latencies.push(arrivals[j + 1]! - at);
      sinceScheduled.push(arrivals[j + 1]! - scheduled.get(arrivals[j]!)!);
    }
    latencies.sort((a, b) => a - b);
    sinceScheduled.sort((a, b) => a - b);
    const commitLag = [...committed]
      .map(([id, at]) => at - scheduled.get(id)!)
      .sort((a, b) => a - b);
    const ms = (sorted: number[]) =>
      `p50 ${percentile(sorted, 0.5)} ms, p99 ${percentile(sorted, 0.99)} ms, max ${sorted.at(-1)} ms`;
    const lines = [
      '',
      `| bench:ws | ${processes} process(es), ${servers[0]!.transport} pub/sub |`,
      '| --- | --- |',
      `| subscribers | ${subscribed} of ${subscribers} (${clientCount} client processes; ${clientErrors} errors), connected in ${connectSeconds.toFixed(1)} s; descriptors a process ${FILE_LIMIT} |`,
      `| events | ${sent} sent in ${sendingSeconds.toFixed(1)} s (${Math.round(sent / sendingSeconds)}/s) in ${batch} transactions (${servers.reduce((n, server) => n + server.failed, 0)} failed), ${latencies.length} delivered |`,
      `| delivery latency (commit → receipt) | ${ms(latencies)} |`,
      `| from due to receipt (write + delivery) | ${ms(sinceScheduled)} |`,
      `| write and commit of a batch | ${ms(commitLag)} |`,
      ...after.map(({ loopDelay: d, cpuMs }, p) => {
        const cpu = cpuMs - loaded[p]!.cpuMs;
        return `| server ${p + 1}: during the load | CPU ${(cpu / 1000).toFixed(1)} s (${((cpu * 1000) / sent).toFixed(0)} µs an event); event-loop delay p50 ${d.p50} ms, p99 ${d.p99} ms, max ${d.max} ms |`;
      }),
      `| client processes: event-loop delay (p99 / max) | ${clientLoops.join('; ')} ms |`,
      ...servers.map((_, p) => {
        const sockets = Math.ceil((subscribers - p) / processes);
        const heap = loaded[p]!.heapUsed - idle[p]!.heapUsed;
        const rss = loaded[p]!.rss - idle[p]!.rss;
        return (
          `| server ${p + 1}: ${sockets} sockets | heap ${kib(heap / sockets)} a socket, RSS ${kib(rss / sockets)} a socket ` +
          `(idle ${mib(idle[p]!.heapUsed)} heap / ${mib(idle[p]!.rss)} RSS; subscribed ${mib(loaded[p]!.heapUsed)} / ${mib(loaded[p]!.rss)}; ` +
          `after the run ${mib(after[p]!.heapUsed)} / ${mib(after[p]!.rss)}) |`
        );
      }),
      ...limitsRows,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    for (const server of servers) server.process.send({ kind: 'stop' });
    await Promise.all(servers.map((server) => once(server.process, 'exit')));
  } finally {
    for (const proc of children) if (proc.exitCode === null) proc.kill('SIGKILL');
    if (!values.keep) await sql(admin, `drop database if exists ${DATABASE} with (force)`);
  }
}

main().catch(reportFatal);
