import type { Logger } from 'pino';
import type { AppPubSub } from '../../core/topics.js';
import type { Orm } from '../../core/orm/orm.js';
import { inSystemUnit } from '../../core/unit-of-work.js';
import { queueMembers, TaskChange } from './task.change.js';
import { Task } from './task.entity.js';

const BATCH = 200;

/**
 * Flags the open tasks past their due date (in their organization's time zone) and tells their
 * queue: whoever the task is assigned to and the members of its service queue, once per task, with
 * an OVERDUE entry in its history. Rows are claimed with SKIP LOCKED, so several server processes
 * sweeping at once never notify twice. Returns how many tasks it flagged.
 */
export async function sweepOverdueTasks(
  orm: Orm,
  pubSub: AppPubSub,
  logger: Logger,
): Promise<number> {
  let flagged = 0;
  for (;;) {
    const count = await inSystemUnit(orm.em.fork(), pubSub, logger, async (unit) => {
      const tx = unit.em;
      const rows = await tx.execute<{ id: string }[]>(
        `select t.id from task t join organization o on o.id = t.organization_id
          where t.closed_at is null and t.overdue_notified_at is null
            and t.due_date < (current_timestamp at time zone o.time_zone)::date
          order by t.due_date, t.id
          limit ${BATCH}
          for update of t skip locked`,
      );
      if (rows.length === 0) return 0;
      const tasks = await tx.find(Task, { id: { $in: rows.map((row) => row.id) } });
      for (const task of tasks) {
        task.overdueNotifiedAt = new Date();
        const change = new TaskChange(unit, task, null);
        change.event('OVERDUE', { data: { dueDate: task.dueDate } });
        const service = await queueMembers(tx, task.organization.id, task.serviceQueue);
        const assigned = task.assigneeQueue
          ? await queueMembers(tx, task.organization.id, task.assigneeQueue)
          : task.assigneeUser
            ? [task.assigneeUser.id]
            : [];
        change.notify(
          [...assigned, ...service],
          'TASK_OVERDUE',
          `Просрочена задача: ${task.title}`,
          `Срок был ${task.dueDate!.split('-').reverse().join('.')}${task.deadlineBasis ? ` (${task.deadlineBasis})` : ''}`,
        );
        await change.done();
      }
      return tasks.length;
    });
    flagged += count;
    if (count < BATCH) return flagged;
  }
}

/** Sweeps at start and then every `intervalSeconds`; `stop()` waits for a sweep in progress. */
export function startOverdueSweeper(
  orm: Orm,
  pubSub: AppPubSub,
  logger: Logger,
  intervalSeconds: number,
): { stop(): Promise<void> } {
  let running: Promise<void> = Promise.resolve();
  const sweep = () => {
    running = running.then(async () => {
      try {
        const flagged = await sweepOverdueTasks(orm, pubSub, logger);
        if (flagged > 0) logger.info({ flagged }, 'overdue tasks flagged');
      } catch (error) {
        logger.error({ err: error }, 'overdue task sweep failed');
      }
    });
  };
  sweep();
  const timer = setInterval(sweep, intervalSeconds * 1000);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
