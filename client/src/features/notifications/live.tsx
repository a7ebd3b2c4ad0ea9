import { useApolloClient, useQuery, useSubscription } from '@apollo/client/react';
import { useCallback, useEffect, useRef, useState } from 'react';

import { onReconnect } from '../../apollo/client';
import { useToast } from '../../components/toasts';
import {
  DashboardDocument,
  NotificationAddedDocument,
  NotificationsDocument,
  UnreadNotificationCountDocument,
} from '../../gql/graphql';
import { NOTIFICATIONS_PAGE, prependNotification, useNotificationType } from './use-notifications';

const RESUBSCRIBE_MS = 5_000;

/**
 * The live notification stream for the whole signed-in app: each new notification goes to the
 * top of the lists, refreshes the unread count and shows a toast. It starts after the newest
 * notification already listed, and the socket layer resumes from the last one received.
 */
export function NotificationsLive() {
  const list = useQuery(NotificationsDocument, {
    variables: { first: NOTIFICATIONS_PAGE, unreadOnly: false },
  });
  const [after, setAfter] = useState<string | null | undefined>(undefined);
  const [attempt, setAttempt] = useState(0);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  // Ids already shown, across resubscriptions (a replay must not toast twice).
  const seen = useRef(new Set<string>());
  // The starting cursor is fixed once: later list changes must not restart the subscription.
  useEffect(() => {
    if (after !== undefined) return;
    if (list.data) setAfter(list.data.notifications.edges[0]?.node.id ?? null);
    else if (list.error) setAfter(null);
  }, [after, list.data, list.error]);
  if (after === undefined) return null;
  return <Stream key={attempt} after={after} seen={seen.current} onFailed={retry} />;
}

function Stream({
  after,
  seen,
  onFailed,
}: {
  after: string | null;
  seen: Set<string>;
  onFailed: () => void;
}) {
  const client = useApolloClient();
  const toast = useToast();
  const notificationType = useNotificationType();
  const countTimer = useRef<ReturnType<typeof setTimeout>>(undefined);

  const refreshCount = () => {
    clearTimeout(countTimer.current);
    countTimer.current = setTimeout(() => {
      void client.refetchQueries({ include: [UnreadNotificationCountDocument, DashboardDocument] });
    }, 150);
  };

  useEffect(
    () =>
      onReconnect(() => {
        void client.refetchQueries({
          include: [UnreadNotificationCountDocument, NotificationsDocument, DashboardDocument],
        });
      }),
    [client],
  );
  useEffect(() => () => clearTimeout(countTimer.current), []);

  const { error } = useSubscription(NotificationAddedDocument, {
    variables: { after },
    onData: ({ data }) => {
      const notification = data.data?.notificationAdded;
      if (!notification || seen.has(notification.id)) return;
      seen.add(notification.id);
      prependNotification(client.cache, notification);
      refreshCount();
      toast({
        id: notification.id,
        kicker: notificationType(notification.type),
        title: notification.title,
        body: notification.body,
        link: notification.link,
      });
    },
  });

  // A subscription that ended in an error (not a dropped socket, which retries by itself).
  useEffect(() => {
    if (!error) return;
    const timer = setTimeout(onFailed, RESUBSCRIBE_MS);
    return () => clearTimeout(timer);
  }, [error, onFailed]);
  return null;
}
