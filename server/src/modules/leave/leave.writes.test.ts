import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

describe('leave_record has one writer', () => {
  const srcDir = path.resolve(import.meta.dirname, '../..');
  const sources = fs
    .readdirSync(srcDir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
    .filter((file) => !file.startsWith('migrations/') && !file.startsWith('seeders/'));
  const offenders = (pattern: RegExp, allowed: (file: string) => boolean) =>
    sources
      .filter((file) => !allowed(file))
      .filter((file) => pattern.test(fs.readFileSync(path.join(srcDir, file), 'utf8')));

  it('creates and changes leave records through recordLeave only (HR’s save, an approved request)', () => {
    expect(sources.length).toBeGreaterThan(100);
    expect(
      offenders(
        /(create|nativeInsert|nativeUpdate|insertMany|upsert)\(\s*LeaveRecord\b/,
        (file) => file === 'modules/leave/leave.writes.ts',
      ),
    ).toEqual([]);
  });

  it('names the table in SQL only in the leave module and the import’s set-based apply', () => {
    expect(
      offenders(
        /\bleave_record\b/,
        (file) => file.startsWith('modules/leave/') || file.startsWith('modules/integration/'),
      ),
    ).toEqual([]);
  });
});
