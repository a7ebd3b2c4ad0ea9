import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';

import { errorCode } from '../../components/errors';
import {
  EnterIndicatorFactsDocument,
  EvaluationSheetActionDocument,
  EvaluationSheetDocument,
  SetIndicatorPlansDocument,
  type KpiSheetFragment,
} from '../../gql/graphql';
import { ru } from '../../i18n/ru';

export type Sheet = KpiSheetFragment;
export type SheetValue = Sheet['values'][number];

type KpiCode = keyof typeof ru.kpi.errors;
const kpiCodes = new Set<string>(Object.keys(ru.kpi.errors));

/** The sheet's own error codes in words (WEIGHTS_NOT_100, PERIOD_CLOSED …); null for the rest. */
export function useKpiError() {
  const { t } = useTranslation();
  return (error: unknown): string | null => {
    const code = errorCode(error);
    return code && kpiCodes.has(code) ? t(`kpi.errors.${code as KpiCode}`) : null;
  };
}

/** Facts of a sheet; the answer is the whole sheet, which the cache takes in by id. */
export function useEnterFacts() {
  return useMutation(EnterIndicatorFactsDocument);
}

/** SUBMIT, AGREE, APPROVE or RETURN (the dashboard asks again when it is next shown). */
export function useSheetAction() {
  return useMutation(EvaluationSheetActionDocument);
}

/** A sheet's plan; the first plan creates the sheet, so the query for it is asked again. */
export function useSetPlans() {
  return useMutation(SetIndicatorPlansDocument, { refetchQueries: [EvaluationSheetDocument] });
}
