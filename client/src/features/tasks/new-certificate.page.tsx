import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

import { Card, Page } from '../../components/page';
import { ErrorNotice } from '../../components/query-state';
import {
  RequestCertificateDocument,
  TasksDocument,
  type CertificateDelivery,
  type CertificateKind,
} from '../../gql/graphql';

const kinds: CertificateKind[] = [
  'EMPLOYMENT',
  'INCOME_TAX',
  'EARNINGS_2Y',
  'STD_R',
  'SENIORITY',
  'ORDER_COPY',
  'WORK_BOOK_COPY',
];

/** Заказ справки (ст. 62 ТК): kind, purpose, copies and how to receive it. */
export function NewCertificatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [kind, setKind] = useState<CertificateKind>('EMPLOYMENT');
  const [purpose, setPurpose] = useState('');
  const [copies, setCopies] = useState('1');
  const [delivery, setDelivery] = useState<CertificateDelivery>('ELECTRONIC');
  const [copiesError, setCopiesError] = useState(false);
  const [request, { loading, error }] = useMutation(RequestCertificateDocument, {
    refetchQueries: [TasksDocument],
  });

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const count = Number(copies);
    const bad = !Number.isInteger(count) || count < 1 || count > 10;
    setCopiesError(bad);
    if (bad) return;
    try {
      const result = await request({
        variables: { input: { kind, purpose: purpose.trim() || null, copies: count, delivery } },
      });
      if (result.data) await navigate(`/tasks/${result.data.requestCertificate.id}`);
    } catch {
      // Shown from `error`.
    }
  };

  return (
    <Page title={t('tasks.certificateForm.title')} lead={t('tasks.certificateForm.lead')}>
      <Card>
        <form onSubmit={(event) => void submit(event)} noValidate className="form-narrow">
          <div className="field">
            <label htmlFor="cert-kind">{t('tasks.kind')}</label>
            <select
              id="cert-kind"
              value={kind}
              onChange={(event) => setKind(event.target.value as CertificateKind)}
            >
              {kinds.map((value) => (
                <option key={value} value={value}>
                  {t(`tasks.certificateKind.${value}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="cert-purpose">{t('tasks.purpose')}</label>
            <p className="hint" id="cert-purpose-hint">
              {t('tasks.purposeHint')}
            </p>
            <input
              id="cert-purpose"
              value={purpose}
              aria-describedby="cert-purpose-hint"
              onChange={(event) => setPurpose(event.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="cert-copies">{t('tasks.copies')}</label>
            <input
              id="cert-copies"
              type="number"
              inputMode="numeric"
              min={1}
              max={10}
              value={copies}
              aria-invalid={copiesError || undefined}
              aria-describedby={copiesError ? 'cert-copies-error' : undefined}
              onChange={(event) => setCopies(event.target.value)}
            />
            {copiesError ? (
              <p className="field-error" id="cert-copies-error">
                {t('tasks.certificateForm.copiesInvalid')}
              </p>
            ) : null}
          </div>
          <fieldset className="field">
            <legend>{t('tasks.deliveryLabel')}</legend>
            {(['ELECTRONIC', 'PAPER'] as const).map((value) => (
              <label key={value} className="radio">
                <input
                  type="radio"
                  name="delivery"
                  value={value}
                  checked={delivery === value}
                  onChange={() => setDelivery(value)}
                />
                {t(`tasks.delivery.${value}`)}
              </label>
            ))}
          </fieldset>
          {error ? <ErrorNotice error={error} /> : null}
          <button type="submit" className="button button-primary" disabled={loading}>
            {t('tasks.certificateForm.submit')}
          </button>
        </form>
      </Card>
    </Page>
  );
}
