import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { Icon } from '../../components/icons';
import { UnreadNotificationCountDocument } from '../../gql/graphql';

/** The bell in the header: a link to the notifications with the live unread count. */
export function NotificationBell() {
  const { t } = useTranslation();
  const { data } = useQuery(UnreadNotificationCountDocument, { fetchPolicy: 'cache-and-network' });
  const count = data?.unreadNotificationCount ?? 0;
  return (
    <Link
      to="/notifications"
      className="icon-button bell"
      aria-label={count > 0 ? t('notifications.bellUnread', { count }) : t('notifications.bell')}
      data-testid="bell"
    >
      <Icon name="bell" size={22} />
      {count > 0 ? (
        <span className="badge" data-testid="bell-count" aria-hidden="true">
          {count > 99 ? '99+' : count}
        </span>
      ) : null}
    </Link>
  );
}
