import { useTranslation } from 'react-i18next';

import { describeError } from './errors';

/** A polite loading line for screen readers and eyes alike. */
export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <div className="loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {label ?? t('app.loading')}
    </div>
  );
}

/**
 * A failed request: what happened and a way to try again. `describe` words a feature's own error
 * codes (null for the general wording).
 */
export function ErrorNotice({
  error,
  onRetry,
  describe,
}: {
  error: unknown;
  onRetry?: () => unknown;
  describe?: (error: unknown) => string | null;
}) {
  const { t } = useTranslation();
  return (
    <div className="notice notice-error" role="alert">
      <p>{describe?.(error) ?? describeError(error, t)}</p>
      {onRetry ? (
        <button type="button" className="button button-secondary" onClick={() => void onRetry()}>
          {t('app.retry')}
        </button>
      ) : null}
    </div>
  );
}

/**
 * The three states of a query in one place: data (even stale, while refreshing), else the error
 * with retry, else loading.
 */
export function QueryState<T>({
  data,
  error,
  retry,
  children,
}: {
  data: T | undefined | null;
  error: unknown;
  retry: () => unknown;
  children: (data: T) => React.ReactNode;
}) {
  if (error && !data) return <ErrorNotice error={error} onRetry={retry} />;
  if (data) return <>{children(data)}</>;
  return <Loading />;
}

export function Empty({ children }: { children: React.ReactNode }) {
  return <p className="empty">{children}</p>;
}
