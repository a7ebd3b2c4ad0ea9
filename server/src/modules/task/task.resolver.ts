import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { type AppContext } from '../../core/context.js';
import { inUnit } from '../../core/unit-of-work.js';
import { ForwardPageArgs, type Connection } from '../../core/graphql/connection.js';
import type { Task, TaskMessage } from './task.entity.js';
import { TaskService, type TaskScope } from './task.service.js';
import { TaskRequestService } from './task-requests.service.js';
import { TaskTransitionService } from './task-transitions.service.js';
import { TaskMessageService } from './task-messages.service.js';
import {
  CertificateRequestInput,
  CreateTaskInput,
  LeaveRequestInput,
  TaskConnection,
  TaskGqlType,
  TaskMessageGqlType,
  TaskQueueValue,
  TaskScopeValue,
  TaskTypeDefinitionType,
  TaskTypeValue,
} from './task.type.js';
import { statusLabels, workflows, type TaskQueue, type TaskType } from './task.workflows.js';

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
    return inUnit(ctx, (unit) => new TaskService(unit).create(input));
  }

  @Mutation(() => TaskGqlType, { description: 'An employee asks for leave (заявление на отпуск).' })
  requestLeave(
    @Arg('input', () => LeaveRequestInput) input: LeaveRequestInput,
    @Ctx() ctx: AppContext,
  ): Promise<Task> {
    return inUnit(ctx, (unit) => new TaskRequestService(unit).requestLeave(input));
  }

  @Mutation(() => TaskGqlType, { description: 'An employee orders a certificate (заказ справки).' })
  requestCertificate(
    @Arg('input', () => CertificateRequestInput) input: CertificateRequestInput,
    @Ctx() ctx: AppContext,
  ): Promise<Task> {
    return inUnit(ctx, (unit) => new TaskRequestService(unit).requestCertificate(input));
  }

  @Mutation(() => TaskGqlType, { description: "Makes one of the task's `actions`." })
  transitionTask(
    @Arg('id', () => ID) id: string,
    @Arg('action', () => String) action: string,
    @Arg('comment', () => String, { nullable: true }) comment: string | null,
    @Ctx() ctx: AppContext,
  ): Promise<Task> {
    return inUnit(ctx, (unit) => new TaskTransitionService(unit).transition(id, action, comment));
  }

  @Mutation(() => TaskGqlType, { description: 'The service hands the task to a user or a queue.' })
  reassignTask(
    @Arg('id', () => ID) id: string,
    @Arg('userId', () => ID, { nullable: true }) userId: string | null,
    @Arg('queue', () => TaskQueueValue, { nullable: true }) queue: TaskQueue | null,
    @Arg('comment', () => String, { nullable: true }) comment: string | null,
    @Ctx() ctx: AppContext,
  ): Promise<Task> {
    return inUnit(ctx, (unit) =>
      new TaskTransitionService(unit).reassign(id, { userId, queue }, comment),
    );
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
    return inUnit(ctx, (unit) => new TaskMessageService(unit).postMessage(taskId, text, fileIds));
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
    return inUnit(ctx, (unit) =>
      new TaskMessageService(unit).attach(taskId, fileIds, comment, action),
    );
  }

  @Mutation(() => TaskGqlType, { description: "Marks the task's messages read for the viewer." })
  markTaskMessagesRead(
    @Arg('taskId', () => ID) taskId: string,
    @Ctx() ctx: AppContext,
  ): Promise<Task> {
    return inUnit(ctx, (unit) => new TaskMessageService(unit).markMessagesRead(taskId));
  }
}
