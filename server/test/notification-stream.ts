import type { TestServer } from './harness.js';

export interface ReceivedNotification {
  id: string;
  title: string;
}

/**
 * A live `notificationAdded` subscription on `server` from `after`, recording what arrives (`id`
 * and `title`, and any other `fields` of the notification).
 */
export function openNotificationStream(
  server: TestServer,
  token: string,
  after: string | null,
  fields = '',
) {
  const client = server.wsClient(token, { lazy: false });
  const received: (ReceivedNotification & Record<string, unknown>)[] = [];
  const errors: unknown[] = [];
  client.subscribe<{ notificationAdded: ReceivedNotification & Record<string, unknown> }>(
    {
      query: `subscription($after: ID) { notificationAdded(after: $after) { id title ${fields} } }`,
      variables: { after },
    },
    {
      next: (value) => {
        if (value.errors) errors.push(value.errors);
        else received.push(value.data!.notificationAdded);
      },
      error: (error) => errors.push(error),
      complete: () => undefined,
    },
  );
  /** Waits until `count` have arrived, for at most `timeoutMs`; answers what arrived. */
  const until = async (count: number, timeoutMs = 5000) => {
    const deadline = Date.now() + timeoutMs;
    while (received.length < count && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 20));
    return received;
  };
  return {
    received,
    errors,
    until,
    /** As `until`, a little longer (anything more, a duplicate, would arrive now); the titles. */
    async titles(count: number, timeoutMs = 5000) {
      await until(count, timeoutMs);
      await new Promise((resolve) => setTimeout(resolve, 200));
      return received.map((item) => item.title);
    },
    close: () => client.dispose(),
  };
}
