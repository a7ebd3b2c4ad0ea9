import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEMO_PASSWORD } from '../seeders/demo.seeder.js';
import { reportFatal } from './cli.js';
import { ensureDatabase, findCast } from './bench/database.js';
import {
  ensurePeerInstalled,
  post,
  signIn,
  startBare,
  startKabinet,
  startPeer,
  type Places,
} from './bench/engines.js';
import { load } from './bench/load.js';
import { parseOptions, type BenchOptions } from './bench/options.js';
import type { Child } from './bench/processes.js';
import { reads, type Account, type Read } from './bench/reads.js';
import {
  formatComparison,
  formatReport,
  readReport,
  writeReport,
  type BenchReport,
  type Engine,
} from './bench/report.js';
import { countStatements } from './bench/statements.js';

// Usage: npm run bench -- [--employees 10000] [--seconds 10] [--connections 10] [--rounds 3] [--peer]
//        [--only employees,file] [--json <file>] [--database <url>];  npm run bench -- --compare a.json b.json
// Eight GraphQL reads against Kabinet (a child process, authorization and the access journal on),
// optionally PostGraphile v5 on the same database, and a bare Node server returning Kabinet's body.

const serverDir = path.resolve(import.meta.dirname, '../..');
const rootDir = path.resolve(serverDir, '..');
// npm runs the workspace script in server/: paths on the command line are the caller's.
const callerDir = process.env['INIT_CWD'] ?? process.cwd();

async function signInAll(kabinet: Child, logins: Record<Account, string>) {
  const entries = await Promise.all(
    (Object.keys(logins) as Account[]).map(
      async (account) =>
        [account, await signIn(kabinet.url, logins[account], DEMO_PASSWORD)] as const,
    ),
  );
  return Object.fromEntries(entries) as Record<Account, string>;
}

const line = (
  read: string,
  engine: Engine,
  s: {
    requestsPerSecond: number;
    p50: number;
    p99: number;
    cpuMsPerRequest: number;
    failures: number;
  },
) =>
  `  ${read.padEnd(14)} ${engine.padEnd(8)} ${s.requestsPerSecond.toFixed(0).padStart(6)} req/s  p50 ${s.p50} ms  p99 ${s.p99} ms  CPU ${s.cpuMsPerRequest.toFixed(2)} ms/req${s.failures ? `  ${s.failures} FAILED` : ''}\n`;

async function run(options: BenchOptions): Promise<void> {
  const selected: Read[] = options.only.length
    ? reads.filter((read) => options.only.includes(read.name))
    : reads;
  if (selected.length === 0)
    throw new Error(`--only names none of: ${reads.map((read) => read.name).join(', ')}`);
  const places: Places = {
    serverDir,
    peerDir: path.join(rootDir, 'bench', 'peer'),
    logDir: fs.mkdtempSync(path.join(os.tmpdir(), 'kabinet-bench-')),
  };
  process.stdout.write(`Logs of the engines: ${places.logDir}\n`);
  await ensureDatabase(options.databaseUrl, options.employees, serverDir);
  if (options.peer) await ensurePeerInstalled(places);
  const cast = await findCast(options.databaseUrl, options.employees);
  const report: BenchReport = {
    startedAt: new Date().toISOString(),
    machine: { cpus: os.cpus().length, node: process.version },
    settings: {
      employees: options.employees,
      seconds: options.seconds,
      connections: options.connections,
      rounds: options.rounds,
      peer: options.peer,
    },
    statements: {},
    samples: [],
  };

  const kabinet = await startKabinet(places, options.databaseUrl);
  const peer = options.peer ? await startPeer(places, options.databaseUrl) : null;
  try {
    let tokens = await signInAll(kabinet, cast.logins);
    const bodies = new Map<string, string>();
    for (const read of selected) {
      bodies.set(
        read.name,
        await post(kabinet.url, read.kabinet(cast.subjects), tokens[read.account]),
      );
      const document = read.peer?.(cast.subjects);
      if (peer && document) await post(peer.url, document);
    }
    process.stdout.write('Counting SQL statements per request …\n');
    report.statements = await countStatements({
      places,
      databaseUrl: options.databaseUrl,
      reads: selected,
      subjects: cast.subjects,
      tokens,
      peer: options.peer,
    });
    for (const [read, counts] of Object.entries(report.statements)) {
      if (counts.kabinet !== counts.kabinetOrm)
        process.stdout.write(
          `  ${read}: ${counts.kabinet} statements on the wire, ${counts.kabinetOrm} counted by the ORM\n`,
        );
    }
    const loadOptions = { seconds: options.seconds, connections: options.connections };
    for (let round = 1; round <= options.rounds; round += 1) {
      process.stdout.write(`Round ${round} of ${options.rounds}\n`);
      if (round > 1) tokens = await signInAll(kabinet, cast.logins);
      for (const read of selected) {
        const targets: { engine: Engine; child: Child; body: string; token?: string }[] = [
          {
            engine: 'kabinet',
            child: kabinet,
            body: JSON.stringify(read.kabinet(cast.subjects)),
            token: tokens[read.account],
          },
        ];
        const document = read.peer?.(cast.subjects);
        if (peer && document)
          targets.push({ engine: 'peer', child: peer, body: JSON.stringify(document) });
        const bare = await startBare(places, read.name, bodies.get(read.name) ?? '{}');
        targets.push({
          engine: 'bare',
          child: bare,
          body: JSON.stringify(read.kabinet(cast.subjects)),
        });
        try {
          for (const target of targets) {
            const pid = target.child.process.pid;
            if (pid === undefined) throw new Error(`${target.engine} has no pid`);
            const sample = await load({
              ...loadOptions,
              url: `${target.child.url}/graphql`,
              pid,
              body: target.body,
              headers: {
                'content-type': 'application/json',
                ...(target.token ? { authorization: `Bearer ${target.token}` } : {}),
              },
            });
            report.samples.push({ ...sample, round, read: read.name, engine: target.engine });
            process.stdout.write(line(read.name, target.engine, sample));
          }
        } finally {
          await bare.stop();
        }
      }
    }
  } finally {
    await peer?.stop();
    await kabinet.stop();
  }
  const stamp = report.startedAt.replace(/[:.]/g, '-');
  const file = options.json
    ? path.resolve(callerDir, options.json)
    : path.join(rootDir, 'bench-results', `bench-${stamp}.json`);
  writeReport(file, report);
  process.stdout.write(`\n${formatReport(report)}\n\nWritten to ${path.relative(rootDir, file)}\n`);
}

try {
  const options = parseOptions(process.argv.slice(2));
  if (options.compare) {
    const [before, after] = options.compare;
    process.stdout.write(
      `${formatComparison(readReport(path.resolve(callerDir, before)), readReport(path.resolve(callerDir, after)))}\n`,
    );
  } else {
    await run(options);
  }
} catch (error) {
  reportFatal(error);
}
