import type { Tally } from './ledger.js';
import type { Percentiles } from './stats.js';

/** What `npm run soak` prints and writes with `--json`. */
export interface SoakReport {
  durationSeconds: number;
  wallSeconds: number;
  servers: number;
  users: number;
  subscriptions: number;
  sockets: number;
  reconnects: number;
  /** Sockets dropped (their server killed) and connection attempts refused while it was down. */
  socketEvents: Record<string, number>;
  restart: { ok: boolean; server: string; downMs: number | null; error?: string };
  requests: Record<string, number>;
  errors: Record<string, number>;
  notifications: Tally & {
    /** Owed but not yet delivered when the load stopped and settled, before the closing announcement. */
    awaitingAnotherEventBeforeClosing: number;
  };
  latencyMs: { live: Percentiles; replayed: Percentiles };
  passed: boolean;
}

const total = (record: Record<string, number>) =>
  Object.values(record).reduce((sum, value) => sum + value, 0);

const list = (record: Record<string, number>) =>
  Object.entries(record)
    .sort(([, a], [, b]) => b - a)
    .map(([key, value]) => `${key} ${value}`)
    .join(', ') || 'none';

const ms = (value: number | null) => (value === null ? '—' : `${value} ms`);

const latency = (label: string, p: Percentiles) =>
  `  ${label.padEnd(24)}${p.count} deliveries, p50 ${ms(p.p50)}, p99 ${ms(p.p99)}, max ${ms(p.max)}`;

export function formatReport(report: SoakReport): string {
  const n = report.notifications;
  const lines = [
    '',
    `Soak: ${report.durationSeconds} s of load (${report.wallSeconds} s in all), ${report.servers} servers, ` +
      `${report.users} users, ${report.subscriptions} subscriptions on ${report.sockets} sockets`,
    `  restart after SIGKILL    ${report.restart.ok ? `server ${report.restart.server} back in ${ms(report.restart.downMs)}` : `FAILED: ${report.restart.error ?? ''}`}`,
    `  socket reconnects        ${report.reconnects} (${list(report.socketEvents)})`,
    `  requests done            ${total(report.requests)} (${list(report.requests)})`,
    `  errors by code           ${total(report.errors)} (${list(report.errors)})`,
    `  notifications written    ${n.written}`,
    `  deliveries owed (sent)   ${n.expected}`,
    `  received                 ${n.received}`,
    `  lost                     ${n.lost}`,
    `  duplicated               ${n.duplicated}`,
    `  unexpected               ${n.unexpected}`,
    `  out of commit order      ${n.outOfOrder}`,
    `  awaiting a later event   ${n.awaitingAnotherEventBeforeClosing} (before the closing announcement)`,
    'Delivery latency (receipt − createdAt):',
    latency('live', report.latencyMs.live),
    latency('replayed on reconnect', report.latencyMs.replayed),
    report.passed ? 'PASSED: nothing lost, nothing duplicated.' : 'FAILED.',
    '',
  ];
  return `${lines.join('\n')}\n`;
}
