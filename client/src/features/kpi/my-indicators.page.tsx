import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';

import { useMe } from '../../app/session';
import { Card, Page } from '../../components/page';
import { Empty, QueryState } from '../../components/query-state';
import { MyIndicatorsDocument } from '../../gql/graphql';
import { IndicatorHistory } from './indicator-history';
import { periodCode } from './period';
import { PeriodPicker, usePeriodLabel, usePeriodParam } from './period-picker';
import { SheetView } from './sheet-view';

/** Мои показатели: the viewer's evaluation sheet for a period, facts to enter, steps, the chart. */
export function MyIndicatorsPage() {
  const { t } = useTranslation();
  const { employeeId } = useMe();
  const [period, setPeriod] = usePeriodParam();
  const periodLabel = usePeriodLabel();
  const { data, error, refetch } = useQuery(MyIndicatorsDocument, {
    variables: { period: periodCode(period) },
  });
  return (
    <Page title={t('kpi.title')} lead={t('kpi.lead')}>
      <PeriodPicker period={period} onChange={setPeriod} />
      <QueryState data={data} error={error} retry={refetch}>
        {({ myIndicators: sheet }) =>
          sheet ? (
            <>
              <SheetView sheet={sheet} own />
              {employeeId ? <IndicatorHistory sheet={sheet} employeeId={employeeId} /> : null}
            </>
          ) : (
            <Card>
              <Empty>{t('kpi.noSheet', { period: periodLabel(period) })}</Empty>
            </Card>
          )
        }
      </QueryState>
    </Page>
  );
}
