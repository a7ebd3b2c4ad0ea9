// Builds the web client (portal + GraphiQL) when client/dist is missing or older than its sources,
// so `npm start` on a fresh clone serves /graphiql without a separate build step.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const client = path.join(root, 'client');
const built = path.join(client, 'dist', 'index.html');

function newestMtime(entry) {
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs
    .readdirSync(entry)
    .reduce((newest, name) => Math.max(newest, newestMtime(path.join(entry, name))), stat.mtimeMs);
}

const sources = ['src', 'public', 'index.html', 'graphiql.html', 'vite.config.ts', 'package.json']
  .map((name) => path.join(client, name))
  .filter((entry) => fs.existsSync(entry));
const stale =
  !fs.existsSync(built) || sources.some((entry) => newestMtime(entry) > fs.statSync(built).mtimeMs);

if (stale) {
  process.stdout.write('Building the web client…\n');
  execFileSync('npm', ['run', 'build', '--workspace', 'client'], { cwd: root, stdio: 'inherit' });
}
