import { useQuery } from '@apollo/client/react';
import { useContext } from 'react';
import { useTranslation } from 'react-i18next';

import { DataTable } from '../../../components/data-table';
import { Card, Facts } from '../../../components/page';
import { Empty, QueryState } from '../../../components/query-state';
import { FileLeaveDocument } from '../../../gql/graphql';
import { TimeZoneContext, todayIn, useFormat } from '../../../i18n/format';
import { SectionFrame, type SectionProps } from './section-frame';

export function LeaveSection({ employeeId, own }: SectionProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const timeZone = useContext(TimeZoneContext);
  const { data, error, refetch } = useQuery(FileLeaveDocument, { variables: { id: employeeId } });
  return (
    <QueryState data={data?.employee.leave} error={error} retry={refetch}>
      {(leave) => {
        const today = todayIn(timeZone);
        const current =
          leave.balance.find((year) => year.start <= today && today <= year.end) ??
          leave.balance.at(-1);
        const earlier = leave.balance.filter(
          (year) => current && year.index < current.index && Number(year.remaining.total) > 0,
        );
        const days = (count: number) => t('units.days', { count });
        // Leave figures are decimal strings, fractional where pro rata ("46.67").
        const leaveDays = (value: string | number) =>
          t('units.leaveDays', { count: Number(value), value: format.decimal(String(value)) });
        const sum = (a: string, b: string) => Number(a) + Number(b);
        return (
          <SectionFrame sectionKey="leave" section="LEAVE" own={own} provenance={leave.provenance}>
            <Card title={t('file.leave.balanceTitle')}>
              {current ? (
                <>
                  <p className="muted">
                    {t('file.leave.currentYear', {
                      start: format.date(current.start),
                      end: format.date(current.end),
                    })}
                  </p>
                  <div className="stats">
                    <div className="stat">
                      <span className="stat-label">{t('file.leave.remaining')}</span>
                      <span className="stat-value">{leaveDays(leave.remainingToday)}</span>
                    </div>
                    {leave.remainingAfterPlanned !== leave.remainingToday ? (
                      <div className="stat">
                        <span className="stat-label">{t('file.leave.afterPlanned')}</span>
                        <span className="stat-value">{leaveDays(leave.remainingAfterPlanned)}</span>
                      </div>
                    ) : null}
                    {leave.compensationDays !== null && leave.compensationDays !== undefined ? (
                      <div className="stat" title={t('file.leave.compensationHint')}>
                        <span className="stat-label">{t('file.leave.compensation')}</span>
                        <span className="stat-value">{leaveDays(leave.compensationDays)}</span>
                      </div>
                    ) : null}
                    <div className="stat">
                      <span className="stat-label">{t('file.leave.entitled')}</span>
                      <span className="stat-value">
                        {leaveDays(sum(current.entitled.basic, current.entitled.additional))}
                      </span>
                    </div>
                    <div className="stat">
                      <span className="stat-label">{t('file.leave.used')}</span>
                      <span className="stat-value">
                        {leaveDays(sum(current.used.basic, current.used.additional))}
                      </span>
                    </div>
                  </div>
                  <Facts
                    items={[
                      [
                        t('file.leave.nextLeave'),
                        leave.nextLeaveStart
                          ? format.dateLong(leave.nextLeaveStart)
                          : t('dashboard.noNextLeave'),
                      ],
                    ]}
                  />
                </>
              ) : (
                <Empty>{t('file.leave.noRecords')}</Empty>
              )}
              {earlier.length > 0 ? (
                <details className="details">
                  <summary>{t('file.leave.earlierYears')}</summary>
                  <DataTable
                    caption={t('file.leave.earlierYears')}
                    captionHidden
                    columns={[
                      { key: 'year', label: t('file.leave.workingYear') },
                      { key: 'entitled', label: t('file.leave.entitled'), numeric: true },
                      { key: 'used', label: t('file.leave.used'), numeric: true },
                      { key: 'remaining', label: t('file.leave.remaining'), numeric: true },
                    ]}
                    rows={[...earlier].reverse().map((year) => ({
                      key: String(year.index),
                      cells: {
                        year: `${format.date(year.start)} — ${format.date(year.end)}`,
                        entitled: format.decimal(
                          String(sum(year.entitled.basic, year.entitled.additional)),
                        ),
                        used: format.decimal(String(sum(year.used.basic, year.used.additional))),
                        remaining: format.decimal(year.remaining.total),
                      },
                    }))}
                  />
                </details>
              ) : null}
            </Card>
            <Card title={t('file.leave.schedule')}>
              {leave.schedule.length === 0 ? (
                <Empty>{t('file.leave.noSchedule')}</Empty>
              ) : (
                <ul className="plain-list">
                  {leave.schedule.map((entry) => (
                    <li key={`${entry.startDate}-${entry.endDate}`}>
                      {format.date(entry.startDate)} — {format.date(entry.endDate)},{' '}
                      {days(entry.days)}
                    </li>
                  ))}
                </ul>
              )}
            </Card>
            <Card title={t('file.leave.records')}>
              {leave.records.length === 0 ? (
                <Empty>{t('file.leave.noRecords')}</Empty>
              ) : (
                <DataTable
                  caption={t('file.leave.records')}
                  captionHidden
                  columns={[
                    { key: 'kind', label: t('file.leave.kind'), primary: true },
                    { key: 'dates', label: t('file.leave.dates') },
                    { key: 'days', label: t('file.leave.days'), numeric: true },
                    { key: 'order', label: t('file.employment.order') },
                  ]}
                  rows={[...leave.records].reverse().map((record) => ({
                    key: record.id,
                    cells: {
                      kind: t(`file.leave.kinds.${record.kind}`),
                      dates: `${format.date(record.startDate)} — ${format.date(record.endDate)}`,
                      days: record.days,
                      order: record.sickNoteNumber
                        ? t('file.leave.sickNote', { number: record.sickNoteNumber })
                        : record.orderNumber
                          ? record.orderDate
                            ? t('file.employment.orderValue', {
                                number: record.orderNumber,
                                date: format.date(record.orderDate),
                              })
                            : t('file.employment.orderNumberOnly', { number: record.orderNumber })
                          : '—',
                    },
                  }))}
                />
              )}
            </Card>
          </SectionFrame>
        );
      }}
    </QueryState>
  );
}
