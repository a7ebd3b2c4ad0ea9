import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';

import { Card, Facts } from '../../../components/page';
import { Empty, QueryState } from '../../../components/query-state';
import { FileMedicalDocument } from '../../../gql/graphql';
import { useFormat } from '../../../i18n/format';
import { SectionFrame, type SectionProps } from './section-frame';

/** Medical examinations (MEDICAL): the next one due, then each with its conclusion. */
export function MedicalSection({ employeeId, own }: SectionProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const { data, error, refetch } = useQuery(FileMedicalDocument, {
    variables: { id: employeeId },
  });
  return (
    <QueryState data={data?.employee.medicalExaminations} error={error} retry={refetch}>
      {(section) => (
        <SectionFrame
          sectionKey="medical"
          section="MEDICAL"
          own={own}
          provenance={section.provenance}
        >
          <Card>
            <Facts
              items={[
                [
                  t('file.medical.nextDue'),
                  section.nextDueDate
                    ? format.dateLong(section.nextDueDate)
                    : t('file.medical.notSet'),
                ],
              ]}
            />
          </Card>
          {section.examinations.length === 0 ? (
            <Card>
              <Empty>{t('file.medical.empty')}</Empty>
            </Card>
          ) : (
            section.examinations.map((item) => (
              <Card
                key={item.id}
                headingLevel={3}
                title={`${t(`file.medical.kinds.${item.kind}`)}, ${format.date(item.date)}`}
              >
                <Facts
                  items={[
                    [t('file.medical.result'), t(`file.medical.results.${item.result}`)],
                    [t('file.medical.restrictions'), item.restrictions],
                    [
                      t('file.medical.nextDue'),
                      item.nextDueDate ? format.date(item.nextDueDate) : null,
                    ],
                    [t('file.medical.clinic'), item.clinic],
                    [
                      t('file.medical.document'),
                      item.documentNumber
                        ? t('file.medical.documentValue', { number: item.documentNumber })
                        : null,
                    ],
                  ]}
                />
                {item.document ? (
                  <p>
                    <a href={item.document.url} download={item.document.fileName}>
                      {t('file.medical.download', { name: item.document.fileName })}
                    </a>
                  </p>
                ) : null}
              </Card>
            ))
          )}
        </SectionFrame>
      )}
    </QueryState>
  );
}
