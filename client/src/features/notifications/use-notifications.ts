import { useTranslation } from 'react-i18next';
import { ru, type Messages } from '../../i18n/ru';
import { useMutation } from '@apollo/client/react';
import type { ApolloCache, Reference } from '@apollo/client';
import { isReference } from '@apollo/client/utilities';

import {
  MarkNotificationsReadDocument,
  NotificationItemFragmentDoc,
  UnreadNotificationCountDocument,
  type NotificationItemFragment,
} from '../../gql/graphql';

/** A Relay connection as the cache stores it (edges point at normalised nodes). */
interface StoredConnection {
  edges: { node: Reference }[];
  totalCount?: number;
}

/** Page size shared by every notifications list, so the dashboard and the page share one cache entry. */
export const NOTIFICATIONS_PAGE = 20;

/** Puts a new notification at the top of every cached notifications list. */
export function prependNotification(cache: ApolloCache, notification: NotificationItemFragment) {
  const ref = cache.writeFragment({ fragment: NotificationItemFragmentDoc, data: notification });
  if (!ref) return;
  cache.modify<{ notifications: StoredConnection }>({
    fields: {
      notifications(existing, { readField }) {
        if (!existing || isReference(existing)) return existing;
        if (existing.edges.some((edge) => readField('id', edge.node) === notification.id))
          return existing;
        return {
          ...existing,
          edges: [{ __typename: 'NotificationEdge', cursor: '', node: ref }, ...existing.edges],
          ...(existing.totalCount !== undefined ? { totalCount: existing.totalCount + 1 } : {}),
        };
      },
    },
  });
}

/** Marks notifications read (these ids, or all) and updates the cache and the unread count. */
export function useMarkRead() {
  const [mutate, state] = useMutation(MarkNotificationsReadDocument, {
    refetchQueries: [UnreadNotificationCountDocument],
  });
  const markRead = (ids: string[] | null) =>
    mutate({
      variables: { ids, all: ids === null },
      update(cache) {
        const now = new Date().toISOString();
        cache.modify<{ notifications: StoredConnection }>({
          fields: {
            notifications(existing, { readField }) {
              if (!existing || isReference(existing)) return existing;
              for (const edge of existing.edges) {
                const id = readField<string>('id', edge.node);
                if (ids === null || (id && ids.includes(id)))
                  cache.modify({
                    id: cache.identify(edge.node),
                    fields: { readAt: (value: string | null) => value ?? now },
                  });
              }
              return existing;
            },
          },
        });
      },
    });
  return { markRead, busy: state.loading };
}

type KnownType = Exclude<keyof Messages['notifications']['type'], 'other'>;
const knownTypes = new Set<string>(Object.keys(ru.notifications.type));

/** The kind of a notification in words; a kind added on the server later reads "Notification". */
export function useNotificationType() {
  const { t } = useTranslation();
  return (type: string) =>
    knownTypes.has(type) && type !== 'other'
      ? t(`notifications.type.${type as KnownType}`)
      : t('notifications.type.other');
}
