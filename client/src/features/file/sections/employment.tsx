import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';

import { DataTable } from '../../../components/data-table';
import { Card } from '../../../components/page';
import { Empty, QueryState } from '../../../components/query-state';
import { FileEmploymentDocument } from '../../../gql/graphql';
import { useFormat } from '../../../i18n/format';
import { SectionFrame, type SectionProps } from './section-frame';

export function EmploymentSection({ employeeId, own }: SectionProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const { data, error, refetch } = useQuery(FileEmploymentDocument, {
    variables: { id: employeeId },
  });
  const period = (start: string, end?: string | null) =>
    `${format.date(start)} — ${end ? format.date(end) : t('file.employment.untilNow')}`;
  return (
    <QueryState data={data?.employee.employment} error={error} retry={refetch}>
      {(employment) => (
        <SectionFrame
          sectionKey="employment"
          section="EMPLOYMENT"
          own={own}
          provenance={employment.provenance}
        >
          <Card title={t('file.employment.history')}>
            {employment.assignments.length === 0 ? (
              <Empty>{t('file.employment.empty')}</Empty>
            ) : (
              <DataTable
                caption={t('file.employment.history')}
                captionHidden
                columns={[
                  { key: 'kind', label: t('file.leave.kind'), primary: true },
                  { key: 'post', label: t('file.position') },
                  { key: 'period', label: t('file.employment.period') },
                  { key: 'rate', label: t('file.employment.rate'), numeric: true },
                  { key: 'order', label: t('file.employment.order') },
                ]}
                rows={[...employment.assignments].reverse().map((assignment) => ({
                  key: assignment.id,
                  className: assignment.id === employment.current?.id ? 'row-current' : undefined,
                  cells: {
                    kind: (
                      <>
                        {t(`file.employment.kind.${assignment.kind}`)}
                        {assignment.id === employment.current?.id ? (
                          <span className="pill pill-accent">{t('file.employment.current')}</span>
                        ) : null}
                      </>
                    ),
                    post: (
                      <>
                        {assignment.position?.name ?? '—'}
                        {assignment.department ? (
                          <span className="muted block">{assignment.department.name}</span>
                        ) : null}
                      </>
                    ),
                    period: period(assignment.startDate, assignment.endDate),
                    rate: assignment.rate,
                    order: assignment.orderNumber
                      ? assignment.orderDate
                        ? t('file.employment.orderValue', {
                            number: assignment.orderNumber,
                            date: format.date(assignment.orderDate),
                          })
                        : t('file.employment.orderNumberOnly', { number: assignment.orderNumber })
                      : '—',
                  },
                }))}
              />
            )}
          </Card>
          <Card title={t('file.employment.previous')}>
            {employment.previousEmployment.length === 0 ? (
              <Empty>{t('file.employment.noPrevious')}</Empty>
            ) : (
              <DataTable
                caption={t('file.employment.previous')}
                captionHidden
                columns={[
                  { key: 'employer', label: t('file.employment.employer') },
                  { key: 'position', label: t('file.position') },
                  { key: 'period', label: t('file.employment.period') },
                ]}
                rows={employment.previousEmployment.map((job) => ({
                  key: job.id,
                  cells: {
                    employer: job.employer,
                    position: job.position,
                    period: period(job.startDate, job.endDate),
                  },
                }))}
              />
            )}
          </Card>
        </SectionFrame>
      )}
    </QueryState>
  );
}
