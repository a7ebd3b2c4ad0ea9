import type { EntityManager } from '@mikro-orm/postgresql';
import type { Unit } from '../../core/unit-of-work.js';
import { User } from '../identity/index.js';
import {
  type NewNotification,
  type NotificationType,
  writeNotifications,
} from '../notification/index.js';
import { Deputy, type Task, TaskEvent, type TaskEventKind } from './task.entity.js';
import type { TaskQueue, TaskStatus } from './task.workflows.js';

/** The active users holding `queue`'s role in an organization. */
export async function queueMembers(
  em: EntityManager,
  organizationId: string,
  queue: TaskQueue,
): Promise<string[]> {
  const users = await em.find(
    User,
    { organization: organizationId, status: 'ACTIVE', roles: { $contains: [queue] } },
    { fields: ['id'] },
  );
  return users.map((user) => user.id);
}

/** Who takes what is routed to `userId` on `today`: their deputy when one stands in, else them. */
export async function standIn(
  em: EntityManager,
  userId: string,
  today: string,
): Promise<{ userId: string; deputyFor: string | null }> {
  const deputy = await em.findOne(
    Deputy,
    {
      principal: userId,
      startDate: { $lte: today },
      endDate: { $gte: today },
      revokedAt: null,
    },
    { orderBy: { createdAt: 'desc' } },
  );
  return deputy ? { userId: deputy.deputy.id, deputyFor: userId } : { userId, deputyFor: null };
}

const link = (task: Task) => `/tasks/${task.id}`;

/**
 * One change to one task inside a transaction: the events it adds to the history and the
 * notifications it causes, written with it; the unit publishes them after its commit.
 */
export class TaskChange {
  private readonly events: TaskEvent[] = [];
  private readonly notifications: NewNotification[] = [];

  private readonly tx: EntityManager;

  constructor(
    private readonly unit: Unit,
    readonly task: Task,
    private readonly actorUserId: string | null,
  ) {
    this.tx = unit.em;
  }

  event(
    kind: TaskEventKind,
    fields: {
      fromStatus?: TaskStatus | null;
      toStatus?: TaskStatus | null;
      comment?: string | null;
      data?: Record<string, unknown> | null;
    } = {},
  ): TaskEvent {
    const event = this.tx.create(TaskEvent, {
      task: this.task,
      actor: this.actorUserId ? this.tx.getReference(User, this.actorUserId) : null,
      kind,
      fromStatus: fields.fromStatus ?? null,
      toStatus: fields.toStatus ?? null,
      comment: fields.comment ?? null,
      data: fields.data ?? null,
    });
    this.events.push(event);
    return event;
  }

  /** Adds users to those who see the task and hear of it. */
  join(...userIds: (string | null | undefined)[]): void {
    for (const userId of userIds) {
      if (userId && !this.task.participants.includes(userId)) {
        this.task.participants = [...this.task.participants, userId];
      }
    }
  }

  /** Notifies each of `userIds` but the one acting, once per type. */
  notify(
    userIds: Iterable<string>,
    type: NotificationType,
    title: string,
    body: string | null = null,
  ): void {
    const seen = new Set(
      this.notifications.filter((n) => n.type === type).map((n) => n.recipientUserId),
    );
    for (const userId of userIds) {
      if (userId === this.actorUserId || seen.has(userId)) continue;
      seen.add(userId);
      this.notifications.push({
        recipientUserId: userId,
        organizationId: this.task.organization.id,
        type,
        title: title.slice(0, 300),
        body,
        link: link(this.task),
      });
    }
  }

  /** Tells whoever the task is now assigned to: the user, or every member of the queue. */
  async notifyAssignee(title: string, body: string | null = null): Promise<void> {
    const recipients = this.task.assigneeQueue
      ? await queueMembers(this.tx, this.task.organization.id, this.task.assigneeQueue)
      : this.task.assigneeUser
        ? [this.task.assigneeUser.id]
        : [];
    this.notify(recipients, 'TASK_ASSIGNED', title, body);
  }

  /** Writes the events and notifications; the unit publishes them after its commit. */
  async done(): Promise<void> {
    await this.tx.flush();
    await writeNotifications(this.unit, this.notifications);
    for (const event of this.events) {
      this.unit.events.publish('TASK_EVENT_ADDED', this.task.id, {
        taskId: this.task.id,
        eventId: event.id,
      });
    }
  }
}
