import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';

import { Card, Facts } from '../../../components/page';
import { Empty, QueryState } from '../../../components/query-state';
import { FileTripsDocument } from '../../../gql/graphql';
import { useFormat } from '../../../i18n/format';
import { SectionFrame, type SectionProps } from './section-frame';

export function TripsSection({ employeeId, own }: SectionProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const { data, error, refetch } = useQuery(FileTripsDocument, { variables: { id: employeeId } });
  return (
    <QueryState data={data?.employee.trips} error={error} retry={refetch}>
      {(section) => (
        <SectionFrame sectionKey="trips" section="TRIPS" own={own} provenance={section.provenance}>
          {section.trips.length === 0 ? (
            <Card>
              <Empty>{t('file.trips.empty')}</Empty>
            </Card>
          ) : (
            section.trips.map((trip) => (
              <Card
                key={trip.id}
                headingLevel={3}
                title={trip.destination}
                actions={<span className="pill">{t(`file.trips.status.${trip.status}`)}</span>}
              >
                <Facts
                  items={[
                    [
                      t('file.trips.dates'),
                      `${format.date(trip.startDate)} — ${format.date(trip.endDate)}`,
                    ],
                    [t('file.trips.purpose'), trip.purpose],
                    [t('file.trips.host'), trip.hostOrganization],
                    [
                      t('file.trips.order'),
                      trip.orderNumber
                        ? trip.orderDate
                          ? t('file.employment.orderValue', {
                              number: trip.orderNumber,
                              date: format.date(trip.orderDate),
                            })
                          : t('file.employment.orderNumberOnly', { number: trip.orderNumber })
                        : null,
                    ],
                    [t('file.trips.funding'), trip.fundingSource],
                    [
                      t('file.trips.advance'),
                      trip.advanceAmount ? format.money(trip.advanceAmount) : null,
                    ],
                    [
                      t('file.trips.report'),
                      trip.reportAmount ? format.money(trip.reportAmount) : null,
                    ],
                  ]}
                />
              </Card>
            ))
          )}
        </SectionFrame>
      )}
    </QueryState>
  );
}
