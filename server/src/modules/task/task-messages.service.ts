import type { EntityManager } from '@mikro-orm/postgresql';
import type { UnitContext } from '../../core/unit-of-work.js';
import { AppError, badInput, ErrorCode } from '../../core/errors.js';
import { User } from '../identity/index.js';
import { claimUploads } from '../files/index.js';
import { queueMembers, TaskChange } from './task.change.js';
import { type Task, TaskAttachment, TaskMessage } from './task.entity.js';
import { isTerminal } from './task.workflows.js';

import { TaskTransitionService } from './task-transitions.service.js';
import { optionalText, text, TaskUseCase } from './task.service.js';

/** The conversation on a task: messages, read state, and documents attached. */
export class TaskMessageService extends TaskUseCase {
  constructor(ctx: UnitContext) {
    super(ctx);
  }

  /** A message on a task, to everyone on it; the author has read it by writing it. */
  async postMessage(
    id: string,
    body: string,
    fileIds: readonly string[] = [],
  ): Promise<TaskMessage> {
    const viewer = this.viewer;
    const message = text(body, ['text'], 1, 10_000);
    const tx = this.unit.em;
    const task = await this.get(id, tx, true);
    const row = tx.create(TaskMessage, {
      task,
      author: tx.getReference(User, viewer.userId),
      text: message,
    });
    const change = new TaskChange(this.unit, task, viewer.userId);
    change.join(viewer.userId);
    change.event('COMMENTED', { data: { messageId: row.id } });
    if (fileIds.length > 0) await this.attachFiles(tx, change, fileIds, row);
    await markRead(tx, task.id, viewer.userId, row.id);
    await this.notifyMessage(tx, change, message);
    await change.done();
    return row;
  }

  /** Tells everyone on the task, and its queue while no one has taken it, of a new message. */
  private async notifyMessage(tx: EntityManager, change: TaskChange, text: string): Promise<void> {
    const task = change.task;
    const queue = task.assigneeQueue
      ? await queueMembers(tx, task.organization.id, task.assigneeQueue)
      : [];
    change.notify(
      [...task.participants, ...queue],
      'TASK_MESSAGE',
      `Сообщение: ${task.title}`,
      text.length > 280 ? `${text.slice(0, 279)}…` : text,
    );
  }

  /** Marks every message of the task read for the viewer; returns the task. */
  async markMessagesRead(id: string): Promise<Task> {
    const viewer = this.viewer;
    const task = await this.get(id);
    const last = await this.ctx.em.findOne(
      TaskMessage,
      { task: task.id },
      { orderBy: { id: 'desc' }, fields: ['id'] },
    );
    if (last) await markRead(this.ctx.em, task.id, viewer.userId, last.id);
    return task;
  }

  /**
   * Attaches uploaded files (`POST /files`) to a task the viewer may see; with `action`, makes that
   * transition in the same transaction (HR attaches the certificate and issues it at once).
   */
  async attach(
    id: string,
    fileIds: readonly string[],
    comment: string | null,
    action: string | null,
  ): Promise<Task> {
    const viewer = this.viewer;
    if (fileIds.length === 0 || fileIds.length > 20) {
      throw badInput(['fileIds'], 'From 1 to 20 files');
    }
    const note = optionalText(comment, ['comment'], 10_000);
    const tx = this.unit.em;
    const task = await this.get(id, tx, true);
    if (isTerminal(task.type, task.status)) {
      throw new AppError(ErrorCode.TransitionNotAllowed, 'The task is closed', {
        field: ['taskId'],
        details: { status: task.status },
      });
    }
    const change = new TaskChange(this.unit, task, viewer.userId);
    if (action || !note) {
      await this.attachFiles(tx, change, fileIds, null);
      if (action) await new TaskTransitionService(this.unit).apply(tx, change, action, note);
    } else {
      // A comment without a transition is a message the files come with.
      const message = tx.create(TaskMessage, {
        task,
        author: tx.getReference(User, viewer.userId),
        text: note,
      });
      change.event('COMMENTED', { data: { messageId: message.id } });
      await this.attachFiles(tx, change, fileIds, message);
      await this.notifyMessage(tx, change, note);
    }
    await change.done();
    return task;
  }

  private async attachFiles(
    tx: EntityManager,
    change: TaskChange,
    fileIds: readonly string[],
    message: TaskMessage | null,
  ): Promise<void> {
    const viewer = this.viewer;
    const task = change.task;
    const files = await claimUploads(tx, viewer, fileIds, ['fileIds']);
    const side = this.policy().isService(task) ? 'SERVICE' : 'PARTICIPANT';
    for (const file of files) {
      tx.create(TaskAttachment, {
        task,
        file,
        message,
        attachedBy: tx.getReference(User, viewer.userId),
        side,
      });
    }
    change.join(viewer.userId);
    change.event('ATTACHED', {
      data: {
        fileIds: files.map((file) => file.id),
        ...(message ? { messageId: message.id } : {}),
      },
    });
    if (!message) {
      change.notify(
        task.participants,
        'TASK_MESSAGE',
        `Документ: ${task.title}`,
        files.map((file) => file.fileName).join(', '),
      );
    }
  }
}

/** Moves the user's read marker forward to `messageId` (never back). */
async function markRead(
  em: EntityManager,
  taskId: string,
  userId: string,
  messageId: string,
): Promise<void> {
  await em.execute(
    `insert into task_read_marker (id, task_id, user_id, last_read_message_id)
     values (gen_random_uuid(), ?, ?, ?)
     on conflict (task_id, user_id) do update
       set last_read_message_id = greatest(task_read_marker.last_read_message_id, excluded.last_read_message_id),
           updated_at = current_timestamp`,
    [taskId, userId, messageId],
  );
}
