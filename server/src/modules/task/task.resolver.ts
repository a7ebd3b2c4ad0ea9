import { Arg, Args, Ctx, ID, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { viewerOf, type AppContext } from '../../app/context.js';
import { ForwardPageArgs, type Connection } from '../../core/graphql/connection.js';
import { badInput } from '../../core/errors.js';
import { isUuid } from '../../core/ids.js';
import type { Task, TaskEvent, TaskMessage } from './task.entity.js';
import { TaskService, type TaskScope } from './task.service.js';
import { TaskRequestService } from './task-requests.service.js';
import { TaskTransitionService } from './task-transitions.service.js';
import { TaskMessageService } from './task-messages.service.js';
import { taskEventStream, taskMessageStream } from './task.stream.js';
import {
  CertificateRequestInput,
  CreateTaskInput,
  LeaveRequestInput,
  TaskConnection,
  TaskEventGqlType,
  TaskGqlType,
  TaskMessageGqlType,
  TaskQueueValue,
  TaskScopeValue,
  TaskTypeDefinitionType,
  TaskTypeValue,
} from './task.type.js';
import { statusLabels, workflows, type TaskQueue, type TaskType } from './task.workflows.js';

/** A task subscription's arguments, the cursor checked like any input. */
function subscriptionArgs(args: unknown): { taskId: string; after: string | null } {
  const { taskId, after } = args as { taskId: string; after?: string | null };
  if (after !== null && after !== undefined && !isUuid(after))
    throw badInput(['after'], 'Not an id this stream issued');
  return { taskId, after: after ?? null };
}

@Resolver(() => TaskGqlType)
export class TaskResolver {
  @Query(() => TaskConnection, { description: 'Tasks the viewer may see, newest first.' })
  tasks(
    @Args(() => ForwardPageArgs) page: ForwardPageArgs,
    @Arg('scope', () => TaskScopeValue, { defaultValue: 'MINE' }) scope: TaskScope,
    @Arg('openOnly', () => Boolean, { defaultValue: false }) openOnly: boolean,
    @Arg('type', () => TaskTypeValue, { nullable: true }) type: TaskType | null,
    @Ctx() ctx: AppContext,
  ): Promise<Connection<Task>> {
    return new TaskService(ctx).list({ scope, openOnly, type }, page);
  }

  @Query(() => TaskGqlType)
  task(@Arg('id', () => ID) id: string, @Ctx() ctx: AppContext): Promise<Task> {
    return new TaskService(ctx).get(id);
  }

  @Query(() => [TaskTypeDefinitionType], { description: 'The status model of every task type.' })
  taskTypes(): TaskTypeDefinitionType[] {
    return Object.values(workflows).map((workflow) => ({
      type: workflow.type,
      label: workflow.label.ru,
      labelEn: workflow.label.en,
      initial: workflow.initial,
      statuses: workflow.statuses.map((status) => ({
        status,
        label: statusLabels[status].ru,
        labelEn: statusLabels[status].en,
        terminal: workflow.terminal.includes(status),
      })),
      transitions: workflow.transitions.map((transition) => ({
        action: transition.action,
        from: [...transition.from],
        to: transition.to,
        by: [...transition.by],
        requiresComment: transition.requiresComment ?? false,
        requiresAttachment: transition.requiresServiceAttachment ?? false,
        label: transition.label.ru,
        labelEn: transition.label.en,
      })),
    }));
  }

  @Mutation(() => TaskGqlType, { description: 'HR or accounting: a task for an employee.' })
  createTask(
    @Arg('input', () => CreateTaskInput) input: CreateTaskInput,
    @Ctx() ctx: AppContext,
  ): Promise<Task> {
    return new TaskService(ctx).create(input);
  }

  @Mutation(() => TaskGqlType, { description: 'An employee asks for leave (заявление на отпуск).' })
  requestLeave(
    @Arg('input', () => LeaveRequestInput) input: LeaveRequestInput,
    @Ctx() ctx: AppContext,
  ): Promise<Task> {
    return new TaskRequestService(ctx).requestLeave(input);
  }

  @Mutation(() => TaskGqlType, { description: 'An employee orders a certificate (заказ справки).' })
  requestCertificate(
    @Arg('input', () => CertificateRequestInput) input: CertificateRequestInput,
    @Ctx() ctx: AppContext,
  ): Promise<Task> {
    return new TaskRequestService(ctx).requestCertificate(input);
  }

  @Mutation(() => TaskGqlType, { description: "Makes one of the task's `actions`." })
  transitionTask(
    @Arg('id', () => ID) id: string,
    @Arg('action', () => String) action: string,
    @Arg('comment', () => String, { nullable: true }) comment: string | null,
    @Ctx() ctx: AppContext,
  ): Promise<Task> {
    return new TaskTransitionService(ctx).transition(id, action, comment);
  }

  @Mutation(() => TaskGqlType, { description: 'The service hands the task to a user or a queue.' })
  reassignTask(
    @Arg('id', () => ID) id: string,
    @Arg('userId', () => ID, { nullable: true }) userId: string | null,
    @Arg('queue', () => TaskQueueValue, { nullable: true }) queue: TaskQueue | null,
    @Arg('comment', () => String, { nullable: true }) comment: string | null,
    @Ctx() ctx: AppContext,
  ): Promise<Task> {
    return new TaskTransitionService(ctx).reassign(id, { userId, queue }, comment);
  }

  @Mutation(() => TaskMessageGqlType, {
    description: 'A message on a task, with files uploaded through POST /files.',
  })
  postTaskMessage(
    @Arg('taskId', () => ID) taskId: string,
    @Arg('text', () => String) text: string,
    @Arg('fileIds', () => [ID], { defaultValue: [] }) fileIds: string[],
    @Ctx() ctx: AppContext,
  ): Promise<TaskMessage> {
    return new TaskMessageService(ctx).postMessage(taskId, text, fileIds);
  }

  @Mutation(() => TaskGqlType, {
    description:
      'Attaches files uploaded through POST /files; with `action`, makes that transition in the same step (e.g. ISSUE a certificate).',
  })
  attachToTask(
    @Arg('taskId', () => ID) taskId: string,
    @Arg('fileIds', () => [ID]) fileIds: string[],
    @Arg('comment', () => String, { nullable: true }) comment: string | null,
    @Arg('action', () => String, { nullable: true }) action: string | null,
    @Ctx() ctx: AppContext,
  ): Promise<Task> {
    return new TaskMessageService(ctx).attach(taskId, fileIds, comment, action);
  }

  @Mutation(() => TaskGqlType, { description: "Marks the task's messages read for the viewer." })
  markTaskMessagesRead(
    @Arg('taskId', () => ID) taskId: string,
    @Ctx() ctx: AppContext,
  ): Promise<Task> {
    return new TaskMessageService(ctx).markMessagesRead(taskId);
  }

  @Subscription(() => TaskEventGqlType, {
    description: 'New history entries of a task the viewer may see.',
    subscribe: async ({ args, context }) => {
      const ctx = context as AppContext;
      const { taskId, after } = subscriptionArgs(args);
      const task = await new TaskService(ctx).get(taskId);
      return taskEventStream(ctx.app, viewerOf(ctx), task.id, after);
    },
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
    subscribe: async ({ args, context }) => {
      const ctx = context as AppContext;
      const { taskId, after } = subscriptionArgs(args);
      const task = await new TaskService(ctx).get(taskId);
      return taskMessageStream(ctx.app, viewerOf(ctx), task.id, after);
    },
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
