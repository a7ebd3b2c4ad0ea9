import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const serverDir = path.resolve(import.meta.dirname, '..');

function start(env: Record<string, string>) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: serverDir,
    env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status, stderr: result.stderr.trim() };
}

describe('start-up failures', () => {
  it('an unreachable database stops the start with one clear line', () => {
    const { code, stderr } = start({
      DATABASE_URL: 'postgres://kabinet:s3cret@127.0.0.1:1/kabinet',
      PORT: '0',
    });
    expect(code).toBe(1);
    expect(stderr.split('\n')).toHaveLength(1);
    expect(stderr).toMatch(
      /^kabinet: Cannot connect to PostgreSQL at postgres:\/\/kabinet:\*\*\*@127\.0\.0\.1:1\/kabinet: /,
    );
    expect(stderr).not.toMatch(/s3cret/);
  });

  it('bad variables are each named, and nothing starts', () => {
    const { code, stderr } = start({ DATABASE_URL: 'not a url', PORT: '-1' });
    expect(code).toBe(1);
    expect(stderr).toMatch(/DATABASE_URL/);
    expect(stderr).toMatch(/PORT/);
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});
