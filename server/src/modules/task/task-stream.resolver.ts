import { Arg, ID, Resolver, Root, Subscription } from 'type-graphql';
import { viewerOf, type AppContext, type AppServices } from '../../core/context.js';
import type { Viewer } from '../../core/auth/viewer.js';
import { badInput } from '../../core/errors.js';
import { isUuid } from '../../core/ids.js';
import type { TaskEvent, TaskMessage } from './task.entity.js';
import { TaskService } from './task.service.js';
import { taskEventStream, taskMessageStream } from './task.stream.js';
import { TaskEventGqlType, TaskMessageGqlType } from './task.type.js';

/**
 * A task stream for a subscriber who may see the task (NOT_FOUND otherwise, as for a task that
 * does not exist), from the cursor `after`, checked like any input.
 */
const visibleTask =
  <T>(
    stream: (
      app: AppServices,
      viewer: Viewer,
      taskId: string,
      after: string | null,
    ) => AsyncGenerator<T>,
  ) =>
  async ({ args, context }: { args: unknown; context: unknown }) => {
    const ctx = context as AppContext;
    const { taskId, after } = args as { taskId: string; after?: string | null };
    if (after !== null && after !== undefined && !isUuid(after))
      throw badInput(['after'], 'Not an id this stream issued');
    const task = await new TaskService(ctx).get(taskId);
    return stream(ctx.app, viewerOf(ctx), task.id, after ?? null);
  };

/** What happens on a task, live: its history and its messages, each replayed from a cursor. */
@Resolver()
export class TaskStreamResolver {
  @Subscription(() => TaskEventGqlType, {
    description: 'New history entries of a task the viewer may see.',
    subscribe: visibleTask(taskEventStream),
  })
  taskChanged(
    @Root() event: TaskEvent,
    @Arg('taskId', () => ID) _taskId: string,
    @Arg('after', () => ID, {
      nullable: true,
      description: 'The last id received: the missed ones come first.',
    })
    _after: string | null,
  ): TaskEvent {
    return event;
  }

  @Subscription(() => TaskMessageGqlType, {
    description: 'New messages on a task the viewer may see.',
    subscribe: visibleTask(taskMessageStream),
  })
  messageAdded(
    @Root() message: TaskMessage,
    @Arg('taskId', () => ID) _taskId: string,
    @Arg('after', () => ID, {
      nullable: true,
      description: 'The last id received: the missed ones come first.',
    })
    _after: string | null,
  ): TaskMessage {
    return message;
  }
}
