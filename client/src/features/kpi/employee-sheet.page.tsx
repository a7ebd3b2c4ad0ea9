import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';

import { Card, Page } from '../../components/page';
import { Empty, QueryState } from '../../components/query-state';
import { EvaluationSheetDocument } from '../../gql/graphql';
import { IndicatorHistory } from './indicator-history';
import { periodCode } from './period';
import { PeriodPicker, usePeriodLabel, usePeriodParam } from './period-picker';
import { PlanEditor } from './plan-editor';
import { SheetView } from './sheet-view';

/**
 * A subordinate's sheet (for their manager) or anyone's (for HR): facts, agreement or approval,
 * and, while it is a draft, its plan.
 */
export function EmployeeSheetPage({ scope }: { scope: 'team' | 'employees' }) {
  const { t } = useTranslation();
  const { employeeId = '' } = useParams();
  const location = useLocation();
  const [period, setPeriod] = usePeriodParam();
  const periodLabel = usePeriodLabel();
  const code = periodCode(period);
  const [planning, setPlanning] = useState(false);
  const { data, error, refetch } = useQuery(EvaluationSheetDocument, {
    variables: { employeeId, period: code },
  });
  const sheet = data?.evaluationSheet;
  const passedName = (location.state as { name?: unknown } | null)?.name;
  const name = sheet?.employee.name ?? (typeof passedName === 'string' ? passedName : null);
  const back =
    scope === 'team'
      ? { to: `/kpi/team?period=${code}`, label: t('kpi.backToTeam') }
      : { to: `/employees/${employeeId}`, label: t('kpi.backToFile') };
  const plannable = !sheet || sheet.status === 'DRAFT';

  return (
    <Page
      title={name ? t('kpi.sheetOf', { name }) : t('kpi.sheetTitle')}
      actions={<Link to={back.to}>{back.label}</Link>}
    >
      <PeriodPicker
        period={period}
        onChange={(next) => {
          setPlanning(false);
          setPeriod(next);
        }}
      />
      <QueryState data={data} error={error} retry={refetch}>
        {({ evaluationSheet: sheet }) => (
          <>
            {plannable ? (
              <Card
                title={t('kpi.plans.title')}
                actions={
                  <button
                    type="button"
                    className="button button-secondary"
                    aria-expanded={planning}
                    onClick={() => setPlanning((open) => !open)}
                  >
                    {planning ? t('app.cancel') : sheet ? t('kpi.plans.edit') : t('kpi.plans.set')}
                  </button>
                }
              >
                {planning ? (
                  <PlanEditor
                    employeeId={employeeId}
                    period={period}
                    sheet={sheet ?? null}
                    onSaved={() => setPlanning(false)}
                  />
                ) : !sheet ? (
                  <Empty>{t('kpi.noSheetManager', { period: periodLabel(period) })}</Empty>
                ) : (
                  <p className="muted">{t('kpi.plans.lead')}</p>
                )}
              </Card>
            ) : null}
            {sheet ? (
              <>
                <SheetView sheet={sheet} own={false} />
                <IndicatorHistory sheet={sheet} employeeId={employeeId} />
              </>
            ) : null}
          </>
        )}
      </QueryState>
    </Page>
  );
}
