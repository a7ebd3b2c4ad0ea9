import { Args, Ctx, FieldResolver, ID, Int, Resolver, Root } from 'type-graphql';
import { viewerOf, type AppContext } from '../../app/context.js';
import { ForwardPageArgs, checkPageSize, type Connection } from '../../core/graphql/connection.js';
import { pageOf } from '../../core/orm/pagination.js';
import { Employee } from '../employee/employee.entity.js';
import { fullNameOf } from '../identity/person.js';
import type { Task, TaskAttachment, TaskEvent, TaskMessage } from './task.entity.js';
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
import { TaskService } from './task.service.js';
import {
  CertificateRequestDetailsType,
  FileCorrectionDetailsType,
  LeaveRequestDetailsType,
  TaskActionType,
  TaskAssigneeType,
  TaskAttachmentGqlType,
  TaskEventGqlType,
  TaskGqlType,
  TaskMessageConnection,
  TaskMessageGqlType,
  TaskPersonType,
} from './task.type.js';

/** The computed fields of a task and its history, messages and documents; batched per request. */
@Resolver(() => TaskGqlType)
export class TaskFieldsResolver {
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
