import type { WebSocketLimits } from '../config/env.js';

/** Close codes (4000–4999 are the application's; graphql-ws keeps 4400–4499 and 4500 for itself). */
export const CloseCodes = {
  /** Over the per-account or per-address number of sockets; reason TOO_MANY_CONNECTIONS. */
  TooManyConnections: 4030,
  /** Messages waited unread too long or too many piled up; reason SLOW_CONSUMER. */
  SlowConsumer: 4031,
} as const;

/**
 * What every client holds on this process's WebSocket server: sockets per address and per account,
 * operations per socket. Each `take…` either counts and returns true, or refuses and counts
 * nothing; its `release…` gives back exactly what it took. All of it synchronous, so two sockets
 * connecting at once cannot both take the last place.
 */
export class WebSocketLedger<Socket extends object> {
  private readonly byAddress = new Map<string, number>();
  private readonly byUser = new Map<string, number>();
  private readonly operations = new WeakMap<Socket, Set<string>>();

  constructor(readonly limits: WebSocketLimits) {}

  takeAddress(address: string): boolean {
    return take(this.byAddress, address, this.limits.socketsPerAddress);
  }

  releaseAddress(address: string): void {
    release(this.byAddress, address);
  }

  takeUser(userId: string): boolean {
    return take(this.byUser, userId, this.limits.socketsPerUser);
  }

  releaseUser(userId: string): void {
    release(this.byUser, userId);
  }

  /** Counts a running operation of the socket; false when it already runs the most it may. */
  takeOperation(socket: Socket, id: string): boolean {
    let running = this.operations.get(socket);
    if (!running) this.operations.set(socket, (running = new Set()));
    if (running.has(id)) return true;
    if (running.size >= this.limits.subscriptionsPerSocket) return false;
    running.add(id);
    return true;
  }

  releaseOperation(socket: Socket, id: string): void {
    this.operations.get(socket)?.delete(id);
  }

  operationsOf(socket: Socket): number {
    return this.operations.get(socket)?.size ?? 0;
  }

  /** Sockets counted for an address or account now (for tests and the benchmark). */
  socketsOf(kind: 'address' | 'user', key: string): number {
    return (kind === 'address' ? this.byAddress : this.byUser).get(key) ?? 0;
  }
}

function take(counts: Map<string, number>, key: string, limit: number): boolean {
  const held = counts.get(key) ?? 0;
  if (held >= limit) return false;
  counts.set(key, held + 1);
  return true;
}

function release(counts: Map<string, number>, key: string): void {
  const held = (counts.get(key) ?? 0) - 1;
  if (held > 0) counts.set(key, held);
  else counts.delete(key);
}

/**
 * Finds slow consumers. graphql-ws sends an operation's next message only once the last one was
 * written, so a client that stops reading shows up as a send that does not complete (the bytes
 * wait in the process or the kernel), not as a growing buffer: `track` counts each socket's sends
 * in flight and when the oldest began. A socket is slow when a send has waited `slowConsumerMs`,
 * or more than `maxBufferedBytes` wait to be written.
 */
export class SlowConsumerWatch<Socket extends SendingSocket> {
  private readonly inFlight = new WeakMap<Socket, { count: number; since: number }>();

  constructor(private readonly limits: WebSocketLimits) {}

  track(socket: Socket): void {
    const state = { count: 0, since: 0 };
    this.inFlight.set(socket, state);
    const send = socket.send.bind(socket);
    socket.send = (data: unknown, ...rest: unknown[]) => {
      const callback = rest.find((arg) => typeof arg === 'function') as
        ((error?: Error) => void) | undefined;
      const options = rest.find((arg) => typeof arg === 'object' && arg !== null);
      if (state.count++ === 0) state.since = Date.now();
      const done = (error?: Error) => {
        if (--state.count === 0) state.since = 0;
        callback?.(error);
      };
      if (options) send(data, options, done);
      else send(data, done);
    };
  }

  /** True when the socket should be dropped now. */
  isSlow(socket: Socket, now: number): boolean {
    if (socket.bufferedAmount > this.limits.maxBufferedBytes) return true;
    const state = this.inFlight.get(socket);
    return !!state && state.count > 0 && now - state.since >= this.limits.slowConsumerMs;
  }
}

/** The part of a `ws` WebSocket the watch uses. */
export interface SendingSocket {
  send(data: unknown, ...rest: unknown[]): void;
  readonly bufferedAmount: number;
}
