import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';

import { Card } from '../../../components/page';
import { QueryState } from '../../../components/query-state';
import { FileSeniorityDocument } from '../../../gql/graphql';
import { useFormat } from '../../../i18n/format';
import { SectionFrame, type SectionProps } from './section-frame';

export function SenioritySection({ employeeId, own }: SectionProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const { data, error, refetch } = useQuery(FileSeniorityDocument, {
    variables: { id: employeeId },
  });
  const duration = (years: number, months: number, days: number) =>
    [
      years ? t('units.years', { count: years }) : '',
      months ? t('units.months', { count: months }) : '',
      days || (!years && !months) ? t('units.days', { count: days }) : '',
    ]
      .filter(Boolean)
      .join(' ');
  return (
    <QueryState data={data?.employee.seniority} error={error} retry={refetch}>
      {(seniority) => (
        <SectionFrame
          sectionKey="seniority"
          section="SENIORITY"
          own={own}
          provenance={seniority.provenance}
        >
          <p className="muted">
            {t('file.seniority.asOf', { date: format.dateLong(seniority.asOf) })}
          </p>
          <div className="tiles">
            {seniority.kinds.map((kind) => (
              <Card key={kind.kind} headingLevel={3} title={t(`file.seniority.kinds.${kind.kind}`)}>
                <p className="figure">
                  {kind.totalDays > 0
                    ? duration(kind.years, kind.months, kind.days)
                    : t('file.seniority.none')}
                </p>
                {kind.next ? (
                  <p className="muted small">
                    {t('file.seniority.nextLabel')}:{' '}
                    {t('file.seniority.next', {
                      years: t('units.years', { count: kind.next.years }),
                      date: format.date(kind.next.date),
                    })}
                  </p>
                ) : null}
                {kind.sickPayPercent ? (
                  <p className="small">
                    {t('file.seniority.sickPay', { percent: kind.sickPayPercent })}
                  </p>
                ) : null}
              </Card>
            ))}
          </div>
        </SectionFrame>
      )}
    </QueryState>
  );
}
