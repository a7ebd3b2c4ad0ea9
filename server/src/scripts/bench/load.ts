import autocannon from 'autocannon';
import { cpuMs } from './processes.js';

/** One load run against one engine for one read. */
export interface Sample {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  cpuMsPerRequest: number;
  requests: number;
  failures: number;
}

/** Loads `url` with the same POST for `seconds` and reads the server process's CPU around it. */
export async function load(target: {
  url: string;
  pid: number;
  headers: Record<string, string>;
  body: string;
  seconds: number;
  connections: number;
}): Promise<Sample> {
  const before = cpuMs(target.pid);
  const result = await autocannon({
    url: target.url,
    method: 'POST',
    headers: target.headers,
    body: target.body,
    connections: target.connections,
    // The load generator runs in its own thread, or it competes with the suite's event loop.
    workers: 1,
    duration: target.seconds,
  });
  const used = cpuMs(target.pid) - before;
  const requests = result.requests.total;
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    cpuMsPerRequest: requests > 0 ? used / requests : 0,
    requests,
    failures: result.non2xx + result.errors + result.timeouts,
  };
}
