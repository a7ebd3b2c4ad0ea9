import type { ImportResult } from './import-run-record.js';

/** What the run did, by record type, and every problem (the first hundred on screen). */
export function summary(result: ImportResult): string {
  const lines = [
    `${result.status}: ${result.records} records in ${(result.durationMs / 1000).toFixed(1)} s` +
      (result.runId ? ` (run ${result.runId})` : ''),
  ];
  if (result.status === 'APPLIED') {
    lines.push(
      `created ${result.created}, updated ${result.updated}, deleted ${result.deleted}, unchanged ${result.unchanged}`,
    );
    for (const row of result.byType) {
      lines.push(
        `  ${row.type.padEnd(20)} +${row.created} ~${row.updated} -${row.deleted} =${row.unchanged}`,
      );
    }
  } else {
    lines.push(`Nothing was written. ${result.errors.length} problem(s):`);
    for (const error of result.errors.slice(0, 100)) {
      const where = error.path.length > 0 ? ` ${formatPath(error.path)}:` : '';
      const what = error.type
        ? ` ${error.type}${error.externalId ? ` "${error.externalId}"` : ''}`
        : '';
      lines.push(`  line ${error.line}${what}${where} ${error.message}`);
    }
    if (result.errors.length > 100) lines.push(`  … and ${result.errors.length - 100} more`);
    if (result.errorsTruncated) lines.push('  (reading stopped at the problem limit)');
  }
  return `${lines.join('\n')}\n`;
}

function formatPath(path: (string | number)[]): string {
  return path
    .map((part, index) =>
      typeof part === 'number' ? `[${part}]` : index === 0 ? part : `.${part}`,
    )
    .join('');
}
