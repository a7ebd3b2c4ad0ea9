import { useId } from 'react';
import { useTranslation } from 'react-i18next';

import { ErrorNotice } from './query-state';

/**
 * A dialog's form around one text area: an optional lead, the labelled field with its problem
 * (shown and announced when set), whatever else the form needs, the server's error, and the
 * cancel and submit buttons. Every "write a comment / question / note" dialog is this.
 */
export function TextForm({
  lead,
  label,
  required = false,
  rows = 3,
  value,
  onChange,
  problem,
  error,
  describe,
  busy,
  submitLabel,
  onCancel,
  onSubmit,
  children,
}: {
  lead?: string;
  label: string;
  required?: boolean;
  rows?: number;
  value: string;
  onChange: (value: string) => void;
  /** What is wrong with the input, in words; null when nothing is. */
  problem: string | null;
  error: unknown;
  describe?: (error: unknown) => string | null;
  busy: boolean;
  submitLabel: string;
  onCancel: () => void;
  onSubmit: () => unknown;
  children?: React.ReactNode;
}) {
  const { t } = useTranslation();
  const fieldId = useId();
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void onSubmit();
      }}
      noValidate
    >
      {lead ? <p className="muted">{lead}</p> : null}
      <div className="field">
        <label htmlFor={fieldId}>
          {label}
          {required ? ' *' : ''}
        </label>
        <textarea
          id={fieldId}
          rows={rows}
          value={value}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${fieldId}-error` : undefined}
          onChange={(event) => onChange(event.target.value)}
        />
        {problem ? (
          <p className="field-error" id={`${fieldId}-error`} role="alert">
            {problem}
          </p>
        ) : null}
      </div>
      {children}
      {error ? <ErrorNotice error={error} {...(describe ? { describe } : {})} /> : null}
      <div className="dialog-actions">
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('app.cancel')}
        </button>
        <button type="submit" className="button button-primary" disabled={busy}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
