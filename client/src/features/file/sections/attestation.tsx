import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';

import { Card, Facts } from '../../../components/page';
import { Empty, QueryState } from '../../../components/query-state';
import { FileAttestationDocument } from '../../../gql/graphql';
import { useFormat } from '../../../i18n/format';
import { SectionFrame, type SectionProps } from './section-frame';

export function AttestationSection({ employeeId, own }: SectionProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const { data, error, refetch } = useQuery(FileAttestationDocument, {
    variables: { id: employeeId },
  });
  return (
    <QueryState data={data?.employee.attestation} error={error} retry={refetch}>
      {(section) => (
        <SectionFrame
          sectionKey="attestation"
          section="ATTESTATION"
          own={own}
          provenance={section.provenance}
        >
          <Card>
            <Facts
              items={[
                [
                  t('file.attestation.nextDue'),
                  section.nextDueDate
                    ? format.dateLong(section.nextDueDate)
                    : t('file.attestation.notSet'),
                ],
              ]}
            />
          </Card>
          {section.attestations.length === 0 ? (
            <Card>
              <Empty>{t('file.attestation.empty')}</Empty>
            </Card>
          ) : (
            section.attestations.map((item) => (
              <Card
                key={item.id}
                headingLevel={3}
                title={`${t(`file.attestation.kinds.${item.kind}`)} ${t(`file.attestation.purposes.${item.purpose}`)}, ${format.date(item.date)}`}
              >
                <Facts
                  items={[
                    [
                      t('file.attestation.decision'),
                      t(`file.attestation.decisions.${item.decision}`),
                    ],
                    [t('file.attestation.category'), item.category],
                    [
                      t('file.attestation.validUntil'),
                      item.validUntil ? format.date(item.validUntil) : null,
                    ],
                    [t('file.attestation.commission'), item.commission],
                    [
                      t('file.attestation.protocol'),
                      item.protocolNumber
                        ? t('file.attestation.protocolValue', { number: item.protocolNumber })
                        : null,
                    ],
                    [
                      t('file.attestation.order'),
                      item.orderNumber
                        ? item.orderDate
                          ? t('file.employment.orderValue', {
                              number: item.orderNumber,
                              date: format.date(item.orderDate),
                            })
                          : t('file.employment.orderNumberOnly', { number: item.orderNumber })
                        : null,
                    ],
                    [t('file.attestation.recommendations'), item.recommendations],
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
