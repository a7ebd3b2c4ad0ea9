import { useTranslation } from 'react-i18next';

import type { EvaluationSheetStatus } from '../../gql/graphql';

/** A sheet's status in words, coloured: a draft plain, on its way accented, approved green. */
export function SheetStatusPill({ status }: { status: EvaluationSheetStatus }) {
  const { t } = useTranslation();
  const tone = status === 'APPROVED' ? 'pill-ok' : status === 'DRAFT' ? '' : 'pill-accent';
  return <span className={`pill ${tone}`}>{t(`kpi.status.${status}`)}</span>;
}
