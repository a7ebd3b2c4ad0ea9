import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';

import { FileView } from '../file/file-view';

/** A subordinate's (or, for HR, anyone's) file, within what the organization allows. */
export function PersonFilePage({ scope }: { scope: 'team' | 'employees' }) {
  const { t } = useTranslation();
  const { employeeId = '' } = useParams();
  const base = scope === 'team' ? '/team' : '/employees';
  return (
    <FileView
      key={employeeId}
      employeeId={employeeId}
      basePath={`${base}/${employeeId}`}
      backTo={{ to: base, label: t('people.backToTeam') }}
      kpiPath={`/kpi/${scope}/${employeeId}`}
    />
  );
}
