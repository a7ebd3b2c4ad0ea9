import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { Dialog } from '../../components/dialog';
import { TextForm } from '../../components/text-form';
import { ReportFileErrorDocument, type FileSection } from '../../gql/graphql';

/** "Report an error" on a section of one's own file: a short note to HR. */
export function ReportErrorButton({ section, title }: { section: FileSection; title: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [comment, setComment] = useState('');
  const [invalid, setInvalid] = useState(false);
  const [sent, setSent] = useState(false);
  const [report, { loading, error, reset }] = useMutation(ReportFileErrorDocument);

  const close = () => {
    setOpen(false);
    setInvalid(false);
    reset();
  };
  const submit = async () => {
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
        <TextForm
          lead={t('file.reportLead')}
          label={t('file.reportComment')}
          rows={5}
          value={comment}
          onChange={setComment}
          problem={invalid ? t('file.reportTooShort') : null}
          error={error}
          busy={loading}
          submitLabel={t('app.send')}
          onCancel={close}
          onSubmit={submit}
        />
      </Dialog>
    </>
  );
}
