import { createClient, type Client, type Sink, type SubscribePayload } from 'graphql-ws';

/** The server closes a socket with this code when its session ends (and refuses one without). */
const CLOSE_FORBIDDEN = 4403;
const PONG_TIMEOUT_MS = 5_000;

/** Capped exponential backoff with jitter: 1, 2, 4, 8 s, then every 15 s or so, forever. */
async function retryWait(retries: number): Promise<void> {
  const base = Math.min(1000 * 2 ** retries, 15_000);
  await new Promise((resolve) => setTimeout(resolve, base + Math.random() * 1000));
}

/**
 * Subscriptions that resume from a cursor: the variable to keep at the last event's id. graphql-ws
 * sends the same payload object again on every reconnect, so updating its variables there makes
 * the server replay exactly what was missed while the socket was down.
 */
const idOf =
  (field: string) =>
  (data: unknown): string | null =>
    ((data as Record<string, { id?: string } | undefined> | null)?.[field]?.id ?? null) || null;

const resumable: Record<string, { variable: string; cursorOf(data: unknown): string | null }> = {
  NotificationAdded: { variable: 'after', cursorOf: idOf('notificationAdded') },
  TaskChanged: { variable: 'after', cursorOf: idOf('taskChanged') },
  TaskMessageAdded: { variable: 'after', cursorOf: idOf('messageAdded') },
};

export interface WsHooks {
  /** The socket (re)connected; `wasRetry` after a drop. */
  onConnected(wasRetry: boolean): void;
  /** The server refused or closed the socket as forbidden: the session may have ended. */
  onForbidden(): void;
}

/** The graphql-ws client: lazy, same-origin cookie, retries without limit, pings to notice a dead link. */
export function createWsClient(hooks: WsHooks): Client {
  const { protocol, host } = window.location;
  let pongTimer: ReturnType<typeof setTimeout> | undefined;
  const client = createClient({
    url: `${protocol === 'https:' ? 'wss:' : 'ws:'}//${host}/graphql`,
    retryAttempts: Infinity,
    shouldRetry: () => true,
    retryWait,
    keepAlive: 15_000,
    on: {
      connected: (_socket, _payload, wasRetry) => hooks.onConnected(wasRetry),
      closed: (event) => {
        clearTimeout(pongTimer);
        if ((event as CloseEvent | undefined)?.code === CLOSE_FORBIDDEN) hooks.onForbidden();
      },
      ping: (received) => {
        if (!received) pongTimer = setTimeout(() => client.terminate(), PONG_TIMEOUT_MS);
      },
      pong: (received) => {
        if (received) clearTimeout(pongTimer);
      },
    },
  });
  // Back online: reconnect now instead of waiting out the backoff.
  window.addEventListener('online', () => client.terminate());

  return {
    ...client,
    subscribe<Data, Extensions>(payload: SubscribePayload, sink: Sink) {
      const resume = payload.operationName ? resumable[payload.operationName] : undefined;
      if (!resume) return client.subscribe<Data, Extensions>(payload, sink);
      const live: SubscribePayload = { ...payload, variables: { ...payload.variables } };
      return client.subscribe<Data, Extensions>(live, {
        ...sink,
        next(value) {
          const cursor = resume.cursorOf(value.data);
          if (cursor && live.variables) live.variables[resume.variable] = cursor;
          sink.next(value);
        },
      });
    },
  };
}
