import fs from 'node:fs';
import path from 'node:path';
import type { Sample } from './load.js';

export type Engine = 'kabinet' | 'peer' | 'bare';

/** One measured run, as the JSON file keeps it. */
export interface RunSample extends Sample {
  round: number;
  read: string;
  engine: Engine;
}

/** What a run writes: its settings, every sample, and the statements each engine sent per read. */
export interface BenchReport {
  startedAt: string;
  machine: { cpus: number; node: string };
  settings: {
    employees: number;
    seconds: number;
    connections: number;
    rounds: number;
    peer: boolean;
  };
  statements: Record<
    string,
    { kabinet: number | null; kabinetOrm: number | null; peer: number | null }
  >;
  samples: RunSample[];
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

const num = (value: number | null | undefined, digits = 0): string =>
  value === null || value === undefined || Number.isNaN(value) ? '—' : value.toFixed(digits);

/** Median of each measure over the rounds, per read and engine. */
export function medians(report: BenchReport, read: string, engine: Engine): Sample | null {
  const runs = report.samples.filter((s) => s.read === read && s.engine === engine);
  if (runs.length === 0) return null;
  const of = (pick: (s: Sample) => number) => median(runs.map(pick));
  return {
    requestsPerSecond: of((s) => s.requestsPerSecond),
    p50: of((s) => s.p50),
    p99: of((s) => s.p99),
    cpuMsPerRequest: of((s) => s.cpuMsPerRequest),
    requests: runs.reduce((sum, s) => sum + s.requests, 0),
    failures: runs.reduce((sum, s) => sum + s.failures, 0),
  };
}

const reads = (report: BenchReport) => [...new Set(report.samples.map((s) => s.read))];

function table(header: string[], rows: string[][]): string {
  const widths = header.map((title, i) =>
    Math.max(title.length, ...rows.map((row) => (row[i] ?? '').length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i < 2 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
      .join(' | ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.map(line)].join('\n');
}

/** The one table: medians per read and engine, then Kabinet/peer ratios per read. */
export function formatReport(report: BenchReport): string {
  const rows: string[][] = [];
  for (const read of reads(report)) {
    const sql = report.statements[read];
    const kabinet = medians(report, read, 'kabinet');
    const peer = medians(report, read, 'peer');
    for (const engine of ['kabinet', 'peer', 'bare'] as const) {
      const m =
        engine === 'kabinet' ? kabinet : engine === 'peer' ? peer : medians(report, read, engine);
      if (engine === 'peer' && !report.settings.peer) continue;
      const statements = engine === 'bare' ? 0 : sql?.[engine];
      const failed = m && m.failures > 0 ? ` (${m.failures} failed)` : '';
      rows.push([
        read,
        engine,
        num(m?.requestsPerSecond) + failed,
        num(m?.p50),
        num(m?.p99),
        num(m?.cpuMsPerRequest, 2),
        engine === 'bare' ? '' : num(statements),
      ]);
    }
    if (kabinet && peer) {
      rows.push([
        read,
        'kabinet/peer',
        num(kabinet.requestsPerSecond / peer.requestsPerSecond, 2),
        num(kabinet.p50 / peer.p50, 2),
        num(kabinet.p99 / peer.p99, 2),
        num(kabinet.cpuMsPerRequest / peer.cpuMsPerRequest, 2),
        sql?.kabinet && sql.peer ? num(sql.kabinet / sql.peer, 2) : '—',
      ]);
    }
  }
  return table(['read', 'engine', 'req/s', 'p50 ms', 'p99 ms', 'CPU ms/req', 'SQL/req'], rows);
}

/** Ratios of a second run to a first (after/before), per read and engine. */
export function formatComparison(before: BenchReport, after: BenchReport): string {
  const rows: string[][] = [];
  for (const read of reads(after)) {
    for (const engine of ['kabinet', 'peer', 'bare'] as const) {
      const a = medians(before, read, engine);
      const b = medians(after, read, engine);
      if (!a || !b) continue;
      const sqlA = engine === 'bare' ? null : before.statements[read]?.[engine];
      const sqlB = engine === 'bare' ? null : after.statements[read]?.[engine];
      rows.push([
        read,
        engine,
        `${num(a.requestsPerSecond)} → ${num(b.requestsPerSecond)} (×${num(b.requestsPerSecond / a.requestsPerSecond, 2)})`,
        `×${num(b.p50 / a.p50, 2)}`,
        `×${num(b.p99 / a.p99, 2)}`,
        `×${num(b.cpuMsPerRequest / a.cpuMsPerRequest, 2)}`,
        sqlA || sqlB ? `${num(sqlA)} → ${num(sqlB)}` : '',
      ]);
    }
  }
  return table(['read', 'engine', 'req/s', 'p50', 'p99', 'CPU/req', 'SQL/req'], rows);
}

export function writeReport(file: string, report: BenchReport): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
}

export function readReport(file: string): BenchReport {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as BenchReport;
}
