import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { ErrorNotice } from './query-state';

/** "Show more" for a cursor-paginated list, with its own loading and error state. */
export function LoadMore({
  hasMore,
  shown,
  total,
  onLoad,
}: {
  hasMore: boolean;
  shown: number;
  total?: number;
  onLoad: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const load = async () => {
    setBusy(true);
    setError(null);
    try {
      await onLoad();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="load-more">
      {total !== undefined ? <p className="muted">{t('app.shownOf', { shown, total })}</p> : null}
      {error ? <ErrorNotice error={error} onRetry={load} /> : null}
      {hasMore && !error ? (
        <button
          type="button"
          className="button button-secondary"
          disabled={busy}
          onClick={() => void load()}
        >
          {busy ? t('app.loading') : t('app.loadMore')}
        </button>
      ) : null}
    </div>
  );
}
