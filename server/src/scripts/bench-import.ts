import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { createLogger } from '../core/logger.js';
import { connectOrm, ormOptions } from '../core/orm/orm.js';
import { entities } from '../app/entities.js';
import { QueryCounter } from '../core/orm/query-counter.js';
import { generateImportRecords } from '../seeders/import.generator.js';
import { ImportService, ndjsonBlocks, summary } from '../modules/integration/index.js';

// Usage: npm run bench:import -- [--employees 10000] [--months 36] [--seed 42] [--keep]
//        [--workers 2] (reading worker threads, as IMPORT_WORKERS; 0: the main thread alone)
//        [--file batch.ndjson] (generated there unless it exists, and kept: to profile or re-run)
// Generates an institution with three years of history and payslips as one NDJSON batch, imports
// it into a fresh database `kabinet_bench_import` (created here and dropped after), then imports
// it again (nothing changes), and prints records per second, SQL statements and the CPU seconds
// of Node and of the PostgreSQL processes serving it (when they run on this machine) for both.
const { values } = parseArgs({
  options: {
    employees: { type: 'string', default: '10000' },
    months: { type: 'string', default: '36' },
    seed: { type: 'string', default: '42' },
    keep: { type: 'boolean', default: false },
    workers: { type: 'string', default: process.env['IMPORT_WORKERS'] ?? '2' },
    file: { type: 'string' },
  },
});
const employees = Number(values.employees);
const months = Number(values.months);
const seed = Number(values.seed);
const workers = Number(values.workers);
if (
  ![employees, months, seed, workers].every((n) => Number.isInteger(n) && n >= 0) ||
  employees < 8
) {
  process.stderr.write(
    'kabinet: --employees (8 or more), --months, --seed and --workers are integers\n',
  );
  process.exit(1);
}

const DATABASE = 'kabinet_bench_import';
const server = new URL(
  process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres',
);
server.pathname = '/postgres';
const target = new URL(server);
target.pathname = `/${DATABASE}`;

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: server.toString() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

const given = values.file ?? null;
const file = given ?? path.join(os.tmpdir(), `kabinet-bench-import-${process.pid}.ndjson`);
const logger = createLogger(process.env['LOG_LEVEL'] === 'debug' ? 'debug' : 'warn');
const queries = new QueryCounter();

if (!given || !fs.existsSync(given)) await generate(file);
process.stdout.write(`${(fs.statSync(file).size / 1024 / 1024).toFixed(0)} MB of NDJSON\n`);

await admin(`drop database if exists ${DATABASE} with (force)`);
await admin(`create database ${DATABASE}`);
const orm = await connectOrm(
  ormOptions({ entities, url: target.toString(), poolMax: 2 }, logger, queries),
);
try {
  await orm.getMigrator().up();
  const service = new ImportService(orm, null, logger, { copy: true, workers });
  let firstSeconds = 0;
  for (const pass of ['first import (empty database)', 'again (nothing changes)']) {
    const before = queries.count;
    const cpu = await cpuMeter(orm);
    const started = process.hrtime.bigint();
    const result = await service.run(
      ndjsonBlocks(fs.createReadStream(file, { highWaterMark: 1 << 20 })),
      {
        channel: 'CLI',
        actor: { userId: null, label: 'cli:bench', login: 'cli' },
        organizationId: null,
        createOrganization: true,
      },
    );
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const used = await cpu();
    firstSeconds ||= seconds;
    if (result.status !== 'APPLIED') {
      process.stdout.write(summary(result));
      throw new Error('the benchmark batch was rejected');
    }
    const rows = await orm.em
      .fork()
      .execute<{ lines: number }[]>(
        'select coalesce(sum(jsonb_array_length(lines)), 0)::int as lines from payslip',
      );
    process.stdout.write(
      `\n${pass}: ${result.records} records in ${seconds.toFixed(1)} s = ` +
        `${Math.round(result.records / seconds)} records/s; ${queries.count - before} SQL statements; ` +
        `created ${result.created}, updated ${result.updated}, unchanged ${result.unchanged}; ` +
        `${rows[0]!.lines} payslip lines held\n` +
        `  CPU: Node ${used.node.toFixed(1)} s, PostgreSQL ${used.postgres === null ? '(not on this machine)' : `${used.postgres.toFixed(1)} s`}` +
        ` (on a shared machine, wall time grows with the load; CPU time much less)\n`,
    );
  }
  const copy = await plainCopy();
  process.stdout.write(
    `\nplain COPY of the same ${copy.rows} rows into ${copy.tables} tables without keys or indexes: ` +
      `${copy.seconds.toFixed(1)} s; the first import took ${(firstSeconds / copy.seconds).toFixed(1)}× as long\n`,
  );
} finally {
  await orm.close();
  if (!given) fs.rmSync(file, { force: true });
  if (!values.keep) await admin(`drop database if exists ${DATABASE} with (force)`);
}

async function generate(to: string): Promise<void> {
  process.stdout.write(`Generating ${employees} employees, ${months} months of payslips …\n`);
  const out = fs.createWriteStream(to);
  for (const record of generateImportRecords({
    seed,
    employees,
    months,
    asOf: new Date().toISOString().slice(0, 10),
    source: 'bench',
    organizationExternalId: `bench-${seed}`,
    organizationName: `Учреждение № ${seed} (${employees} сотрудников)`,
  })) {
    if (!out.write(`${JSON.stringify(record)}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

/**
 * What the first import wrote, copied again as plainly as PostgreSQL takes rows: each table the
 * batch filled is read out in COPY's text format (untimed) and timed as one COPY each into a table
 * of the same columns, without keys, indexes or checks, in the same database.
 */
async function plainCopy(): Promise<{ tables: number; rows: number; seconds: number }> {
  const client = new pg.Client({ connectionString: target.toString() });
  await client.connect();
  try {
    const filled = (
      await client.query<{ name: string }>(
        `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
          where n.nspname = 'public' and c.relkind = 'r' and c.relname not like 'mikro_orm%'
            and c.relname not like 'plain_%'`,
      )
    ).rows.map((row) => row.name);
    const tables: { name: string; data: Buffer[]; rows: number }[] = [];
    for (const name of filled) {
      const data: Buffer[] = [];
      const out = client.query(copyTo(`copy "${name}" to stdout`));
      for await (const chunk of out) data.push(chunk as Buffer);
      if (out.rowCount === 0) continue;
      tables.push({ name, data, rows: out.rowCount ?? 0 });
      await client.query(`create table "plain_${name}" (like "${name}")`);
    }
    const started = process.hrtime.bigint();
    for (const table of tables) {
      await pipeline(
        async function* () {
          yield* table.data;
        },
        client.query(copyFrom(`copy "plain_${table.name}" from stdin`)),
      );
    }
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    for (const table of tables) await client.query(`drop table "plain_${table.name}"`);
    return { tables: tables.length, rows: tables.reduce((n, t) => n + t.rows, 0), seconds };
  } finally {
    await client.end();
  }
}

/** CPU seconds a PostgreSQL process on this machine has used, or null when it is not one. */
function processSeconds(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    if (!stat.includes('(postgres)')) return null;
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime, in clock ticks of 1/100 s (USER_HZ on Linux).
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

/**
 * The local processes serving the database's client connections, found by their sockets: the
 * server may see its processes under other pids (a container), but a TCP connection on this
 * machine is one socket here, listed in /proc/net/tcp with the client's port. Empty elsewhere.
 */
function serverProcesses(clientPorts: number[]): number[] {
  const port = Number(target.port || 5432);
  const inodes = new Set<string>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text: string;
    try {
      text = fs.readFileSync(table, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      if (cols.length < 10) continue;
      const local = parseInt(cols[1]!.split(':')[1]!, 16);
      const remote = parseInt(cols[2]!.split(':')[1]!, 16);
      if (local === port && clientPorts.includes(remote)) inodes.add(`socket:[${cols[9]}]`);
    }
  }
  const pids: number[] = [];
  if (inodes.size === 0) return pids;
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || processSeconds(Number(entry)) === null) continue;
    try {
      for (const fd of fs.readdirSync(`/proc/${entry}/fd`))
        if (inodes.has(fs.readlinkSync(`/proc/${entry}/fd/${fd}`))) pids.push(Number(entry));
    } catch {
      // A process that ended, or whose descriptors are not ours to read.
    }
  }
  return pids;
}

/**
 * Starts measuring the CPU time of this process (its reading workers included) and of the
 * database's server processes that serve it (PostgreSQL on this machine only); the function
 * returned stops and gives the seconds used.
 */
async function cpuMeter(
  of: typeof orm,
): Promise<() => Promise<{ node: number; postgres: number | null }>> {
  const backends = async () =>
    serverProcesses(
      (
        await of.em
          .fork()
          .execute<{ client_port: number | null }[]>(
            'select client_port from pg_stat_activity where datname = current_database()',
          )
      ).flatMap((row) => (row.client_port ? [row.client_port] : [])),
    );
  const start = new Map((await backends()).map((pid) => [pid, processSeconds(pid)]));
  const node = process.cpuUsage();
  return async () => {
    const usage = process.cpuUsage(node);
    let postgres: number | null = start.size > 0 ? 0 : null;
    for (const pid of new Set([...start.keys(), ...(await backends())])) {
      const now = processSeconds(pid);
      const then = start.has(pid) ? start.get(pid)! : 0;
      if (postgres !== null && now !== null && then !== null) postgres += now - then;
    }
    return { node: (usage.user + usage.system) / 1e6, postgres };
  };
}
