import { useTranslation } from 'react-i18next';

import type { ProvenanceInfoFragment } from '../../gql/graphql';
import { useFormat } from '../../i18n/format';

/** Where a section's data came from and as of when: what to question if it is wrong. */
export function ProvenanceLine({ provenance }: { provenance: ProvenanceInfoFragment }) {
  const { t } = useTranslation();
  const format = useFormat();
  const source =
    provenance.source === 'HR_SYSTEM'
      ? provenance.system
        ? t('file.provenance.HR_SYSTEM', { system: provenance.system })
        : t('file.provenance.HR_SYSTEM_unnamed')
      : t('file.provenance.PORTAL');
  return (
    <p className="provenance">
      {source}
      {provenance.asOf
        ? `, ${t('file.provenance.asOf', { date: format.dateTime(provenance.asOf) })}`
        : ''}
    </p>
  );
}
