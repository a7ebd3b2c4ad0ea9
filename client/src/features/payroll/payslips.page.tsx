import { useQuery } from '@apollo/client/react';
import { lazy, Suspense, useContext, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { DataTable } from '../../components/data-table';
import { Card, Page } from '../../components/page';
import { Empty, Loading, QueryState } from '../../components/query-state';
import { SalaryDynamicsDocument, type DynamicsGrouping } from '../../gql/graphql';
import { TimeZoneContext, todayIn, useFormat } from '../../i18n/format';
import { PayslipList } from './payslip-list';
import type { ChartPoint } from './salary-chart';

const SalaryChart = lazy(() => import('./salary-chart'));

/** Расчётные листки: the salary chart and every payslip, two clicks from the dashboard. */
export function PayslipsPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('payroll.title')}>
      <SalaryDynamics />
      <h2 className="section-title">{t('payroll.list')}</h2>
      <PayslipList />
    </Page>
  );
}

function SalaryDynamics() {
  const { t } = useTranslation();
  const format = useFormat();
  const timeZone = useContext(TimeZoneContext);
  const [groupBy, setGroupBy] = useState<DynamicsGrouping>('MONTH');
  const [years, setYears] = useState<1 | 3>(1);
  const [asTable, setAsTable] = useState(false);
  const from = useMemo(() => {
    const [year, month] = todayIn(timeZone).split('-').map(Number) as [number, number];
    return `${year - years}-${String(month).padStart(2, '0')}-01`;
  }, [timeZone, years]);
  const { data, error, refetch } = useQuery(SalaryDynamicsDocument, {
    variables: { from: groupBy === 'YEAR' ? null : from, groupBy },
  });

  const label = (start: string) => {
    const [year, month] = start.split('-').map(Number) as [number, number];
    if (groupBy === 'YEAR') return String(year);
    if (groupBy === 'QUARTER') return t('payroll.quarter', { quarter: Math.ceil(month / 3), year });
    return format.monthShort(start);
  };
  const points: ChartPoint[] =
    data?.salaryDynamics.map((bucket) => ({
      label: label(bucket.start),
      gross: Number(bucket.gross),
      net: Number(bucket.net),
      grossText: format.money(bucket.gross),
      netText: format.money(bucket.net),
    })) ?? [];

  return (
    <Card
      title={t('payroll.chartTitle')}
      actions={
        <div className="chart-controls">
          <label>
            <span>{t('payroll.grouping')}</span>
            <select
              value={groupBy}
              onChange={(event) => setGroupBy(event.target.value as DynamicsGrouping)}
            >
              <option value="MONTH">{t('payroll.groupMONTH')}</option>
              <option value="QUARTER">{t('payroll.groupQUARTER')}</option>
              <option value="YEAR">{t('payroll.groupYEAR')}</option>
            </select>
          </label>
          {groupBy !== 'YEAR' ? (
            <label>
              <span>{t('payroll.range')}</span>
              <select
                value={years}
                onChange={(event) => setYears(event.target.value === '3' ? 3 : 1)}
              >
                <option value="1">{t('payroll.range12')}</option>
                <option value="3">{t('payroll.range36')}</option>
              </select>
            </label>
          ) : null}
        </div>
      }
    >
      <QueryState data={data?.salaryDynamics} error={error} retry={refetch}>
        {(buckets) =>
          buckets.length === 0 ? (
            <Empty>{t('payroll.empty')}</Empty>
          ) : (
            <>
              <Suspense fallback={<Loading />}>
                <SalaryChart points={points} />
              </Suspense>
              <button
                type="button"
                className="link-button"
                aria-expanded={asTable}
                onClick={() => setAsTable((v) => !v)}
              >
                {asTable ? t('payroll.hideTable') : t('payroll.showTable')}
              </button>
              {asTable ? (
                <DataTable
                  caption={t('payroll.chartTitle')}
                  captionHidden
                  columns={[
                    { key: 'label', label: t('payroll.month') },
                    { key: 'gross', label: t('payroll.gross'), numeric: true },
                    { key: 'net', label: t('payroll.net'), numeric: true },
                  ]}
                  rows={points.map((point) => ({
                    key: point.label,
                    cells: { label: point.label, gross: point.grossText, net: point.netText },
                  }))}
                />
              ) : null}
            </>
          )
        }
      </QueryState>
    </Card>
  );
}
