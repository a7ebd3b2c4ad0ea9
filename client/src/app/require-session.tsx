import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';

import { ErrorNotice, Loading } from '../components/query-state';
import { useSession } from './session';

/** Pages behind sign-in: the sign-in page otherwise, remembering where the user was going. */
export function RequireSession({ children }: { children: React.ReactNode }) {
  const { state } = useSession();
  const location = useLocation();
  const { t } = useTranslation();
  if (state.status === 'signed-in') return <>{children}</>;
  if (state.status === 'signed-out') {
    const next = `${location.pathname}${location.search}`;
    const to = next === '/' ? '/login' : `/login?${new URLSearchParams({ next }).toString()}`;
    return <Navigate to={to} replace />;
  }
  return (
    <main className="splash" id="main">
      <p className="brand-title">{t('app.name')}</p>
      {state.status === 'error' ? (
        <ErrorNotice error={state.error} onRetry={state.retry} />
      ) : (
        <Loading />
      )}
    </main>
  );
}
