import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { Card, Facts } from '../../../components/page';
import { Empty, ErrorNotice, QueryState } from '../../../components/query-state';
import { FileIdentifiersRevealedDocument, FilePersonalDocument } from '../../../gql/graphql';
import { useFormat } from '../../../i18n/format';
import { SectionFrame, type SectionProps } from './section-frame';

export function PersonalSection({
  employeeId,
  own,
  canReveal,
}: SectionProps & { canReveal: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { data, error, refetch } = useQuery(FilePersonalDocument, {
    variables: { id: employeeId },
  });
  const [reveal, setReveal] = useState(false);
  const revealed = useQuery(FileIdentifiersRevealedDocument, {
    variables: { id: employeeId },
    skip: !reveal,
    fetchPolicy: 'network-only',
  });
  return (
    <QueryState data={data?.employee} error={error} retry={refetch}>
      {(employee) => {
        const data = employee.personalData;
        const shown = reveal ? revealed.data?.employee : undefined;
        const doc = data.identityDocument;
        const series = shown?.personalData.identityDocument?.series ?? doc?.series;
        const number = shown?.personalData.identityDocument?.number ?? doc?.number;
        return (
          <SectionFrame
            sectionKey="personal"
            section="PERSONAL"
            own={own}
            provenance={data.provenance}
          >
            <Card>
              <Facts
                items={[
                  [t('file.personal.fullName'), employee.fullName],
                  [t('file.personal.birthDate'), format.dateLong(employee.birthDate)],
                  [t('file.personal.birthPlace'), data.birthPlace],
                  [
                    t('file.personal.gender'),
                    employee.gender ? t(`file.personal.gender${employee.gender}`) : null,
                  ],
                  [t('file.personal.citizenship'), data.citizenship],
                  [t('file.personal.maritalStatus'), data.maritalStatus],
                  [t('file.personal.militaryCategory'), data.militaryCategory],
                  [t('file.personal.formerNames'), data.formerNames.join(', ')],
                ]}
              />
            </Card>
            <Card
              title={t('file.personal.identity')}
              actions={
                canReveal ? (
                  <button
                    type="button"
                    className="button button-secondary"
                    aria-pressed={reveal}
                    onClick={() => setReveal((value) => !value)}
                  >
                    {reveal ? t('file.personal.hide') : t('file.personal.reveal')}
                  </button>
                ) : null
              }
            >
              {canReveal && !reveal ? (
                <p className="muted small">{t('file.personal.revealHint')}</p>
              ) : null}
              {revealed.error ? (
                <ErrorNotice error={revealed.error} onRetry={() => revealed.refetch()} />
              ) : null}
              <Facts
                items={[
                  [
                    t('file.personal.snils'),
                    <span className="mono">{shown?.snils ?? employee.snils}</span>,
                  ],
                  [
                    t('file.personal.inn'),
                    <span className="mono">{shown?.inn ?? employee.inn}</span>,
                  ],
                  [t('file.personal.document'), doc?.kind],
                  [
                    t('file.personal.documentNumber'),
                    doc ? <span className="mono">{`${series} ${number}`}</span> : null,
                  ],
                  [
                    t('file.personal.issued'),
                    doc
                      ? t('file.personal.issuedOn', {
                          issuedBy: doc.issuedBy,
                          date: format.date(doc.issueDate),
                        })
                      : null,
                  ],
                  [t('file.personal.divisionCode'), doc?.divisionCode],
                ]}
              />
            </Card>
            <Card title={t('file.personal.contacts')}>
              <Facts
                items={[
                  [t('file.personal.mobilePhone'), employee.mobilePhone],
                  [t('file.workPhone'), employee.workPhone],
                  [t('file.email'), employee.email],
                  [t('file.personal.registrationAddress'), data.registrationAddress],
                  [t('file.personal.residenceAddress'), data.residenceAddress],
                ]}
              />
            </Card>
            <Card title={t('file.personal.family')}>
              {data.familyMembers.length === 0 ? (
                <Empty>{t('file.personal.noFamily')}</Empty>
              ) : (
                <ul className="plain-list">
                  {data.familyMembers.map((member) => (
                    <li key={member.id}>
                      <strong>{member.fullName}</strong>
                      <span className="muted">
                        {' '}
                        — {member.relation}
                        {member.birthDate ? `, ${format.date(member.birthDate)}` : ''}
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </Card>
          </SectionFrame>
        );
      }}
    </QueryState>
  );
}
