import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

const serverDir = path.resolve(import.meta.dirname, '../../..');

/** Runs `sql` on the admin connection (database creation and removal). */
async function adminQuery(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A port nothing listens on now (the kernel's pick), for a server that must come back on it. */
export async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/** The soak's own PostgreSQL database, seeded with one generated institution; dropped at the end. */
export interface SoakDatabase {
  name: string;
  url: string;
  /** Where both servers keep uploaded files (one store, as behind a load balancer). */
  filesDir: string;
  /** Server logs go here. */
  workDir: string;
  drop(): Promise<void>;
}

export async function createSoakDatabase(
  adminUrl: string,
  employees: number,
  seed: number,
): Promise<SoakDatabase> {
  const name = `kabinet_soak_${Date.now().toString(36)}_${randomUUID().slice(0, 6)}`;
  await adminQuery(adminUrl, `create database "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const workDir = await fs.mkdtemp(path.join(os.tmpdir(), 'kabinet-soak-'));
  const filesDir = path.join(workDir, 'files');
  await fs.mkdir(filesDir);
  const drop = async () => {
    await adminQuery(adminUrl, `drop database if exists "${name}" with (force)`);
    await fs.rm(workDir, { recursive: true, force: true });
  };
  try {
    // The seed script migrates, then adds an institution whose every employee has an account.
    await runChild(
      [
        '--import',
        'tsx',
        'src/scripts/seed.ts',
        '--employees',
        String(employees),
        '--seed',
        String(seed),
      ],
      { DATABASE_URL: url.toString(), LOG_LEVEL: 'warn' },
      path.join(workDir, 'seed.log'),
    );
  } catch (error) {
    await drop();
    throw error;
  }
  return { name, url: url.toString(), filesDir, workDir, drop };
}

function runChild(args: string[], env: Record<string, string>, logFile: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const log = createWriteStream(logFile);
    const child = spawn(process.execPath, args, {
      cwd: serverDir,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.pipe(log);
    child.stderr.pipe(log);
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`${args.join(' ')} exited ${code}; see ${logFile}`)),
    );
  });
}

/** One Kabinet server process (`node --import tsx src/main.ts`), killable and restartable. */
export class ServerProcess {
  private child: ChildProcess | null = null;
  private exited: Promise<void> = Promise.resolve();
  starts = 0;

  constructor(
    readonly name: string,
    readonly port: number,
    private readonly env: Record<string, string>,
    private readonly logFile: string,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Starts the process and waits until `/readyz` answers 200; throws if it exits or times out. */
  async start(timeoutMs = 90_000): Promise<number> {
    const started = Date.now();
    this.starts += 1;
    const log = createWriteStream(this.logFile, { flags: 'a' });
    log.write(`\n--- start ${this.starts} at ${new Date().toISOString()}\n`);
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: serverDir,
      env: { ...process.env, ...this.env, PORT: String(this.port), HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.pipe(log);
    child.stderr.pipe(log);
    this.child = child;
    const state: { exit: number | string | null } = { exit: null };
    this.exited = new Promise((resolve) =>
      child.on('exit', (code, signal) => {
        state.exit = code ?? signal;
        resolve();
      }),
    );
    while (Date.now() - started < timeoutMs) {
      if (state.exit !== null) {
        throw new Error(`${this.name} exited (${state.exit}) while starting; see ${this.logFile}`);
      }
      if (await this.ready()) return Date.now() - started;
      await sleep(200);
    }
    throw new Error(`${this.name} was not ready in ${timeoutMs / 1000} s; see ${this.logFile}`);
  }

  private async ready(): Promise<boolean> {
    try {
      const response = await fetch(`${this.url}/readyz`, { signal: AbortSignal.timeout(2000) });
      return response.ok;
    } catch {
      return false;
    }
  }

  /** SIGKILL: no drain, no goodbye to the clients, whatever was between commit and publish is lost. */
  async kill(): Promise<void> {
    this.child?.kill('SIGKILL');
    await this.exited;
  }

  /** SIGTERM, the orderly stop; SIGKILL after `graceMs`. */
  async stop(graceMs = 15_000): Promise<void> {
    if (!this.child || this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child?.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
