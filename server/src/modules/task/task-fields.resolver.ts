import { Args, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { viewerOf, type AppContext } from '../../core/context.js';
import { ForwardPageArgs, checkPageSize, type Connection } from '../../core/graphql/connection.js';
import { pageOf } from '../../core/orm/pagination.js';
import { Employee, fullNameOf } from '../employee/index.js';
import type { Task, TaskAttachment, TaskEvent, TaskMessage } from './task.entity.js';
import './task.files.js';
import {
  personOf,
  taskAttachmentsLoader,
  taskEventsLoader,
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
  TaskPersonType,
} from './task.type.js';

/** The computed fields of a task; batched per request (its parts: task-parts.resolver.ts). */
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
