/** What the soak counts while it runs: requests by kind, errors by code, delivery latencies. */
export class Stats {
  readonly requests = new Map<string, number>();
  readonly errors = new Map<string, number>();
  readonly events = new Map<string, number>();
  /** Delivery latency (receipt − the notification's createdAt) of live deliveries, ms. */
  readonly live: number[] = [];
  /** The same for deliveries replayed after a reconnect (they include the outage). */
  readonly replayed: number[] = [];

  request(kind: string): void {
    bump(this.requests, kind);
  }

  error(code: string): void {
    bump(this.errors, code);
  }

  count(event: string): void {
    bump(this.events, event);
  }

  delivered(latencyMs: number, replayed: boolean): void {
    (replayed ? this.replayed : this.live).push(Math.max(0, latencyMs));
  }
}

/** An error's `extensions.code`, or UNKNOWN. */
export const codeOf = (code: unknown): string => (typeof code === 'string' ? code : 'UNKNOWN');

const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);

export interface Percentiles {
  count: number;
  p50: number | null;
  p99: number | null;
  max: number | null;
}

export function percentiles(values: readonly number[]): Percentiles {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) =>
    sorted.length === 0
      ? null
      : sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * p) - 1)]!;
  return { count: sorted.length, p50: at(0.5), p99: at(0.99), max: sorted.at(-1) ?? null };
}

export const sum = (map: ReadonlyMap<string, number>) =>
  [...map.values()].reduce((total, value) => total + value, 0);
