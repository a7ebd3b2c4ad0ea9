import { useQuery } from '@apollo/client/react';
import { lazy, Suspense, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { DataTable } from '../../components/data-table';
import { Card } from '../../components/page';
import { Empty, Loading, QueryState } from '../../components/query-state';
import { IndicatorHistoryDocument } from '../../gql/graphql';
import { useFormat } from '../../i18n/format';
import type { IndicatorPoint } from './indicator-chart';
import { parsePeriod, periodCode, shiftPeriod } from './period';
import { usePeriodLabel } from './period-picker';
import type { Sheet } from './use-sheet';

const IndicatorChart = lazy(() => import('./indicator-chart'));

/** How far back the chart looks: the sheet's period and the eleven before it. */
const SPAN = 12;

/** One indicator of the sheet, plan against fact over the last twelve periods, with a table view. */
export function IndicatorHistory({ sheet, employeeId }: { sheet: Sheet; employeeId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const periodLabel = usePeriodLabel();
  const selectId = useId();
  const [chosen, setChosen] = useState(sheet.values[0]?.indicator.id ?? '');
  const [asTable, setAsTable] = useState(false);
  const value =
    sheet.values.find((item) => item.indicator.id === chosen) ?? sheet.values[0] ?? null;
  const period = parsePeriod(sheet.period);
  const from = period ? periodCode(shiftPeriod(period, 1 - SPAN)) : sheet.period;
  const { data, error, refetch } = useQuery(IndicatorHistoryDocument, {
    variables: { employeeId, indicatorId: value?.indicator.id ?? '', from, to: sheet.period },
    skip: !value,
  });
  if (!value) return null;
  const points: IndicatorPoint[] =
    data?.indicatorHistory.map((point) => ({
      label: period?.kind === 'MONTH' ? format.monthShort(point.periodStart) : point.period,
      plan: Number(point.plan),
      fact: point.fact === null || point.fact === undefined ? null : Number(point.fact),
      planText: format.decimal(point.plan),
      factText: format.decimal(point.fact),
    })) ?? [];

  return (
    <Card
      title={t('kpi.chartTitle')}
      actions={
        <div className="chart-controls">
          <label htmlFor={selectId}>
            <span>{t('kpi.chartIndicator')}</span>
            <select
              id={selectId}
              className="indicator-select"
              value={value.indicator.id}
              onChange={(event) => setChosen(event.target.value)}
            >
              {sheet.values.map((item) => (
                <option key={item.indicator.id} value={item.indicator.id}>
                  {item.indicator.name}
                </option>
              ))}
            </select>
          </label>
        </div>
      }
    >
      <p className="muted small">
        {period?.kind === 'MONTH' ? t('kpi.chartLead') : t('kpi.chartLeadPeriods')} ·{' '}
        {value.indicator.unit}
      </p>
      <QueryState data={data?.indicatorHistory} error={error} retry={refetch}>
        {(history) =>
          history.length === 0 ? (
            <Empty>{t('kpi.chartEmpty')}</Empty>
          ) : (
            <>
              <Suspense fallback={<Loading />}>
                <IndicatorChart points={points} unit={value.indicator.unit} />
              </Suspense>
              <button
                type="button"
                className="link-button"
                aria-expanded={asTable}
                onClick={() => setAsTable((shown) => !shown)}
              >
                {asTable ? t('kpi.hideTable') : t('kpi.showTable')}
              </button>
              {asTable ? (
                <DataTable
                  caption={`${t('kpi.chartTitle')}: ${value.indicator.name}`}
                  captionHidden
                  columns={[
                    { key: 'period', label: t('kpi.period') },
                    { key: 'plan', label: t('kpi.column.plan'), numeric: true },
                    { key: 'fact', label: t('kpi.column.fact'), numeric: true },
                    { key: 'achievement', label: t('kpi.column.achievement'), numeric: true },
                    { key: 'points', label: t('kpi.column.points'), numeric: true },
                  ]}
                  rows={history.map((point) => ({
                    key: point.period,
                    cells: {
                      period: periodLabel(point.period),
                      plan: format.decimal(point.plan),
                      fact: format.decimal(point.fact),
                      achievement: point.achievement
                        ? `${format.decimal(point.achievement)} %`
                        : null,
                      points: format.decimal(point.points),
                    },
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
