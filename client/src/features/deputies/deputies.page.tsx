import { useMutation, useQuery } from '@apollo/client/react';
import { useContext, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { useMe } from '../../app/session';
import { Dialog } from '../../components/dialog';
import { Card, Page } from '../../components/page';
import { Empty, ErrorNotice, QueryState } from '../../components/query-state';
import { DeputiesDocument, RevokeDeputyDocument, type DeputyItemFragment } from '../../gql/graphql';
import { TimeZoneContext, todayIn, useFormat } from '../../i18n/format';
import { DeputyForm } from './deputy-form';

/**
 * Замещение: naming a deputy for a period, and who stands in for the viewer and for whom the viewer
 * stands in, current and future (HR: everyone's), with revoking.
 */
export function DeputiesPage() {
  const { t } = useTranslation();
  const { hasRole } = useMe();
  const { data, error, refetch } = useQuery(DeputiesDocument);
  // Colleagues come from the lists the viewer has: the organization's, else the team's.
  const scope =
    hasRole('HR') || hasRole('ACCOUNTANT') || hasRole('ADMIN')
      ? 'employees'
      : hasRole('MANAGER')
        ? 'team'
        : null;
  return (
    <Page title={t('deputies.title')} lead={t('deputies.lead')}>
      {scope ? <DeputyForm scope={scope} /> : <p className="muted">{t('deputies.askHr')}</p>}
      <Card>
        <QueryState data={data?.deputies} error={error} retry={refetch}>
          {(deputies) =>
            deputies.length === 0 ? (
              <div data-testid="deputies">
                <Empty>{t('deputies.empty')}</Empty>
              </div>
            ) : (
              <ul className="record-list" data-testid="deputies">
                {deputies.map((deputy) => (
                  <DeputyRow key={deputy.id} deputy={deputy} />
                ))}
              </ul>
            )
          }
        </QueryState>
      </Card>
    </Page>
  );
}

function DeputyRow({ deputy }: { deputy: DeputyItemFragment }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { me, hasRole } = useMe();
  const timeZone = useContext(TimeZoneContext);
  const [confirming, setConfirming] = useState(false);
  const [revoke, { loading, error }] = useMutation(RevokeDeputyDocument, {
    refetchQueries: [DeputiesDocument],
  });
  const mine = deputy.principal.userId === me.id;
  const forMe = deputy.deputy.userId === me.id;
  const who = mine
    ? t('deputies.myDeputy', { name: deputy.deputy.name })
    : forMe
      ? t('deputies.iStandIn', { name: deputy.principal.name })
      : t('deputies.standsIn', { deputy: deputy.deputy.name, principal: deputy.principal.name });
  const dates = t('deputies.dates', {
    start: format.date(deputy.startDate),
    end: format.date(deputy.endDate),
  });
  const current = deputy.startDate <= todayIn(timeZone);
  // The principal and HR may revoke (the server says NOT_FOUND to anyone else).
  const revocable = mine || hasRole('HR');
  const submit = async () => {
    try {
      await revoke({ variables: { id: deputy.id } });
      setConfirming(false);
    } catch {
      // Shown from `error`.
    }
  };
  return (
    <li className="deputy">
      <div>
        <strong>{who}</strong>
        <span className={`pill ${current ? 'pill-accent' : ''}`}>
          {current ? t('deputies.current') : t('deputies.upcoming')}
        </span>
        <span className="muted block">{dates}</span>
      </div>
      {revocable ? (
        <button
          type="button"
          className="button button-secondary"
          aria-label={t('deputies.revokeLabel', { name: mine ? deputy.deputy.name : who, dates })}
          onClick={() => setConfirming(true)}
        >
          {t('deputies.revoke')}
        </button>
      ) : null}
      <Dialog
        open={confirming}
        title={t('deputies.revokeTitle')}
        onClose={() => setConfirming(false)}
      >
        <p>{t('deputies.revokeConfirm', { who, dates })}</p>
        {error ? <ErrorNotice error={error} /> : null}
        <div className="dialog-actions">
          <button
            type="button"
            className="button button-secondary"
            onClick={() => setConfirming(false)}
          >
            {t('app.cancel')}
          </button>
          <button
            type="button"
            className="button button-primary"
            disabled={loading}
            onClick={() => void submit()}
          >
            {t('deputies.revoke')}
          </button>
        </div>
      </Dialog>
    </li>
  );
}
