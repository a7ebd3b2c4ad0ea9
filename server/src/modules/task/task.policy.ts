import DataLoader from 'dataloader';
import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import type { AppContext } from '../../core/context.js';
import { hasRole, type Viewer } from '../../core/auth/viewer.js';
import { anyRole, definePolicy } from '../../core/policy.js';
import { todayOf } from '../organization/index.js';
import { Deputy, type Task } from './task.entity.js';
import {
  TaskQueues,
  workflows,
  type TaskActor,
  type TaskQueue,
  type Transition,
} from './task.workflows.js';

/** The users each user stands in for today (замещение), one query per batch. */
const actingForLoader = (em: EntityManager) =>
  new DataLoader<string, readonly string[], string>(
    async (keys) => {
      const pairs = keys.map((key) => key.split('@') as [string, string]);
      const rows = await em.find(
        Deputy,
        {
          $or: pairs.map(([deputy, today]) => ({
            deputy,
            startDate: { $lte: today },
            endDate: { $gte: today },
            revokedAt: null,
          })),
        },
        { fields: ['deputy', 'principal'] },
      );
      return pairs.map(([deputy]) =>
        rows.filter((row) => row.deputy.id === deputy).map((row) => row.principal.id),
      );
    },
    { cacheKeyFn: (key) => key },
  );

/** Tasks assigned to one of `users` (ids or a sub-select), or null for none. */
export function assignedTo(
  users: readonly string[] | (() => Knex.QueryBuilder),
): FilterQuery<Task> | null {
  if (typeof users === 'function') return { assigneeUser: { $in: users() as never } };
  return users.length > 0 ? { assigneeUser: { $in: [...users] } } : null;
}

/** The service queues a viewer works in: HR's, accounting's. */
export const queuesOf = (viewer: Viewer): TaskQueue[] =>
  TaskQueues.filter((queue) => hasRole(viewer, queue));

/**
 * Who may see a task and act on it. Deny by default: a task is seen by its participants (who filed
 * it, whom it is about, who was assigned or acted on it), by the members of the queue it is assigned
 * to and of its service queue, and by whoever stands in today for the user it is assigned to; all
 * within the viewer's organization. Actions follow the task type's status model.
 */
export class TaskPolicy {
  constructor(
    private readonly viewer: Viewer,
    private readonly ctx: Pick<AppContext, 'loaders'>,
  ) {}

  /** Today in the viewer's organization. */
  async today(): Promise<string> {
    return todayOf(this.ctx, this.viewer.organizationId);
  }

  /** The users the viewer stands in for today. */
  async actingFor(): Promise<readonly string[]> {
    const today = await this.today();
    return this.ctx.loaders.get(actingForLoader).load(`${this.viewer.userId}@${today}`);
  }

  /**
   * The users the viewer stands in for today as a sub-select, for a statement that needs them
   * without a statement of their own (the dashboard's counters).
   */
  async actingForQuery(): Promise<() => Knex.QueryBuilder> {
    const today = await this.today();
    const em = this.ctx.loaders.em;
    return () =>
      em
        .createQueryBuilder(Deputy)
        .select('principal')
        .where({
          deputy: this.viewer.userId,
          startDate: { $lte: today },
          endDate: { $gte: today },
          revokedAt: null,
        })
        .getKnexQuery();
  }

  /** A SQL filter for the tasks the viewer may see. */
  async scope(): Promise<FilterQuery<Task>> {
    return this.scopeWith(await this.actingFor());
  }

  /** `scope` with the users the viewer stands in for as ids or as a sub-select (`actingForQuery`). */
  scopeWith(principals: readonly string[] | (() => Knex.QueryBuilder)): FilterQuery<Task> {
    const queues = queuesOf(this.viewer);
    const visible: FilterQuery<Task>[] = [{ participants: { $contains: [this.viewer.userId] } }];
    if (queues.length > 0) {
      visible.push({ assigneeQueue: { $in: queues } }, { serviceQueue: { $in: queues } });
    }
    const standIns = assignedTo(principals);
    if (standIns) visible.push(standIns);
    return { organization: this.viewer.organizationId, $or: visible };
  }

  async canSee(task: Task): Promise<boolean> {
    if (task.organization.id !== this.viewer.organizationId) return false;
    if (task.participants.includes(this.viewer.userId)) return true;
    const queues = queuesOf(this.viewer);
    if (task.assigneeQueue && queues.includes(task.assigneeQueue)) return true;
    if (queues.includes(task.serviceQueue)) return true;
    return this.isAssignee(task);
  }

  /** The parts the viewer plays on a task, for the status model's `by`. */
  async actorsOn(task: Task): Promise<ReadonlySet<TaskActor>> {
    const actors = new Set<TaskActor>();
    if (task.organization.id !== this.viewer.organizationId) return actors;
    if (task.author.id === this.viewer.userId) actors.add('AUTHOR');
    if (await this.isAssignee(task)) actors.add('ASSIGNEE');
    if (queuesOf(this.viewer).includes(task.serviceQueue)) actors.add('SERVICE');
    return actors;
  }

  /** The transitions the viewer may make on the task now. */
  async transitions(task: Task): Promise<Transition[]> {
    const actors = await this.actorsOn(task);
    return workflows[task.type].transitions.filter(
      (transition) =>
        transition.from.includes(task.status) && transition.by.some((by) => actors.has(by)),
    );
  }

  /** Whether the viewer works the service side of the task (may reassign it, attach results). */
  isService(task: Task): boolean {
    return (
      task.organization.id === this.viewer.organizationId &&
      queuesOf(this.viewer).includes(task.serviceQueue)
    );
  }

  private async isAssignee(task: Task): Promise<boolean> {
    if (task.assigneeQueue) return queuesOf(this.viewer).includes(task.assigneeQueue);
    if (!task.assigneeUser) return false;
    if (task.assigneeUser.id === this.viewer.userId) return true;
    return (await this.actingFor()).includes(task.assigneeUser.id);
  }
}

/** The task module's actions apart from a task's own status model (TaskPolicy above). */
export const taskActions = definePolicy('task', {
  /** See the organization's open file error reports. */
  reviewFileErrorReports: anyRole('HR'),
  /** Name a deputy for `principalUserId`: one's own as an employee, anyone's as HR. */
  nameDeputy: (viewer, principalUserId: string) =>
    hasRole(viewer, 'HR') || (principalUserId === viewer.userId && viewer.employeeId !== null),
  /** Revoke a deputy named for someone: their own, or anyone's in the organization as HR. */
  revokeDeputy: (viewer, deputy: { organizationId: string; principalUserId: string }) =>
    deputy.organizationId === viewer.organizationId &&
    (deputy.principalUserId === viewer.userId || hasRole(viewer, 'HR')),
  /** See every deputy of the organization, not only one's own. */
  seeAllDeputies: anyRole('HR'),
});
