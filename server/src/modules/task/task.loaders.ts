import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { rowsByOwner } from '../../core/orm/loaders.js';
import { TaskAttachment, TaskEvent, TaskReadMarker } from './task.entity.js';

export const taskEventsLoader = rowsByOwner(TaskEvent, 'task', { id: 'asc' });
export const taskAttachmentsLoader = rowsByOwner(TaskAttachment, 'task', { id: 'asc' });
export const taskReadMarkersLoader = rowsByOwner(TaskReadMarker, 'task', { id: 'asc' });

/** Unread messages per `taskId:userId`: others' messages after the user's read marker. */
export const unreadMessagesLoader = (em: EntityManager) =>
  new DataLoader<string, number>(async (keys) => {
    const pairs = keys.map((key) => key.split(':') as [string, string]);
    const rows = await em.execute<{ task_id: string; user_id: string; unread: string }[]>(
      `select k.task_id, k.user_id, count(m.id) as unread
         from json_to_recordset(?::json) as k(task_id uuid, user_id uuid)
         left join task_read_marker r on r.task_id = k.task_id and r.user_id = k.user_id
         join task_message m on m.task_id = k.task_id and m.author_id <> k.user_id
          and (r.last_read_message_id is null or m.id > r.last_read_message_id)
        group by k.task_id, k.user_id`,
      [JSON.stringify(pairs.map(([task_id, user_id]) => ({ task_id, user_id })))],
    );
    const counts = new Map(
      rows.map((row) => [`${row.task_id}:${row.user_id}`, Number(row.unread)]),
    );
    return keys.map((key) => counts.get(key) ?? 0);
  });

export { personOf, type Person } from '../identity/index.js';
