import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SoakReport } from '../src/scripts/soak/report.js';

const serverDir = path.resolve(import.meta.dirname, '..');

/** Runs `npm run soak`'s script in its own process, as CI does; its exit code and JSON report. */
async function soak(
  args: string[],
): Promise<{ code: number | null; report: SoakReport; output: string }> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kabinet-soak-test-'));
  const json = path.join(dir, 'soak.json');
  try {
    const env = { ...process.env };
    delete env['NODE_OPTIONS']; // the script loads tsx itself, like `npm run soak`
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'src/scripts/soak.ts', ...args, '--json', json],
      { cwd: serverDir, env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    const report = JSON.parse(await fs.readFile(json, 'utf8')) as SoakReport;
    return { code, report, output };
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

describe('soak and fault run (npm run soak), short form', () => {
  it('loses and duplicates no notification across two servers while one is SIGKILLed and restarted', async () => {
    const { code, report, output } = await soak(['--seconds', '45']);
    const n = report.notifications;
    // The figures first: a failure shows what the run saw.
    expect({ lost: n.lost, duplicated: n.duplicated, unexpected: n.unexpected }, output).toEqual({
      lost: 0,
      duplicated: 0,
      unexpected: 0,
    });
    expect(code, output).toBe(0);
    expect(report.passed).toBe(true);
    expect(report.restart.ok).toBe(true);
    expect(report.subscriptions).toBe(1000);
    // Something was owed and all of it came, in commit order.
    expect(n.expected).toBeGreaterThan(report.subscriptions);
    expect(n.received).toBe(n.expected);
    expect(n.outOfOrder).toBe(0);
    // The killed server's clients came back and resumed from their cursors.
    expect(report.reconnects).toBeGreaterThan(0);
    expect(report.latencyMs.replayed.count + report.latencyMs.live.count).toBe(n.received);
    // The whole mix ran.
    for (const kind of [
      'sign-in',
      'read',
      'file read',
      'task write',
      'message',
      'upload',
      'announce',
    ])
      expect(report.requests[kind] ?? 0, kind).toBeGreaterThan(0);
  }, 240_000);
});
