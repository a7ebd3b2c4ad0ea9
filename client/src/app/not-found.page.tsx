import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { Page } from '../components/page';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('app.notFoundTitle')}>
      <p>{t('app.notFoundText')}</p>
      <Link className="button button-primary" to="/">
        {t('app.toDashboard')}
      </Link>
    </Page>
  );
}
