import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useLocation } from 'react-router';

import { Icon } from '../components/icons';
import { ToastProvider } from '../components/toasts';
import { NotificationBell } from '../features/notifications/bell';
import { NotificationsLive } from '../features/notifications/live';
import { LanguageSwitch } from './language-switch';
import { groupedNav, visibleNav } from './navigation';
import { useMe, useSession } from './session';

/** The signed-in shell: header (bell, language, account), section navigation, the page. */
export function Layout() {
  const { t } = useTranslation();
  const { me, sections } = useMe();
  const { signOut } = useSession();
  const location = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  useEffect(() => setMenuOpen(false), [location.pathname]);
  const items = visibleNav(me.roles, Boolean(me.employee), sections);
  const name = me.employee?.fullName ?? me.displayName ?? me.login;

  return (
    <ToastProvider>
      <NotificationsLive />
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="header">
        <button
          type="button"
          className="icon-button menu-button"
          aria-expanded={menuOpen}
          aria-controls="main-nav"
          aria-label={menuOpen ? t('app.closeMenu') : t('app.menu')}
          onClick={() => setMenuOpen((open) => !open)}
        >
          <Icon name="menu" />
        </button>
        <Link to="/" className="brand">
          <span className="brand-title">{t('app.name')}</span>
          <span className="brand-org">{me.organization.shortName ?? me.organization.name}</span>
        </Link>
        <div className="header-tools">
          <NotificationBell />
          <LanguageSwitch />
          <span className="account-name" title={name}>
            {name}
          </span>
          <button
            type="button"
            className="icon-button"
            onClick={() => void signOut()}
            aria-label={t('app.signOut')}
            title={t('app.signOut')}
          >
            <Icon name="logout" />
          </button>
        </div>
      </header>
      <div className="shell">
        <nav
          id="main-nav"
          className={`nav ${menuOpen ? 'nav-open' : ''}`}
          aria-label={t('app.mainNav')}
        >
          {groupedNav(items).map(({ group, items: entries }) => (
            <div key={group} className="nav-group">
              {group !== 'self' && (
                <h2 className="nav-group-title" id={`nav-group-${group}`}>
                  {t(`nav.groups.${group}`)}
                </h2>
              )}
              <ul aria-labelledby={group !== 'self' ? `nav-group-${group}` : undefined}>
                {entries.map((item) => (
                  <li key={item.to}>
                    <NavLink to={item.to} end={item.to === '/' || item.to === '/kpi'}>
                      <Icon name={item.icon} />
                      <span>{t(item.label)}</span>
                    </NavLink>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </nav>
        <main id="main" className="main" tabIndex={-1}>
          <Outlet />
        </main>
      </div>
    </ToastProvider>
  );
}
