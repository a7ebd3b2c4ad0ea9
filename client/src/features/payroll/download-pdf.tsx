import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { sessionEndOf, sessionEvents } from '../../apollo/session-events';
import { Icon } from '../../components/icons';

/** Downloads the payslip PDF with the session cookie; a failure says so instead of saving an error. */
export function DownloadPdfButton({
  payslipId,
  fileName,
}: {
  payslipId: string;
  fileName: string;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const download = async () => {
    setBusy(true);
    setFailed(false);
    try {
      const response = await fetch(`/files/payslips/${encodeURIComponent(payslipId)}.pdf`, {
        credentials: 'same-origin',
      });
      if (!response.ok) {
        const body = (await response.json().catch(() => null)) as {
          error?: { code?: string };
        } | null;
        const reason = sessionEndOf(body?.error?.code);
        if (reason) {
          sessionEvents.ended(reason);
          return;
        }
        throw new Error(`HTTP ${response.status}`);
      }
      const url = URL.createObjectURL(await response.blob());
      const link = document.createElement('a');
      link.href = url;
      link.download = fileName;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button
        type="button"
        className="button button-primary"
        disabled={busy}
        onClick={() => void download()}
      >
        <Icon name="download" />
        {busy ? t('payroll.downloading') : t('payroll.downloadPdf')}
      </button>
      {failed ? (
        <p className="notice notice-error" role="alert">
          {t('payroll.downloadFailed')}
        </p>
      ) : null}
    </>
  );
}
