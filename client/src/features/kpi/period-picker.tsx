import { useContext, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';

import { TimeZoneContext, todayIn, useFormat } from '../../i18n/format';
import { parsePeriod, periodCode, periodOrCurrent, shiftPeriod, type Period } from './period';

/** The period a page shows, kept in `?period=` (this month by default), so links and reloads keep it. */
export function usePeriodParam(): [Period, (period: Period) => void] {
  const timeZone = useContext(TimeZoneContext);
  const [params, setParams] = useSearchParams();
  const period = periodOrCurrent(params.get('period'), todayIn(timeZone));
  const setPeriod = (next: Period) => {
    const copy = new URLSearchParams(params);
    copy.set('period', periodCode(next));
    setParams(copy, { replace: true });
  };
  return [period, setPeriod];
}

/** A period in words: "ноябрь 2026 г.", "4 кв. 2026 г.", "2026 год". */
export function usePeriodLabel() {
  const { t } = useTranslation();
  const format = useFormat();
  return (value: Period | string) => {
    const period = typeof value === 'string' ? parsePeriod(value) : value;
    if (!period) return typeof value === 'string' ? value : '';
    if (period.kind === 'MONTH') return format.monthYear(period.year, period.index);
    if (period.kind === 'QUARTER')
      return t('kpi.quarter', { quarter: period.index, year: period.year });
    return t('kpi.yearPeriod', { year: period.year });
  };
}

const capitalize = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1);

/** Month (or quarter) and year selects with previous and next buttons. */
export function PeriodPicker({
  period,
  onChange,
}: {
  period: Period;
  onChange: (period: Period) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const timeZone = useContext(TimeZoneContext);
  const id = useId();
  const thisYear = Number(todayIn(timeZone).slice(0, 4));
  const years = new Set<number>();
  for (let year = thisYear - 5; year <= thisYear + 1; year++) years.add(year);
  years.add(period.year);
  const monthName = new Intl.DateTimeFormat(format.locale, { month: 'long', timeZone: 'UTC' });
  const parts =
    period.kind === 'MONTH'
      ? Array.from({ length: 12 }, (_, index) => ({
          value: index + 1,
          label: capitalize(monthName.format(new Date(Date.UTC(2000, index, 1)))),
        }))
      : period.kind === 'QUARTER'
        ? [1, 2, 3, 4].map((value) => ({ value, label: String(value) }))
        : [];
  return (
    <fieldset className="period-picker">
      <legend className="visually-hidden">{t('kpi.period')}</legend>
      <button
        type="button"
        className="icon-button"
        aria-label={t('kpi.previous')}
        title={t('kpi.previous')}
        onClick={() => onChange(shiftPeriod(period, -1))}
      >
        ‹
      </button>
      {parts.length > 0 ? (
        <label htmlFor={`${id}-part`} className="period-field">
          <span>{period.kind === 'MONTH' ? t('kpi.month') : t('kpi.quarterLabel')}</span>
          <select
            id={`${id}-part`}
            value={period.index}
            onChange={(event) => onChange({ ...period, index: Number(event.target.value) })}
          >
            {parts.map((part) => (
              <option key={part.value} value={part.value}>
                {part.label}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <label htmlFor={`${id}-year`} className="period-field">
        <span>{t('kpi.year')}</span>
        <select
          id={`${id}-year`}
          value={period.year}
          onChange={(event) => onChange({ ...period, year: Number(event.target.value) })}
        >
          {[...years]
            .sort((a, b) => a - b)
            .map((year) => (
              <option key={year} value={year}>
                {year}
              </option>
            ))}
        </select>
      </label>
      <button
        type="button"
        className="icon-button"
        aria-label={t('kpi.next')}
        title={t('kpi.next')}
        onClick={() => onChange(shiftPeriod(period, 1))}
      >
        ›
      </button>
    </fieldset>
  );
}
