import { useMutation } from '@apollo/client/react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { Dialog } from '../../components/dialog';
import { ErrorNotice } from '../../components/query-state';
import { ReportFileErrorDocument, type FileSection } from '../../gql/graphql';

/** "Report an error" on a section of one's own file: a short note to HR. */
export function ReportErrorButton({ section, title }: { section: FileSection; title: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [comment, setComment] = useState('');
  const [invalid, setInvalid] = useState(false);
  const [sent, setSent] = useState(false);
  const [report, { loading, error, reset }] = useMutation(ReportFileErrorDocument);
  const fieldId = useId();

  const close = () => {
    setOpen(false);
    setInvalid(false);
    reset();
  };
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (comment.trim().length < 5) {
      setInvalid(true);
      return;
    }
    try {
      await report({ variables: { section, comment: comment.trim() } });
      setComment('');
      setSent(true);
      close();
    } catch {
      // Shown from `error` below.
    }
  };

  return (
    <>
      <button
        type="button"
        className="button button-secondary"
        onClick={() => {
          setSent(false);
          setOpen(true);
        }}
      >
        {t('file.reportError')}
      </button>
      {sent ? (
        <p className="notice notice-success" role="status">
          {t('file.reportSent')}
        </p>
      ) : null}
      <Dialog open={open} title={t('file.reportTitle', { section: title })} onClose={close}>
        <form onSubmit={(event) => void submit(event)} noValidate>
          <p className="muted">{t('file.reportLead')}</p>
          <div className="field">
            <label htmlFor={fieldId}>{t('file.reportComment')}</label>
            <textarea
              id={fieldId}
              rows={5}
              value={comment}
              aria-invalid={invalid || undefined}
              aria-describedby={invalid ? `${fieldId}-error` : undefined}
              onChange={(event) => setComment(event.target.value)}
            />
            {invalid ? (
              <p className="field-error" id={`${fieldId}-error`}>
                {t('file.reportTooShort')}
              </p>
            ) : null}
          </div>
          {error ? <ErrorNotice error={error} /> : null}
          <div className="dialog-actions">
            <button type="button" className="button button-secondary" onClick={close}>
              {t('app.cancel')}
            </button>
            <button type="submit" className="button button-primary" disabled={loading}>
              {t('app.send')}
            </button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
