import type { AppServices } from '../../core/context.js';
import type { Viewer } from '../../core/auth/viewer.js';
import { Loaders } from '../../core/orm/loaders.js';
import { TaskEvent, TaskMessage } from './task.entity.js';
import { TaskPolicy } from './task.policy.js';

/** Missed events are read this many at a time, until none is left. */
export const REPLAY_PAGE = 200;

/**
 * A task's history entries for one subscriber: with `after` (the last event id the client has),
 * first those it missed, from the database, then live ones as they are committed. It subscribes
 * before it reads, so nothing committed meanwhile is lost, and skips what it already sent. Each live
 * event is reloaded with a fresh EntityManager and the task's visibility checked again before
 * delivery: someone taken off a task stops hearing of it at once.
 */
export async function* taskEventStream(
  app: AppServices,
  viewer: Viewer,
  taskId: string,
  after: string | null,
): AsyncGenerator<TaskEvent> {
  const live = app.pubSub.subscribe('TASK_EVENT_ADDED', taskId);
  const sent = new Set<string>();
  try {
    // Everything missed, page by page however much (it stopped at 500 before).
    for (let cursor = after; cursor;) {
      const missed = await app.orm.em
        .fork()
        .find(
          TaskEvent,
          { task: taskId, id: { $gt: cursor } },
          { orderBy: { id: 'asc' }, limit: REPLAY_PAGE },
        );
      for (const event of missed) {
        sent.add(event.id);
        yield event;
      }
      cursor = missed.length === REPLAY_PAGE ? missed.at(-1)!.id : null;
    }
    for await (const added of live) {
      if (added.taskId !== taskId || sent.has(added.eventId)) continue;
      const em = app.orm.em.fork();
      const event = await em.findOne(
        TaskEvent,
        { id: added.eventId, task: taskId },
        { populate: ['task'] },
      );
      if (!event) continue;
      const policy = new TaskPolicy(viewer, { loaders: new Loaders(em) });
      if (!(await policy.canSee(event.task.getEntity()))) continue;
      yield event;
    }
  } finally {
    await live.return?.();
  }
}

/** The messages among a task's events (missed ones first, from `after`), authorized as they are. */
export async function* taskMessageStream(
  app: AppServices,
  viewer: Viewer,
  taskId: string,
  after: string | null,
): AsyncGenerator<TaskMessage> {
  const replayFrom = after
    ? ((
        await app.orm.em
          .fork()
          .findOne(TaskEvent, { task: taskId, kind: 'COMMENTED', data: { messageId: after } })
      )?.id ?? after)
    : null;
  for await (const event of taskEventStream(app, viewer, taskId, replayFrom)) {
    const messageId = event.kind === 'COMMENTED' ? event.data?.['messageId'] : undefined;
    if (typeof messageId !== 'string') continue;
    const message = await app.orm.em.fork().findOne(TaskMessage, { id: messageId, task: taskId });
    if (message) yield message;
  }
}
