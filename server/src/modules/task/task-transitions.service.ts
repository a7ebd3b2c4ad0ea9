import type { UnitContext } from '../../core/unit-of-work.js';
import { ref } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { forbidden } from '../../core/auth/viewer.js';
import { AppError, badInput, ErrorCode } from '../../core/errors.js';
import { isUuid } from '../../core/ids.js';
import { User } from '../identity/index.js';
import { recordLeave } from '../leave/index.js';
import { FileErrorReport } from './file-error-report.entity.js';
import { standIn, TaskChange } from './task.change.js';
import { type Task, TaskAttachment } from './task.entity.js';
import {
  isTerminal,
  statusLabels,
  transitionOf,
  workflows,
  type TaskQueue,
  type Transition,
} from './task.workflows.js';

import { checkNoOverlap, leaveOverlap } from './task-requests.service.js';
import { optionalText, TaskUseCase } from './task.service.js';

/** Moving a task along its status model, with its effects, and handing it to someone else. */
export class TaskTransitionService extends TaskUseCase {
  constructor(ctx: UnitContext) {
    super(ctx);
  }

  /** Moves a task along its status model: only where the model allows, for whom it allows. */
  async transition(id: string, action: string, comment: string | null): Promise<Task> {
    const viewer = this.viewer;
    const note = optionalText(comment, ['comment'], 10_000);
    const tx = this.unit.em;
    const task = await this.get(id, tx, true);
    const change = new TaskChange(this.unit, task, viewer.userId);
    await this.apply(tx, change, action, note);
    await change.done();
    return task;
  }

  /** Makes `action` on the task of `change`, inside the caller's transaction. */
  async apply(
    tx: EntityManager,
    change: TaskChange,
    action: string,
    note: string | null,
  ): Promise<void> {
    const task = change.task;
    const transition = transitionOf(task.type, task.status, action);
    if (!transition) {
      const allowed = workflows[task.type].transitions
        .filter((t) => t.from.includes(task.status))
        .map((t) => t.action);
      throw new AppError(
        ErrorCode.TransitionNotAllowed,
        `${action} is not possible while the task is ${task.status}`,
        { field: ['action'], details: { status: task.status, allowed } },
      );
    }
    const mine = await this.policy().transitions(task);
    if (!mine.includes(transition)) throw forbidden(`You may not ${action} this task`);
    if (transition.requiresComment && !note) {
      throw new AppError(ErrorCode.CommentRequired, `${action} needs a comment`, {
        field: ['comment'],
      });
    }
    if (transition.requiresServiceAttachment && !(await hasServiceAttachment(tx, task))) {
      throw new AppError(ErrorCode.AttachmentRequired, `Attach the document before ${action}`, {
        field: ['action'],
      });
    }
    const from = task.status;
    change.join(this.viewer.userId);
    task.status = transition.to;
    task.closedAt = isTerminal(task.type, transition.to) ? new Date() : null;
    change.event('STATUS_CHANGED', {
      fromStatus: from,
      toStatus: transition.to,
      comment: note,
      data: { action },
    });
    await this.runEffect(tx, task, transition);
    const rerouted = this.route(task, transition);
    if (rerouted) {
      change.event('REASSIGNED', { data: rerouted });
      await change.notifyAssignee(`Новая задача: ${task.title}`, note);
    }
    change.notify(
      task.participants,
      'TASK_STATUS',
      `${task.title}: ${statusLabels[task.status].ru.toLowerCase()}`,
      note,
    );
  }

  /** The service hands a task to a colleague or a queue; a user's deputy takes it in their absence. */
  async reassign(
    id: string,
    to: { userId?: string | null; queue?: TaskQueue | null },
    comment: string | null,
  ): Promise<Task> {
    const viewer = this.viewer;
    if (!to.userId === !to.queue) throw badInput(['to'], 'Name a user or a queue');
    const note = optionalText(comment, ['comment'], 2000);
    const today = await this.policy().today();
    const tx = this.unit.em;
    const task = await this.get(id, tx, true);
    const policy = this.policy();
    if (!policy.isService(task)) throw forbidden('Only the service reassigns a task');
    if (isTerminal(task.type, task.status)) {
      throw new AppError(ErrorCode.TransitionNotAllowed, 'The task is closed', {
        field: ['id'],
        details: { status: task.status },
      });
    }
    const change = new TaskChange(this.unit, task, viewer.userId);
    change.join(viewer.userId);
    if (to.queue) {
      task.assigneeQueue = to.queue;
      task.assigneeUser = null;
      change.event('REASSIGNED', { comment: note, data: { assigneeQueue: to.queue } });
    } else {
      const user = isUuid(to.userId!)
        ? await tx.findOne(User, {
            id: to.userId,
            organization: viewer.organizationId,
            status: 'ACTIVE',
          })
        : null;
      if (!user || user.roles.includes('INTEGRATION') || user.roles.includes('EXTERNAL')) {
        throw badInput(['to', 'userId'], 'Not a colleague in this organization');
      }
      const taker = await standIn(tx, user.id, today);
      task.assigneeUser = ref(tx.getReference(User, taker.userId));
      task.assigneeQueue = null;
      change.join(taker.userId);
      change.event('REASSIGNED', {
        comment: note,
        data: { assigneeUserId: taker.userId, deputyFor: taker.deputyFor },
      });
    }
    await change.notifyAssignee(`Новая задача: ${task.title}`, note);
    await change.done();
    return task;
  }

  /** Where a transition sends the task; returns what changed, or null. */
  private route(task: Task, transition: Transition): Record<string, unknown> | null {
    if (transition.route === 'SERVICE_QUEUE' && task.assigneeQueue !== task.serviceQueue) {
      task.assigneeQueue = task.serviceQueue;
      task.assigneeUser = null;
      return { assigneeQueue: task.serviceQueue };
    }
    if (transition.route === 'AUTHOR' && task.assigneeUser?.id !== task.author.id) {
      task.assigneeUser = task.author;
      task.assigneeQueue = null;
      return { assigneeUserId: task.author.id };
    }
    return null;
  }

  private async runEffect(tx: EntityManager, task: Task, transition: Transition): Promise<void> {
    if (transition.effect === 'CREATE_LEAVE_RECORD') {
      const details = 'leave' in task.details ? task.details.leave : null;
      if (!details || !task.subject) throw new Error(`Leave request ${task.id} has no leave`);
      await checkNoOverlap(
        tx,
        task.subject.id,
        { kind: details.kind, start: details.startDate, end: details.endDate },
        task.id,
      );
      const record = await recordLeave(
        tx,
        { organizationId: task.organization.id, employeeId: task.subject.id },
        null,
        {
          kind: details.kind,
          startDate: details.startDate,
          endDate: details.endDate,
          days: details.days,
          orderDate: await this.policy().today(),
        },
        leaveOverlap,
      );
      task.details = { leave: { ...details, leaveRecordId: record.id } };
      await this.ctx.access.writeNow(tx, {
        subjectEmployeeId: task.subject.id,
        section: 'LEAVE',
        action: 'CHANGE',
        allowed: true,
        operation: 'transitionTask',
      });
    } else if (transition.effect === 'RESOLVE_FILE_REPORT') {
      const details = 'correction' in task.details ? task.details.correction : null;
      if (details) {
        await tx.nativeUpdate(
          FileErrorReport,
          { id: details.reportId, resolvedAt: null },
          { resolvedAt: new Date() },
        );
      }
    }
  }
}

/** Whether the service has attached a document to the task (a certificate, an order). */
async function hasServiceAttachment(tx: EntityManager, task: Task): Promise<boolean> {
  return (await tx.count(TaskAttachment, { task: task.id, side: 'SERVICE' })) > 0;
}
