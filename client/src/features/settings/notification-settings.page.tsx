import { useMutation, useQuery } from '@apollo/client/react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { errorCode } from '../../components/errors';
import { Card, Page } from '../../components/page';
import { ErrorNotice, QueryState } from '../../components/query-state';
import {
  NotificationPreferencesDocument,
  SetNotificationPreferenceDocument,
  type NotificationPreferenceItemFragment,
} from '../../gql/graphql';
import { useNotificationType } from '../notifications/use-notifications';

/** Which notifications also come by e-mail, type by type (issue 6); every one comes to the portal. */
export function NotificationSettingsPage() {
  const { t } = useTranslation();
  const { data, error, refetch } = useQuery(NotificationPreferencesDocument);
  return (
    <Page title={t('settings.title')} lead={t('settings.lead')}>
      <Card title={t('settings.emailTitle')}>
        <QueryState data={data?.notificationPreferences} error={error} retry={refetch}>
          {(preferences) => {
            const reason = preferences.find((item) => !item.emailAvailable)?.emailUnavailableReason;
            return (
              <>
                {reason ? (
                  <p className="notice" id="email-unavailable" data-testid="email-unavailable">
                    {t(`settings.unavailable.${reason}`)}
                  </p>
                ) : null}
                <ul className="preference-list" data-testid="notification-preferences">
                  {preferences.map((preference) => (
                    <PreferenceRow key={preference.type} preference={preference} />
                  ))}
                </ul>
              </>
            );
          }}
        </QueryState>
      </Card>
    </Page>
  );
}

function PreferenceRow({ preference }: { preference: NotificationPreferenceItemFragment }) {
  const { t } = useTranslation();
  const typeName = useNotificationType();
  const id = useId();
  const [failed, setFailed] = useState<unknown>(null);
  const [set, { loading }] = useMutation(SetNotificationPreferenceDocument);
  const change = async (email: boolean) => {
    setFailed(null);
    try {
      await set({
        variables: { type: preference.type, email },
        optimisticResponse: {
          __typename: 'Mutation',
          setNotificationPreference: { ...preference, email, isDefault: false },
        },
      });
    } catch (error) {
      setFailed(error);
    }
  };
  return (
    <li className="preference">
      <label className="check" htmlFor={id}>
        <input
          id={id}
          type="checkbox"
          checked={preference.email}
          disabled={!preference.emailAvailable || loading}
          aria-describedby={preference.emailAvailable ? undefined : 'email-unavailable'}
          onChange={(event) => void change(event.target.checked)}
        />
        <span>{typeName(preference.type)}</span>
      </label>
      <span className="muted small">
        {preference.emailAvailable
          ? preference.isDefault
            ? `${preference.email ? t('settings.email') : t('settings.off')} · ${t('settings.byDefault')}`
            : preference.email
              ? t('settings.email')
              : t('settings.off')
          : t('settings.emailUnavailable')}
      </span>
      {failed ? (
        <ErrorNotice
          error={failed}
          describe={(error) =>
            errorCode(error) === 'EMAIL_UNAVAILABLE' ? t('settings.emailUnavailable') : null
          }
        />
      ) : null}
    </li>
  );
}
