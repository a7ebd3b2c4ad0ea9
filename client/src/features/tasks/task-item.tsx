import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import type { TaskListItemFragment } from '../../gql/graphql';
import { useFormat } from '../../i18n/format';

const closed = new Set(['DONE', 'REJECTED', 'CANCELLED']);

/** A status pill, coloured by whether the task is open, late or finished. */
export function TaskStatusPill({
  task,
}: {
  task: Pick<TaskListItemFragment, 'status' | 'overdue'>;
}) {
  const { t } = useTranslation();
  return (
    <>
      <span className={`pill ${closed.has(task.status) ? '' : 'pill-accent'}`}>
        {t(`tasks.status.${task.status}`)}
      </span>
      {task.overdue ? <span className="pill pill-danger">{t('tasks.overdue')}</span> : null}
    </>
  );
}

/** Who handles a task: a person or a service's queue. */
export function useAssigneeName() {
  const { t } = useTranslation();
  return (assignee: TaskListItemFragment['assignee']) =>
    assignee.user?.name ?? (assignee.queue ? t(`tasks.queueName.${assignee.queue}`) : '—');
}

export function TaskItem({ task }: { task: TaskListItemFragment }) {
  const { t } = useTranslation();
  const format = useFormat();
  const assigneeName = useAssigneeName();
  return (
    <li>
      <Link to={`/tasks/${task.id}`} className="task-item">
        <span className="task-title">{task.title}</span>
        <span className="task-meta">
          <span>{t(`tasks.type.${task.type}`)}</span>
          <TaskStatusPill task={task} />
          {task.dueDate ? <span>{t('tasks.due', { date: format.date(task.dueDate) })}</span> : null}
          <span>
            {t('tasks.assignedTo')}: {assigneeName(task.assignee)}
          </span>
          {task.unreadMessageCount > 0 ? (
            <span className="pill pill-warn">
              {t('tasks.unreadMessages', { count: task.unreadMessageCount })}
            </span>
          ) : null}
        </span>
      </Link>
    </li>
  );
}
