import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';

import { useMe } from '../../app/session';
import { LoadMore } from '../../components/load-more';
import { Card, Page } from '../../components/page';
import { Empty, QueryState } from '../../components/query-state';
import { TasksDocument, type TaskScope } from '../../gql/graphql';
import { TaskItem } from './task-item';

export const TASKS_PAGE = 20;

/** My tasks (filed by, about or assigned to me) and my queue (what my service handles). */
export function TasksPage() {
  const { t } = useTranslation();
  const { hasRole, employeeId } = useMe();
  const [params, setParams] = useSearchParams();
  const hasQueue = hasRole('HR') || hasRole('ACCOUNTANT') || hasRole('MANAGER');
  const scope: TaskScope = hasQueue && params.get('scope') === 'queue' ? 'QUEUE' : 'MINE';
  const openOnly = params.get('all') !== '1';
  const { data, error, refetch, fetchMore } = useQuery(TasksDocument, {
    variables: { scope, openOnly, first: TASKS_PAGE },
  });
  const set = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value === null) next.delete(key);
    else next.set(key, value);
    setParams(next, { replace: true });
  };
  return (
    <Page
      title={t('tasks.title')}
      actions={
        employeeId ? (
          <>
            <Link className="button button-primary" to="/tasks/new/leave">
              {t('tasks.newLeave')}
            </Link>
            <Link className="button button-secondary" to="/tasks/new/certificate">
              {t('tasks.newCertificate')}
            </Link>
          </>
        ) : null
      }
    >
      <div className="filters">
        {hasQueue ? (
          <div className="segmented" role="group" aria-label={t('tasks.scope')}>
            <button
              type="button"
              aria-pressed={scope === 'MINE'}
              onClick={() => set('scope', null)}
            >
              {t('tasks.mine')}
            </button>
            <button
              type="button"
              aria-pressed={scope === 'QUEUE'}
              onClick={() => set('scope', 'queue')}
            >
              {t('tasks.queue')}
            </button>
          </div>
        ) : null}
        <label className="toggle">
          <input
            type="checkbox"
            checked={openOnly}
            onChange={(event) => set('all', event.target.checked ? null : '1')}
          />
          {t('tasks.openOnly')}
        </label>
      </div>
      <Card>
        <QueryState data={data?.tasks} error={error} retry={refetch}>
          {(tasks) =>
            tasks.edges.length === 0 ? (
              <Empty>{openOnly ? t('tasks.emptyOpen') : t('tasks.empty')}</Empty>
            ) : (
              <>
                <ul className="task-list" data-testid="task-list">
                  {tasks.edges.map(({ node }) => (
                    <TaskItem key={node.id} task={node} />
                  ))}
                </ul>
                <LoadMore
                  hasMore={tasks.pageInfo.hasNextPage}
                  shown={tasks.edges.length}
                  total={tasks.totalCount}
                  onLoad={() => fetchMore({ variables: { after: tasks.pageInfo.endCursor } })}
                />
              </>
            )
          }
        </QueryState>
      </Card>
    </Page>
  );
}
