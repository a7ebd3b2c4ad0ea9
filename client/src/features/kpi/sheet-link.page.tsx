import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams } from 'react-router';

import { useMe } from '../../app/session';
import { errorCode } from '../../components/errors';
import { Card, Page } from '../../components/page';
import { ErrorNotice, Loading } from '../../components/query-state';
import { SheetLinkDocument } from '../../gql/graphql';

/**
 * `/kpi/<sheetId>`, where KPI_SHEET notifications (and their e-mails) link: opens the sheet at its
 * own address, the viewer's "Мои показатели" or someone's sheet for that period.
 */
export function SheetLinkPage() {
  const { t } = useTranslation();
  const { sheetId = '' } = useParams();
  const { employeeId, hasRole } = useMe();
  const { data, error, refetch } = useQuery(SheetLinkDocument, { variables: { id: sheetId } });
  const sheet = data?.evaluationSheetById;
  if (sheet) {
    const owner = sheet.employee.employeeId;
    const period = encodeURIComponent(sheet.period);
    const to =
      !owner || owner === employeeId
        ? `/kpi?period=${period}`
        : `/kpi/${hasRole('MANAGER') ? 'team' : 'employees'}/${owner}?period=${period}`;
    return <Navigate to={to} replace />;
  }
  return (
    <Page title={t('kpi.link.title')}>
      {!error ? (
        <Loading label={t('kpi.link.resolving')} />
      ) : errorCode(error) === 'NOT_FOUND' ? (
        <Card>
          <p>{t('kpi.link.notFound')}</p>
          <p className="actions-row">
            {employeeId ? <Link to="/kpi">{t('nav.kpi')}</Link> : null}
            {hasRole('MANAGER') ? <Link to="/kpi/team">{t('nav.teamKpi')}</Link> : null}
          </p>
        </Card>
      ) : (
        <ErrorNotice error={error} onRetry={refetch} />
      )}
    </Page>
  );
}
