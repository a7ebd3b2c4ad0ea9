import { useApolloClient } from '@apollo/client/react';
import { useContext, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';

import { useMe } from '../../app/session';
import { Card, Page } from '../../components/page';
import { ErrorNotice, Loading } from '../../components/query-state';
import { FindSheetDocument } from '../../gql/graphql';
import { TimeZoneContext, todayIn } from '../../i18n/format';
import { monthOf, parsePeriod, periodCode, periodIn, shiftPeriod } from './period';

/**
 * `/kpi/<sheetId>`, where KPI_SHEET notifications link. The server has no query by sheet id, so the
 * sheet is looked for among the viewer's own and their team's, first in the period the notification
 * names (its title), then this month and the one before; found, the page opens the sheet's own URL.
 */
export function SheetLinkPage() {
  const { t } = useTranslation();
  const { sheetId = '' } = useParams();
  const [params] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const client = useApolloClient();
  const timeZone = useContext(TimeZoneContext);
  const { employeeId, hasRole } = useMe();
  const own = Boolean(employeeId);
  const team = hasRole('MANAGER');
  const title = (location.state as { title?: unknown } | null)?.title;
  const [state, setState] = useState<{
    status: 'resolving' | 'not-found' | 'error';
    error?: unknown;
  }>({ status: 'resolving' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    const month = parsePeriod(monthOf(todayIn(timeZone)))!;
    const candidates = [
      ...new Set(
        [
          params.get('period'),
          periodIn(typeof title === 'string' ? title : null),
          periodCode(month),
          periodCode(shiftPeriod(month, -1)),
        ].filter((code): code is string => Boolean(parsePeriod(code))),
      ),
    ];
    const resolve = async () => {
      if (!own && !team) return null;
      for (const period of candidates) {
        const { data } = await client.query({
          query: FindSheetDocument,
          variables: { period, own, team },
          fetchPolicy: 'network-only',
        });
        if (data?.myIndicators?.id === sheetId) return `/kpi?period=${period}`;
        const row = data?.teamIndicators?.find((item) => item.sheet?.id === sheetId);
        if (row?.employee.employeeId)
          return `/kpi/team/${row.employee.employeeId}?period=${row.sheet?.period ?? period}`;
      }
      return null;
    };
    resolve().then(
      (to) => {
        if (cancelled) return;
        if (to) void navigate(to, { replace: true });
        else setState({ status: 'not-found' });
      },
      (error: unknown) => {
        if (!cancelled) setState({ status: 'error', error });
      },
    );
    return () => {
      cancelled = true;
    };
    // Once per link (and per retry); the rest is read at that moment.
  }, [sheetId, attempt]);

  return (
    <Page title={t('kpi.link.title')}>
      {state.status === 'resolving' ? (
        <Loading label={t('kpi.link.resolving')} />
      ) : state.status === 'error' ? (
        <ErrorNotice
          error={state.error}
          onRetry={() => {
            setState({ status: 'resolving' });
            setAttempt((n) => n + 1);
          }}
        />
      ) : (
        <Card>
          <p>{t('kpi.link.notFound')}</p>
          <p className="actions-row">
            {own ? <Link to="/kpi">{t('nav.kpi')}</Link> : null}
            {team ? <Link to="/kpi/team">{t('nav.teamKpi')}</Link> : null}
            {hasRole('HR') ? <Link to="/employees">{t('nav.employees')}</Link> : null}
          </p>
        </Card>
      )}
    </Page>
  );
}
