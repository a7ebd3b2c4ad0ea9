import { useQuery } from '@apollo/client/react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { errorField } from '../../components/errors';
import { ErrorNotice, Empty, QueryState } from '../../components/query-state';
import { IndicatorCatalogueDocument, type KpiIndicatorFragment } from '../../gql/graphql';
import { useFormat } from '../../i18n/format';
import { normalizeDecimal, periodCode, sumDecimals, toScaled, type Period } from './period';
import { useKpiError, useSetPlans, type Sheet } from './use-sheet';

interface Row {
  on: boolean;
  plan: string;
  weight: string;
}

/** The manager's (or HR's) plan of a sheet: indicators from the catalogue, plans and weights. */
export function PlanEditor({
  employeeId,
  period,
  sheet,
  onSaved,
}: {
  employeeId: string;
  period: Period;
  sheet: Sheet | null;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const { data, error, refetch } = useQuery(IndicatorCatalogueDocument);
  return (
    <QueryState data={data?.indicators} error={error} retry={refetch}>
      {(catalogue) => {
        const indicators = catalogue.filter((indicator) => indicator.periodKind === period.kind);
        // Indicators on the sheet that left the catalogue since stay listed, to keep or drop.
        for (const value of sheet?.values ?? [])
          if (!indicators.some((indicator) => indicator.id === value.indicator.id))
            indicators.push(value.indicator);
        return indicators.length === 0 ? (
          <Empty>{t('kpi.plans.catalogueEmpty')}</Empty>
        ) : (
          <PlanForm
            indicators={indicators}
            employeeId={employeeId}
            period={period}
            sheet={sheet}
            onSaved={onSaved}
          />
        );
      }}
    </QueryState>
  );
}

function PlanForm({
  indicators,
  employeeId,
  period,
  sheet,
  onSaved,
}: {
  indicators: KpiIndicatorFragment[];
  employeeId: string;
  period: Period;
  sheet: Sheet | null;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const id = useId();
  const [rows, setRows] = useState<Record<string, Row>>(() =>
    Object.fromEntries(
      indicators.map((indicator) => {
        const value = sheet?.values.find((item) => item.indicator.id === indicator.id);
        return [
          indicator.id,
          {
            on: sheet ? Boolean(value) : true,
            plan: value?.plan ?? '',
            weight: value?.weight ?? indicator.defaultWeight,
          },
        ];
      }),
    ),
  );
  const [invalid, setInvalid] = useState<Record<string, 'plan' | 'weight'>>({});
  const [noneChosen, setNoneChosen] = useState(false);
  const [save, { loading, error }] = useSetPlans();
  const kpiError = useKpiError();
  const chosen = indicators.filter((indicator) => rows[indicator.id]?.on);
  const total = sumDecimals(chosen.map((indicator) => rows[indicator.id]?.weight ?? ''));
  const complete = total !== null && toScaled(total) === toScaled('100');
  const update = (indicatorId: string, change: Partial<Row>) =>
    setRows((current) => ({
      ...current,
      [indicatorId]: {
        ...(current[indicatorId] ?? { on: false, plan: '', weight: '' }),
        ...change,
      },
    }));

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const bad: Record<string, 'plan' | 'weight'> = {};
    const plans = chosen.map((indicator) => {
      const row = rows[indicator.id]!;
      const plan = normalizeDecimal(row.plan);
      const weight = normalizeDecimal(row.weight);
      if (plan === null || toScaled(plan) === 0n) bad[indicator.id] = 'plan';
      else if (weight === null) bad[indicator.id] = 'weight';
      return { indicatorId: indicator.id, plan: plan ?? '', weight: weight ?? '' };
    });
    setInvalid(bad);
    setNoneChosen(chosen.length === 0);
    if (chosen.length === 0 || Object.keys(bad).length > 0) return;
    try {
      await save({ variables: { employeeId, period: periodCode(period), plans } });
      onSaved();
    } catch (failure) {
      // A plan outside the indicator's bounds comes back with the row's path: plans.<n>.plan.
      const match = /^plans\.(\d+)\.(plan|weight)$/.exec(errorField(failure) ?? '');
      const row = match ? chosen[Number(match[1])] : undefined;
      if (match && row) setInvalid({ [row.id]: match[2] as 'plan' | 'weight' });
    }
  };

  const bounds = (indicator: KpiIndicatorFragment) =>
    indicator.planMin || indicator.planMax
      ? t('kpi.plans.bounds', {
          bounds: `${indicator.planMin ? format.decimal(indicator.planMin) : '…'}–${
            indicator.planMax ? format.decimal(indicator.planMax) : '…'
          }`,
        })
      : null;

  return (
    <form onSubmit={(event) => void submit(event)} noValidate data-testid="kpi-plan">
      <p className="muted">{t('kpi.plans.lead')}</p>
      {indicators.map((indicator) => {
        const row = rows[indicator.id] ?? { on: false, plan: '', weight: '' };
        const fieldId = `${id}-${indicator.id}`;
        const wrong = invalid[indicator.id];
        const hint = bounds(indicator);
        return (
          <fieldset key={indicator.id} className={`plan-row ${row.on ? '' : 'plan-row-off'}`}>
            <legend className="visually-hidden">{indicator.name}</legend>
            <label className="check" htmlFor={`${fieldId}-on`}>
              <input
                id={`${fieldId}-on`}
                type="checkbox"
                checked={row.on}
                onChange={(event) => update(indicator.id, { on: event.target.checked })}
              />
              <span>
                {indicator.name} <span className="muted small">({indicator.unit})</span>
              </span>
            </label>
            {row.on ? (
              <div className="plan-inputs">
                <div className="field">
                  <label htmlFor={`${fieldId}-plan`}>{t('kpi.column.plan')}</label>
                  <input
                    id={`${fieldId}-plan`}
                    inputMode="decimal"
                    autoComplete="off"
                    value={row.plan}
                    aria-invalid={wrong === 'plan' || undefined}
                    aria-describedby={
                      [hint ? `${fieldId}-hint` : '', wrong === 'plan' ? `${fieldId}-error` : '']
                        .filter(Boolean)
                        .join(' ') || undefined
                    }
                    onChange={(event) => update(indicator.id, { plan: event.target.value })}
                  />
                  {hint ? (
                    <p className="hint" id={`${fieldId}-hint`}>
                      {hint}
                    </p>
                  ) : null}
                  {wrong === 'plan' ? (
                    <p className="field-error" id={`${fieldId}-error`}>
                      {t('kpi.plans.planInvalid')}
                    </p>
                  ) : null}
                </div>
                <div className="field">
                  <label htmlFor={`${fieldId}-weight`}>{t('kpi.column.weight')}</label>
                  <input
                    id={`${fieldId}-weight`}
                    inputMode="decimal"
                    autoComplete="off"
                    value={row.weight}
                    aria-invalid={wrong === 'weight' || undefined}
                    aria-describedby={wrong === 'weight' ? `${fieldId}-werror` : undefined}
                    onChange={(event) => update(indicator.id, { weight: event.target.value })}
                  />
                  {wrong === 'weight' ? (
                    <p className="field-error" id={`${fieldId}-werror`}>
                      {t('kpi.plans.weightInvalid')}
                    </p>
                  ) : null}
                </div>
              </div>
            ) : null}
          </fieldset>
        );
      })}
      <p
        className={`weights-total ${complete ? 'weights-ok' : 'weights-off'}`}
        role="status"
        data-testid="kpi-weights-total"
      >
        {complete
          ? t('kpi.plans.totalOk')
          : t('kpi.plans.totalOff', { total: total === null ? '—' : format.decimal(total) })}
      </p>
      {noneChosen ? (
        <p className="field-error" role="alert">
          {t('kpi.plans.noneChosen')}
        </p>
      ) : null}
      {error ? <ErrorNotice error={error} describe={kpiError} /> : null}
      <button type="submit" className="button button-primary" disabled={loading}>
        {loading ? t('kpi.saving') : t('kpi.plans.save')}
      </button>
    </form>
  );
}
