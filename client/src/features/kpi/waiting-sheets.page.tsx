import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { DataTable } from '../../components/data-table';
import { Card, Page } from '../../components/page';
import { Empty, QueryState } from '../../components/query-state';
import { SheetsAwaitingMeDocument } from '../../gql/graphql';
import { useFormat } from '../../i18n/format';
import { usePeriodLabel } from './period-picker';
import { SheetStatusPill } from './sheet-status';

/**
 * Листы на согласовании: the sheets waiting for the viewer's step, from every period, oldest
 * first (a manager's team's submitted sheets, HR's agreed ones). Each opens at its own address.
 */
export function WaitingSheetsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const periodLabel = usePeriodLabel();
  const { data, error, refetch } = useQuery(SheetsAwaitingMeDocument, {
    fetchPolicy: 'cache-and-network',
  });
  return (
    <Page title={t('kpi.waitingTitle')} lead={t('kpi.waitingLead')}>
      <Card>
        <QueryState data={data?.sheetsAwaitingMe} error={error} retry={refetch}>
          {(sheets) =>
            sheets.length === 0 ? (
              <Empty>{t('kpi.waitingEmpty')}</Empty>
            ) : (
              <div data-testid="kpi-waiting">
                <DataTable
                  caption={t('kpi.waitingTitle')}
                  captionHidden
                  columns={[
                    { key: 'employee', label: t('kpi.team.employee'), primary: true },
                    { key: 'period', label: t('kpi.waitingPeriod') },
                    { key: 'status', label: t('kpi.team.status') },
                    { key: 'score', label: t('kpi.team.score'), numeric: true },
                  ]}
                  rows={sheets.map((sheet) => ({
                    key: sheet.id,
                    cells: {
                      employee: <Link to={`/kpi/${sheet.id}`}>{sheet.employee.name}</Link>,
                      period: periodLabel(sheet.period),
                      status: <SheetStatusPill status={sheet.status} />,
                      score: sheet.totalScore === null ? '—' : format.decimal(sheet.totalScore),
                    },
                  }))}
                />
              </div>
            )
          }
        </QueryState>
      </Card>
    </Page>
  );
}
