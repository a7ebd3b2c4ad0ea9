/**
 * One subscriber's events from an EventTarget topic, queued for it up to `max`. The pub/sub's own
 * iterator (a Repeater) throws inside the event listener past 1,024 unread events, and a throw
 * there ends the process: a consumer that stops reading (a stalled socket) must not do that. Here
 * the listener never throws: past `max` the queue is dropped, the listener removed, and the next
 * read fails with `overflow()`, so the subscriber resubscribes from its cursor.
 */
export function boundedSubscription<T>(
  target: EventTarget,
  topic: string,
  max: number,
  overflow: () => Error,
): AsyncIterableIterator<T> {
  const queue: T[] = [];
  let reader: {
    resolve: (result: IteratorResult<T>) => void;
    reject: (error: unknown) => void;
  } | null = null;
  let ended = false;
  let failure: { error: unknown } | null = null;

  // Hands a waiting reader what there is: an event, else the failure, else the end.
  const settle = () => {
    if (!reader) return;
    const waiting = reader;
    if (queue.length > 0) {
      reader = null;
      waiting.resolve({ value: queue.shift()!, done: false });
    } else if (failure) {
      reader = null;
      const { error } = failure;
      failure = null;
      waiting.reject(error);
    } else if (ended) {
      reader = null;
      waiting.resolve({ value: undefined, done: true });
    }
  };
  const stop = () => {
    ended = true;
    target.removeEventListener(topic, listener);
  };
  const listener = (event: Event) => {
    if (ended) return;
    if (queue.length >= max) {
      queue.length = 0;
      failure = { error: overflow() };
      stop();
    } else {
      queue.push((event as CustomEvent<T>).detail);
    }
    settle();
  };
  target.addEventListener(topic, listener);

  const iterator: AsyncIterableIterator<T> = {
    next: () =>
      new Promise<IteratorResult<T>>((resolve, reject) => {
        if (reader) {
          reject(new Error('boundedSubscription: one read at a time'));
          return;
        }
        reader = { resolve, reject };
        settle();
      }),
    return: () => {
      stop();
      queue.length = 0;
      failure = null;
      settle();
      return Promise.resolve({ value: undefined, done: true });
    },
    [Symbol.asyncIterator]: () => iterator,
  };
  return iterator;
}
