import { LockMode, type FilterQuery, type QBFilterQuery } from '@mikro-orm/core';
import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import { UseCase } from '../../core/unit-of-work.js';
import { forbidden } from '../../core/auth/viewer.js';
import { badInput, notFound } from '../../core/errors.js';
import { checkPageSize, type Connection } from '../../core/graphql/connection.js';
import { isLocalDate } from '../../core/graphql/scalars.js';
import { isUuid } from '../../core/ids.js';
import { pageOf } from '../../core/orm/pagination.js';
import type { ScalarPart } from '../../core/orm/scalar-parts.js';
import { Employee } from '../employee/index.js';
import { User } from '../identity/index.js';
import { TaskChange } from './task.change.js';
import { Task, type TaskPriority } from './task.entity.js';
import { assignedTo, queuesOf, TaskPolicy } from './task.policy.js';
import { workflows, type TaskStatus, type TaskType } from './task.workflows.js';

export type TaskScope = 'MINE' | 'QUEUE' | 'ALL';

/** The open tasks at a glance (the dashboard's tasks widget). */
export interface OpenSummary {
  mine: number;
  waiting: number;
  nearestDue: Task | null;
}

export interface TaskListFilter {
  scope: TaskScope;
  openOnly: boolean;
  type: TaskType | null;
}

export interface GeneralTaskInput {
  title: string;
  description?: string | null;
  assigneeEmployeeId?: string | null;
  assigneeUserId?: string | null;
  dueDate?: string | null;
  priority?: TaskPriority | null;
}

export const text = (
  value: string | null | undefined,
  path: string[],
  min: number,
  max: number,
) => {
  const trimmed = value?.trim() ?? '';
  if (trimmed.length < min || trimmed.length > max) {
    throw badInput(path, `Between ${min} and ${max} characters`);
  }
  return trimmed;
};

export const optionalText = (value: string | null | undefined, path: string[], max: number) => {
  const trimmed = value?.trim() ?? '';
  if (trimmed.length > max) throw badInput(path, `At most ${max} characters`);
  return trimmed || null;
};

/** The user account of an employee, if they have an active one. */
export async function userOfEmployee(em: EntityManager, employeeId: string): Promise<User | null> {
  return em.findOne(User, { employee: { id: employeeId, deletedAt: null }, status: 'ACTIVE' });
}

/**
 * What every task use case shares: the viewer, the task policy, a task the viewer may see, and,
 * for writes, the unit of work they run in.
 */
export abstract class TaskUseCase extends UseCase {
  policy(): TaskPolicy {
    return new TaskPolicy(this.viewer, this.ctx);
  }

  /** A task the viewer may see; NOT_FOUND otherwise, so a task's existence is not disclosed. */
  async get(id: string, em: EntityManager = this.ctx.em, lock = false): Promise<Task> {
    if (!isUuid(id)) throw notFound('Task', id);
    const task = await em.findOne(
      Task,
      { id },
      lock ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {},
    );
    if (!task || !(await this.policy().canSee(task))) throw notFound('Task', id);
    return task;
  }
}

/** Tasks: listed, summarized, read, and given by HR or accounting. */
export class TaskService extends TaskUseCase {
  async list(
    filter: TaskListFilter,
    page: { first: number; after?: string | null },
  ): Promise<Connection<Task>> {
    const visible = await this.policy().scope();
    const narrowed: FilterQuery<Task>[] = [visible];
    if (filter.scope === 'MINE') narrowed.push(this.mine());
    else if (filter.scope === 'QUEUE')
      narrowed.push(this.waitingForMe(await this.policy().actingFor()));
    if (filter.openOnly) narrowed.push({ closedAt: null });
    if (filter.type) narrowed.push({ type: filter.type });
    return pageOf(
      this.ctx.em,
      Task,
      { $and: narrowed },
      { first: checkPageSize(page.first), after: page.after ?? null, orderBy: { id: 'desc' } },
    );
  }

  /**
   * The viewer's open tasks at a glance: how many of theirs (filed by, about or assigned to them)
   * are open, the nearest due of them, and how many wait in their queues (assigned to them, their
   * queues or whom they stand in for). A part of a statement (the dashboard's counters): both
   * counters and the nearest due task as scalar sub-selects, whom the viewer stands in for today a
   * sub-select of each.
   */
  async openSummaryPart(): Promise<ScalarPart<OpenSummary>> {
    const standIns = await this.policy().actingForQuery();
    const visible = this.policy().scopeWith(standIns);
    const mine: FilterQuery<Task> = { $and: [visible, { closedAt: null }, this.mine()] };
    const waiting: FilterQuery<Task> = {
      $and: [visible, { closedAt: null }, this.waitingForMe(standIns)],
    };
    const em = this.ctx.em;
    const count = (where: FilterQuery<Task>) =>
      em
        .createQueryBuilder(Task)
        .count()
        .where(where as QBFilterQuery<Task>)
        .getKnexQuery();
    const nearestQuery = em
      .createQueryBuilder(Task)
      .select('*')
      .where({ $and: [mine, { dueDate: { $ne: null } }] })
      .orderBy({ dueDate: 'asc', id: 'asc' })
      .limit(1)
      .getKnexQuery();
    return {
      columns: {
        mine: count(mine),
        waiting: count(waiting),
        nearest: em.getKnex().raw('(select to_jsonb(n) from (?) as n)', [nearestQuery]),
      },
      read: (row) => ({
        mine: Number(row['mine'] ?? 0),
        waiting: Number(row['waiting'] ?? 0),
        nearestDue: row['nearest'] ? em.map(Task, row['nearest']) : null,
      }),
    };
  }

  /** Tasks filed by, about or assigned to the viewer. */
  private mine(): FilterQuery<Task> {
    const viewer = this.viewer;
    return {
      $or: [
        { author: viewer.userId },
        { assigneeUser: viewer.userId },
        ...(viewer.employeeId ? [{ subject: viewer.employeeId }] : []),
      ],
    };
  }

  /** Tasks assigned to the viewer, to whom they stand in for, or to their queues. */
  private waitingForMe(standIns: readonly string[] | (() => Knex.QueryBuilder)): FilterQuery<Task> {
    const viewer = this.viewer;
    const queues = queuesOf(viewer);
    const stoodIn = assignedTo(standIns);
    return {
      $or: [
        { assigneeUser: viewer.userId },
        ...(stoodIn ? [stoodIn] : []),
        ...(queues.length > 0 ? [{ assigneeQueue: { $in: queues } }] : []),
      ],
    };
  }

  /** HR or accounting gives an employee (or a colleague) a task, e.g. to read an order. */
  async create(input: GeneralTaskInput): Promise<Task> {
    const viewer = this.viewer;
    const queues = queuesOf(viewer);
    if (queues.length === 0) throw forbidden('Only HR and accounting give tasks');
    const title = text(input.title, ['input', 'title'], 3, 300);
    const description = optionalText(input.description, ['input', 'description'], 10_000);
    const today = await this.policy().today();
    if (
      input.dueDate !== null &&
      input.dueDate !== undefined &&
      (!isLocalDate(input.dueDate) || input.dueDate < today)
    ) {
      throw badInput(['input', 'dueDate'], 'A date from today on');
    }
    const tx = this.unit.em;
    const assignee = await this.assigneeOf(tx, input);
    const subjectId = assignee.employee?.id ?? null;
    const task = tx.create(Task, {
      organization: viewer.organizationId,
      type: 'GENERAL',
      title,
      description,
      author: tx.getReference(User, viewer.userId),
      subject: subjectId ? tx.getReference(Employee, subjectId) : null,
      assigneeUser: assignee,
      serviceQueue: queues[0]!,
      status: workflows.GENERAL.initial,
      priority: input.priority ?? 'NORMAL',
      dueDate: input.dueDate ?? null,
      participants: [],
    });
    const change = new TaskChange(this.unit, task, viewer.userId);
    change.join(viewer.userId, assignee.id);
    change.event('CREATED', { toStatus: task.status, data: { assigneeUserId: assignee.id } });
    await change.notifyAssignee(`Новая задача: ${title}`, description);
    await change.done();
    return task;
  }

  private async assigneeOf(tx: EntityManager, input: GeneralTaskInput): Promise<User> {
    const viewer = this.viewer;
    if (!input.assigneeEmployeeId === !input.assigneeUserId) {
      throw badInput(['input', 'assigneeEmployeeId'], 'Name an employee or a user');
    }
    const path = input.assigneeEmployeeId
      ? ['input', 'assigneeEmployeeId']
      : ['input', 'assigneeUserId'];
    const id = (input.assigneeEmployeeId ?? input.assigneeUserId)!;
    const user = !isUuid(id)
      ? null
      : input.assigneeEmployeeId
        ? await userOfEmployee(tx, id)
        : await tx.findOne(User, { id, status: 'ACTIVE' });
    if (!user || user.organization.id !== viewer.organizationId) {
      throw badInput(path, 'No active account of this organization');
    }
    return user;
  }
}

export type { TaskStatus };
