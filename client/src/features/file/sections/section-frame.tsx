import { useTranslation } from 'react-i18next';

import { Card } from '../../../components/page';
import type { FileSection, ProvenanceInfoFragment } from '../../../gql/graphql';
import { ProvenanceLine } from '../provenance';
import { ReportErrorButton } from '../report-error';
import type { FileSectionKey } from '../sections';

export interface SectionProps {
  employeeId: string;
  /** The viewer's own file: may report errors. */
  own: boolean;
}

/** A section's heading, its provenance and (in one's own file) "report an error". */
export function SectionFrame({
  sectionKey,
  section,
  own,
  provenance,
  children,
}: {
  sectionKey: FileSectionKey;
  section: FileSection;
  own: boolean;
  provenance?: ProvenanceInfoFragment | null;
  children: React.ReactNode;
}) {
  const { t } = useTranslation();
  const title = t(`file.sections.${sectionKey}`);
  return (
    <div className="section" data-testid={`section-${sectionKey}`}>
      <div className="section-head">
        <h2>{title}</h2>
        {own ? <ReportErrorButton section={section} title={title} /> : null}
      </div>
      {provenance ? <ProvenanceLine provenance={provenance} /> : null}
      {children}
    </div>
  );
}

export { Card };
