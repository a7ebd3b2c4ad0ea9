import {
  Arg,
  Args,
  Ctx,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
  Subscription,
} from 'type-graphql';
import { viewerOf, type AppContext } from '../../app/context.js';
import { ForwardPageArgs, checkPageSize, type Connection } from '../../core/graphql/connection.js';
import { pageOf } from '../../core/orm/pagination.js';
import { badInput } from '../../core/errors.js';
import { isUuid } from '../../core/ids.js';
import { Employee } from '../employee/employee.entity.js';
import { fullNameOf } from '../identity/person.js';
import type { Deputy, Task, TaskAttachment, TaskEvent, TaskMessage } from './task.entity.js';
import { StoredFile } from '../files/stored-file.entity.js';
import { FileGqlType } from '../files/files.type.js';
import './task.files.js';
import {
  personOf,
  taskAttachmentsLoader,
  taskEventsLoader,
  taskReadMarkersLoader,
  unreadMessagesLoader,
  type Person,
} from './task.loaders.js';
import { TaskMessage as TaskMessageEntity } from './task.entity.js';
import { TaskService, type TaskScope } from './task.service.js';
import { TaskRequestService } from './task-requests.service.js';
import { TaskTransitionService } from './task-transitions.service.js';
import { TaskMessageService } from './task-messages.service.js';
import { DeputyService } from './deputy.service.js';
import { taskEventStream, taskMessageStream } from './task.stream.js';
import {
  CertificateRequestDetailsType,
  CertificateRequestInput,
  CreateTaskInput,
  DeputyGqlType,
  DeputyInput,
  FileCorrectionDetailsType,
  LeaveRequestDetailsType,
  LeaveRequestInput,
  TaskActionType,
  TaskAssigneeType,
  TaskAttachmentGqlType,
  TaskConnection,
  TaskEventGqlType,
  TaskGqlType,
  TaskMessageConnection,
  TaskMessageGqlType,
  TaskPersonType,
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

  @FieldResolver(() => TaskPersonType)
  author(@Root() task: Task, @Ctx() ctx: AppContext): Promise<Person> {
    return personOf(ctx, task.author.id);
  }

  @FieldResolver(() => TaskPersonType, {
    nullable: true,
    description: 'The employee the task is about.',
  })
  async subject(@Root() task: Task, @Ctx() ctx: AppContext): Promise<Person | null> {
    if (!task.subject) return null;
    const employee = await ctx.loaders.loadRef(Employee, task.subject);
    if (!employee) return null;
    return {
      userId: null,
      employeeId: employee.id,
      name: fullNameOf(employee),
    };
  }

  @FieldResolver(() => TaskAssigneeType)
  async assignee(@Root() task: Task, @Ctx() ctx: AppContext): Promise<TaskAssigneeType> {
    return {
      user: task.assigneeUser ? await personOf(ctx, task.assigneeUser.id) : null,
      queue: task.assigneeQueue,
    };
  }

  @FieldResolver(() => Boolean, { description: 'Open past its due date.' })
  async overdue(@Root() task: Task, @Ctx() ctx: AppContext): Promise<boolean> {
    if (task.closedAt || !task.dueDate) return false;
    return task.dueDate < (await new TaskService(ctx).policy().today());
  }

  @FieldResolver(() => LeaveRequestDetailsType, { nullable: true })
  leave(@Root() task: Task): LeaveRequestDetailsType | null {
    if (!('leave' in task.details)) return null;
    return { ...task.details.leave, leaveRecordId: task.details.leave.leaveRecordId ?? null };
  }

  @FieldResolver(() => CertificateRequestDetailsType, { nullable: true })
  certificate(@Root() task: Task): CertificateRequestDetailsType | null {
    return 'certificate' in task.details ? task.details.certificate : null;
  }

  @FieldResolver(() => FileCorrectionDetailsType, { nullable: true })
  correction(@Root() task: Task): FileCorrectionDetailsType | null {
    return 'correction' in task.details ? { section: task.details.correction.section } : null;
  }

  @FieldResolver(() => [TaskActionType], { description: 'What the viewer may do with it now.' })
  async actions(@Root() task: Task, @Ctx() ctx: AppContext): Promise<TaskActionType[]> {
    const transitions = await new TaskService(ctx).policy().transitions(task);
    return transitions.map((transition) => ({
      action: transition.action,
      to: transition.to,
      label: transition.label.ru,
      labelEn: transition.label.en,
      requiresComment: transition.requiresComment ?? false,
      requiresAttachment: transition.requiresServiceAttachment ?? false,
    }));
  }

  @FieldResolver(() => [TaskEventGqlType], { description: 'The history, oldest first.' })
  history(@Root() task: Task, @Ctx() ctx: AppContext): Promise<TaskEvent[]> {
    return ctx.loaders.get(taskEventsLoader).load(task.id);
  }

  @FieldResolver(() => TaskMessageConnection, { description: 'Messages, oldest first.' })
  messages(
    @Root() task: Task,
    @Args(() => ForwardPageArgs) page: ForwardPageArgs,
    @Ctx() ctx: AppContext,
  ): Promise<Connection<TaskMessage>> {
    return pageOf(
      ctx.em,
      TaskMessageEntity,
      { task: task.id },
      { first: checkPageSize(page.first), after: page.after ?? null, orderBy: { id: 'asc' } },
    );
  }

  @FieldResolver(() => [TaskAttachmentGqlType], {
    description: 'Attached documents, oldest first.',
  })
  attachments(@Root() task: Task, @Ctx() ctx: AppContext): Promise<TaskAttachment[]> {
    return ctx.loaders.get(taskAttachmentsLoader).load(task.id);
  }

  @FieldResolver(() => Int, { description: "Others' messages the viewer has not read." })
  unreadMessageCount(@Root() task: Task, @Ctx() ctx: AppContext): Promise<number> {
    return ctx.loaders.get(unreadMessagesLoader).load(`${task.id}:${viewerOf(ctx).userId}`);
  }
}

@Resolver(() => TaskEventGqlType)
export class TaskEventResolver {
  @FieldResolver(() => TaskPersonType, { nullable: true, description: 'Null for the system.' })
  actor(@Root() event: TaskEvent, @Ctx() ctx: AppContext): Promise<Person> | null {
    return event.actor ? personOf(ctx, event.actor.id) : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'The transition made.' })
  action(@Root() event: TaskEvent): string | null {
    const action = event.data?.['action'];
    return typeof action === 'string' ? action : null;
  }

  @FieldResolver(() => TaskAssigneeType, {
    nullable: true,
    description: 'Whom the task went to (CREATED, REASSIGNED).',
  })
  async assignee(
    @Root() event: TaskEvent,
    @Ctx() ctx: AppContext,
  ): Promise<TaskAssigneeType | null> {
    const userId = event.data?.['assigneeUserId'];
    const queue = event.data?.['assigneeQueue'];
    if (typeof userId === 'string') return { user: await personOf(ctx, userId), queue: null };
    if (typeof queue === 'string') return { user: null, queue };
    return null;
  }

  @FieldResolver(() => TaskPersonType, {
    nullable: true,
    description: 'Whom the assignee stands in for (замещение).',
  })
  deputyFor(@Root() event: TaskEvent, @Ctx() ctx: AppContext): Promise<Person> | null {
    const userId = event.data?.['deputyFor'];
    return typeof userId === 'string' ? personOf(ctx, userId) : null;
  }

  @FieldResolver(() => ID, { nullable: true, description: 'The message of a COMMENTED event.' })
  messageId(@Root() event: TaskEvent): string | null {
    const id = event.data?.['messageId'];
    return typeof id === 'string' ? id : null;
  }
}

@Resolver(() => TaskAttachmentGqlType)
export class TaskAttachmentResolver {
  @FieldResolver(() => FileGqlType)
  async file(@Root() attachment: TaskAttachment, @Ctx() ctx: AppContext): Promise<StoredFile> {
    return (await ctx.loaders.load(StoredFile, attachment.file.id))!;
  }

  @FieldResolver(() => TaskPersonType)
  attachedBy(@Root() attachment: TaskAttachment, @Ctx() ctx: AppContext): Promise<Person> {
    return personOf(ctx, attachment.attachedBy.id);
  }

  @FieldResolver(() => ID, { nullable: true, description: 'The message the file came with.' })
  messageId(@Root() attachment: TaskAttachment): string | null {
    return attachment.message?.id ?? null;
  }
}

@Resolver(() => TaskMessageGqlType)
export class TaskMessageResolver {
  @FieldResolver(() => TaskPersonType)
  author(@Root() message: TaskMessage, @Ctx() ctx: AppContext): Promise<Person> {
    return personOf(ctx, message.author.id);
  }

  @FieldResolver(() => [TaskAttachmentGqlType])
  async attachments(
    @Root() message: TaskMessage,
    @Ctx() ctx: AppContext,
  ): Promise<TaskAttachment[]> {
    const all = await ctx.loaders.get(taskAttachmentsLoader).load(message.task.id);
    return all.filter((attachment) => attachment.message?.id === message.id);
  }

  @FieldResolver(() => Boolean)
  mine(@Root() message: TaskMessage, @Ctx() ctx: AppContext): boolean {
    return message.author.id === viewerOf(ctx).userId;
  }

  @FieldResolver(() => [TaskPersonType], {
    description: 'Who besides the author has read it (read state per participant).',
  })
  async readBy(@Root() message: TaskMessage, @Ctx() ctx: AppContext): Promise<Person[]> {
    const markers = await ctx.loaders.get(taskReadMarkersLoader).load(message.task.id);
    const readers = markers.filter(
      (marker) => marker.lastReadMessageId >= message.id && marker.user.id !== message.author.id,
    );
    return Promise.all(readers.map((marker) => personOf(ctx, marker.user.id)));
  }
}

@Resolver(() => DeputyGqlType)
export class DeputyResolver {
  @Query(() => [DeputyGqlType], {
    description: 'Current and future deputies the viewer named or is (HR: all).',
  })
  deputies(@Ctx() ctx: AppContext): Promise<Deputy[]> {
    return new DeputyService(ctx).deputies();
  }

  @Mutation(() => DeputyGqlType, { description: 'Names a deputy for a period (замещение).' })
  setDeputy(@Arg('input', () => DeputyInput) input: DeputyInput, @Ctx() ctx: AppContext) {
    return new DeputyService(ctx).setDeputy(input);
  }

  @Mutation(() => DeputyGqlType)
  revokeDeputy(@Arg('id', () => ID) id: string, @Ctx() ctx: AppContext): Promise<Deputy> {
    return new DeputyService(ctx).revokeDeputy(id);
  }

  @FieldResolver(() => TaskPersonType)
  principal(@Root() deputy: Deputy, @Ctx() ctx: AppContext): Promise<Person> {
    return personOf(ctx, deputy.principal.id);
  }

  @FieldResolver(() => TaskPersonType, { name: 'deputy' })
  deputyPerson(@Root() deputy: Deputy, @Ctx() ctx: AppContext): Promise<Person> {
    return personOf(ctx, deputy.deputy.id);
  }
}
