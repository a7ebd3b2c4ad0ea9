import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

/** A port the kernel just handed out and took back: free for the child that binds it next. */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

/** A child process the suite started, with the URL it serves and the CPU it has used. */
export interface Child {
  name: string;
  url: string;
  process: ChildProcess;
  stop: () => Promise<void>;
}

/** User plus system CPU of a process so far, in milliseconds, from /proc/<pid>/stat. */
export function cpuMs(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name may hold spaces: fields are counted after its closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks * 1000) / CLOCK_TICKS;
}

// USER_HZ: 100 on every Linux build Node supports.
const CLOCK_TICKS = 100;

/** Starts `command` and waits until `readyPath` answers below 500; its output goes to a log file. */
export async function startChild(spec: {
  name: string;
  command: string;
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  port: number;
  readyPath: string;
  log: string;
}): Promise<Child> {
  const out = fs.openSync(spec.log, 'a');
  const child = spawn(spec.command, spec.args, {
    cwd: spec.cwd,
    env: spec.env,
    stdio: ['ignore', out, out],
  });
  fs.closeSync(out);
  const url = `http://127.0.0.1:${spec.port}`;
  const state: { exited: number | null } = { exited: null };
  child.on('exit', (code) => (state.exited = code ?? -1));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const killed = sleep(10_000).then(() => child.kill('SIGKILL'));
    await Promise.race([gone, killed]);
  };
  for (let waited = 0; waited < 120_000; waited += 200) {
    if (state.exited !== null)
      throw new Error(`${spec.name} exited (${state.exited}); see ${spec.log}`);
    const ready = await fetch(`${url}${spec.readyPath}`).then(
      (response) => response.status < 500,
      () => false,
    );
    if (ready) return { name: spec.name, url, process: child, stop };
    await sleep(200);
  }
  await stop();
  throw new Error(`${spec.name} did not start within 120 s; see ${spec.log}`);
}
