import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { LoadMore } from '../../components/load-more';
import { Card, Page } from '../../components/page';
import { Empty, QueryState } from '../../components/query-state';
import { NotificationsDocument, type NotificationItemFragment } from '../../gql/graphql';
import { useFormat } from '../../i18n/format';
import { NOTIFICATIONS_PAGE, useMarkRead, useNotificationType } from './use-notifications';

/** Every notification, newest first, read and unread, with "mark read" and load more. */
export function NotificationsPage() {
  const { t } = useTranslation();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const { data, error, refetch, fetchMore } = useQuery(NotificationsDocument, {
    variables: { first: NOTIFICATIONS_PAGE, unreadOnly },
  });
  const { markRead, busy } = useMarkRead();
  const connection = data?.notifications;
  const hasUnread = connection?.edges.some((edge) => !edge.node.readAt) ?? false;

  return (
    <Page
      title={t('notifications.title')}
      lead={t('notifications.live')}
      actions={
        <button
          type="button"
          className="button button-secondary"
          disabled={busy || !hasUnread}
          onClick={() => void markRead(null)}
        >
          {t('notifications.markAllRead')}
        </button>
      }
    >
      <div className="segmented" role="group" aria-label={t('notifications.filter')}>
        <button type="button" aria-pressed={!unreadOnly} onClick={() => setUnreadOnly(false)}>
          {t('notifications.all')}
        </button>
        <button type="button" aria-pressed={unreadOnly} onClick={() => setUnreadOnly(true)}>
          {t('notifications.unread')}
        </button>
      </div>
      <Card>
        <QueryState data={connection} error={error} retry={refetch}>
          {(notifications) =>
            notifications.edges.length === 0 ? (
              <Empty>
                {unreadOnly ? t('notifications.emptyUnread') : t('notifications.empty')}
              </Empty>
            ) : (
              <>
                <ul className="notification-list">
                  {notifications.edges.map(({ node }) => (
                    <NotificationRow
                      key={node.id}
                      notification={node}
                      onRead={() => void markRead([node.id])}
                    />
                  ))}
                </ul>
                <LoadMore
                  hasMore={notifications.pageInfo.hasNextPage}
                  shown={notifications.edges.length}
                  total={notifications.totalCount}
                  onLoad={() =>
                    fetchMore({ variables: { after: notifications.pageInfo.endCursor } })
                  }
                />
              </>
            )
          }
        </QueryState>
      </Card>
    </Page>
  );
}

export function NotificationRow({
  notification,
  onRead,
}: {
  notification: NotificationItemFragment;
  onRead?: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const notificationType = useNotificationType();
  const unread = !notification.readAt;
  return (
    <li className={`notification ${unread ? 'notification-unread' : ''}`}>
      <div className="notification-meta">
        <span>{notificationType(notification.type)}</span>
        <time dateTime={notification.createdAt}>{format.dateTime(notification.createdAt)}</time>
        {unread ? <span className="pill pill-accent">{t('notifications.new')}</span> : null}
      </div>
      <p className="notification-title">{notification.title}</p>
      {notification.body ? <p className="notification-body">{notification.body}</p> : null}
      <div className="notification-actions">
        {notification.link?.startsWith('/') ? (
          <Link to={notification.link} onClick={unread ? onRead : undefined}>
            {t('notifications.open')}
          </Link>
        ) : null}
        {unread && onRead ? (
          <button type="button" className="link-button" onClick={onRead}>
            {t('notifications.markRead')}
          </button>
        ) : null}
      </div>
    </li>
  );
}
