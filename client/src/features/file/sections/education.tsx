import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';

import { Card } from '../../../components/page';
import { QueryState } from '../../../components/query-state';
import { FileEducationDocument, type EducationItemFragment } from '../../../gql/graphql';
import { useFormat } from '../../../i18n/format';
import { SectionFrame, type SectionProps } from './section-frame';

const groups = ['basic', 'professionalDevelopment', 'retraining', 'degrees', 'languages'] as const;

export function EducationSection({ employeeId, own }: SectionProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const { data, error, refetch } = useQuery(FileEducationDocument, {
    variables: { id: employeeId },
  });

  const describe = (record: EducationItemFragment) => {
    const period =
      record.startDate && record.endDate
        ? `${format.date(record.startDate)} — ${format.date(record.endDate)}`
        : record.endDate
          ? format.date(record.endDate)
          : record.year
            ? t('file.education.year', { year: record.year })
            : null;
    return [
      record.institution,
      record.specialty ? `${t('file.education.specialty')}: ${record.specialty}` : null,
      record.qualification ? `${t('file.education.qualification')}: ${record.qualification}` : null,
      record.proficiency ? `${t('file.education.proficiency')}: ${record.proficiency}` : null,
      period,
      record.hours ? t('file.education.hours', { count: record.hours }) : null,
      record.documentNumber ? `${t('file.education.document')} № ${record.documentNumber}` : null,
    ].filter(Boolean);
  };

  return (
    <QueryState data={data?.employee.education} error={error} retry={refetch}>
      {(education) => (
        <SectionFrame
          sectionKey="education"
          section="EDUCATION"
          own={own}
          provenance={education.provenance}
        >
          {education.lastCourseEnd ? (
            <p className="muted">
              {t('file.education.lastCourseEnd', {
                date: format.dateLong(education.lastCourseEnd),
              })}
            </p>
          ) : null}
          {groups
            .filter((group) => education[group].length > 0)
            .map((group) => (
              <Card key={group} title={t(`file.education.${group}`)}>
                <ul className="record-list">
                  {education[group].map((record) => (
                    <li key={record.id}>
                      <strong>
                        {record.program ?? record.level ?? record.specialty ?? record.institution}
                      </strong>
                      {describe(record).map((line, index) => (
                        <span key={index} className="muted block">
                          {line}
                        </span>
                      ))}
                    </li>
                  ))}
                </ul>
              </Card>
            ))}
        </SectionFrame>
      )}
    </QueryState>
  );
}
