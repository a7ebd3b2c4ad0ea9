import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, NavLink, useParams } from 'react-router';

import { useMe } from '../../app/session';
import { Card, Facts, Page } from '../../components/page';
import { Empty, QueryState } from '../../components/query-state';
import { FileHeaderDocument } from '../../gql/graphql';
import { useFormat } from '../../i18n/format';
import { fileSections, type FileSectionInfo } from './sections';

/**
 * A personal file: the basic details, then one section at a time, only those the viewer may read
 * (`viewerCan.sections`) and the organization has switched on.
 */
export function FileView({
  employeeId,
  basePath,
  backTo,
  kpiPath,
}: {
  employeeId: string;
  basePath: string;
  backTo?: { to: string; label: string };
  /** Where this employee's evaluation sheets open, for those who may read them. */
  kpiPath?: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const { sections: enabled, employeeId: ownId } = useMe();
  const { section: sectionParam } = useParams();
  const own = employeeId === ownId;
  const { data, error, refetch } = useQuery(FileHeaderDocument, { variables: { id: employeeId } });
  const employee = data?.employee;
  const readable = (info: FileSectionInfo) =>
    Boolean(employee?.viewerCan.sections.includes(info.section)) &&
    (!info.portal || enabled.includes(info.portal)) &&
    !(own && info.othersOnly);
  const available = fileSections.filter(readable);
  const active = available.find((info) => info.key === sectionParam);

  if (employee && sectionParam === undefined && available[0])
    return <Navigate to={`${basePath}/${available[0].key}`} replace />;

  return (
    <Page
      title={own ? t('file.title') : (employee?.fullName ?? t('file.title'))}
      actions={backTo ? <Link to={backTo.to}>{backTo.label}</Link> : null}
    >
      <QueryState data={employee} error={error} retry={refetch}>
        {(employee) => (
          <>
            <Card className="file-header">
              {own ? <p className="file-name">{employee.fullName}</p> : null}
              <Facts
                items={[
                  [t('file.position'), employee.position?.name],
                  [t('file.department'), employee.department?.name],
                  [t('file.personnelNumber'), employee.personnelNumber],
                  [t('file.hireDate'), format.date(employee.hireDate)],
                  ...(employee.dismissalDate
                    ? ([[t('file.dismissalDate'), format.date(employee.dismissalDate)]] as [
                        string,
                        string,
                      ][])
                    : []),
                  [t('file.manager'), employee.manager?.fullName],
                ]}
              />
              {kpiPath &&
              !own &&
              employee.viewerCan.sections.includes('KPI') &&
              enabled.includes('KPI') ? (
                <p className="actions-row">
                  <Link to={kpiPath} className="strong-link">
                    {t('kpi.openSheet')}
                  </Link>
                </p>
              ) : null}
            </Card>
            {available.length === 0 ? (
              <Empty>{t('file.noSections')}</Empty>
            ) : (
              <>
                <nav className="tabs" aria-label={t('file.sectionsNav')}>
                  <ul>
                    {available.map((info) => (
                      <li key={info.key}>
                        <NavLink to={`${basePath}/${info.key}`}>
                          {t(`file.sections.${info.key}`)}
                        </NavLink>
                      </li>
                    ))}
                  </ul>
                </nav>
                {active ? (
                  <SectionBody
                    info={active}
                    employeeId={employee.id}
                    own={own}
                    canReveal={employee.viewerCan.revealIdentifiers}
                  />
                ) : sectionParam ? (
                  <Empty>{t('file.noSections')}</Empty>
                ) : null}
              </>
            )}
          </>
        )}
      </QueryState>
    </Page>
  );
}

function SectionBody({
  info,
  ...props
}: {
  info: FileSectionInfo;
  employeeId: string;
  own: boolean;
  canReveal: boolean;
}) {
  const Section = info.component;
  return <Section {...props} />;
}
