import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { DataTable } from '../../components/data-table';
import { Card, Page } from '../../components/page';
import { Empty, QueryState } from '../../components/query-state';
import { TeamIndicatorsDocument } from '../../gql/graphql';
import { useFormat } from '../../i18n/format';
import { periodCode } from './period';
import { PeriodPicker, usePeriodParam } from './period-picker';
import { SheetStatusPill } from './sheet-status';

/** Показатели команды: each subordinate's sheet for a period, those waiting for the manager first. */
export function TeamIndicatorsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const [period, setPeriod] = usePeriodParam();
  const code = periodCode(period);
  const { data, error, refetch } = useQuery(TeamIndicatorsDocument, {
    variables: { period: code },
  });
  return (
    <Page title={t('kpi.teamTitle')} lead={t('kpi.teamLead')}>
      <PeriodPicker period={period} onChange={setPeriod} />
      <Card>
        <QueryState data={data?.teamIndicators} error={error} retry={refetch}>
          {(rows) => {
            if (rows.length === 0) return <Empty>{t('kpi.team.empty')}</Empty>;
            const waiting = rows.filter((row) => row.sheet?.status === 'SUBMITTED');
            const ordered = [...waiting, ...rows.filter((row) => !waiting.includes(row))];
            return (
              <>
                {waiting.length > 0 ? (
                  <p className="notice" data-testid="kpi-team-waiting">
                    {t('kpi.team.waiting', { count: waiting.length })}
                  </p>
                ) : null}
                <div data-testid="kpi-team">
                  <DataTable
                    caption={t('kpi.teamTitle')}
                    captionHidden
                    columns={[
                      { key: 'employee', label: t('kpi.team.employee'), primary: true },
                      { key: 'status', label: t('kpi.team.status') },
                      { key: 'score', label: t('kpi.team.score'), numeric: true },
                    ]}
                    rows={ordered.map((row) => ({
                      key: row.employee.employeeId ?? row.employee.name,
                      className: row.sheet?.status === 'SUBMITTED' ? 'row-current' : undefined,
                      cells: {
                        employee: row.employee.employeeId ? (
                          <Link
                            to={`/kpi/team/${row.employee.employeeId}?period=${code}`}
                            state={{ name: row.employee.name }}
                          >
                            {row.employee.name}
                          </Link>
                        ) : (
                          row.employee.name
                        ),
                        status: row.sheet ? (
                          <SheetStatusPill status={row.sheet.status} />
                        ) : (
                          <span className="muted">{t('kpi.team.noSheet')}</span>
                        ),
                        score: row.sheet?.totalScore ? format.decimal(row.sheet.totalScore) : null,
                      },
                    }))}
                  />
                </div>
              </>
            );
          }}
        </QueryState>
      </Card>
    </Page>
  );
}
