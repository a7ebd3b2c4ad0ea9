import { useMutation } from '@apollo/client/react';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';

import { LanguageSwitch } from '../../app/language-switch';
import { safeNext, useSession } from '../../app/session';
import { errorCode, retryAfterMinutes } from '../../components/errors';
import { ErrorNotice } from '../../components/query-state';
import { SignInDocument } from '../../gql/graphql';

/** Sign-in: login and password; afterwards back to the page the user was going to. */
export function SignInPage() {
  const { t } = useTranslation();
  const { state, refresh } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const reason = params.get('reason');
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [showPassword, setShowPassword] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [missing, setMissing] = useState(false);
  const [signIn, { loading }] = useMutation(SignInDocument);
  const loginRef = useRef<HTMLInputElement>(null);
  const messageId = useId();

  useEffect(() => {
    document.title = `${t('auth.signInTitle')} — ${t('app.name')}`;
  }, [t]);
  useEffect(() => loginRef.current?.focus(), []);

  if (state.status === 'signed-in' && !loading) return <Navigate to={next} replace />;

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setFailure(null);
    setMissing(!login.trim() || !password);
    if (!login.trim() || !password) return;
    try {
      await signIn({ variables: { input: { login: login.trim(), password } } });
      await refresh();
      await navigate(next, { replace: true });
    } catch (error) {
      setFailure(error);
      setPassword('');
    }
  };

  const code = errorCode(failure);
  const known: Record<string, string> = {
    INVALID_CREDENTIALS: t('auth.invalidCredentials'),
    ACCOUNT_PENDING: t('auth.accountPending'),
    ACCOUNT_DISABLED: t('auth.accountDisabled'),
    TOO_MANY_ATTEMPTS: t('auth.tooManyAttempts', { minutes: retryAfterMinutes(failure) }),
  };
  const notice =
    reason === 'expired'
      ? t('auth.expired')
      : reason === 'revoked'
        ? t('auth.revoked')
        : params.get('next')
          ? t('auth.signInToContinue')
          : null;

  return (
    <main className="auth" id="main">
      <div className="auth-top">
        <LanguageSwitch />
      </div>
      <div className="auth-card">
        <p className="brand-title">{t('app.name')}</p>
        <h1>{t('auth.signInTitle')}</h1>
        <p className="muted">{t('auth.signInLead')}</p>
        {notice && !failure ? (
          <p className="notice notice-info" role="status">
            {notice}
          </p>
        ) : null}
        <form
          onSubmit={(event) => void submit(event)}
          noValidate
          aria-describedby={failure ? messageId : undefined}
        >
          <div className="field">
            <label htmlFor="login">{t('auth.login')}</label>
            <input
              ref={loginRef}
              id="login"
              name="username"
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              required
              value={login}
              onChange={(event) => setLogin(event.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="password">{t('auth.password')}</label>
            <div className="password">
              <input
                id="password"
                name="password"
                type={showPassword ? 'text' : 'password'}
                autoComplete="current-password"
                required
                value={password}
                onChange={(event) => setPassword(event.target.value)}
              />
              <button
                type="button"
                className="link-button"
                aria-pressed={showPassword}
                onClick={() => setShowPassword((shown) => !shown)}
              >
                {showPassword ? t('auth.hidePassword') : t('auth.showPassword')}
              </button>
            </div>
          </div>
          {missing ? (
            <p className="notice notice-error" role="alert">
              {t('auth.required')}
            </p>
          ) : null}
          {failure ? (
            code && known[code] ? (
              <p className="notice notice-error" role="alert" id={messageId}>
                {known[code]}
              </p>
            ) : (
              <div id={messageId}>
                <ErrorNotice error={failure} />
              </div>
            )
          ) : null}
          <button type="submit" className="button button-primary button-block" disabled={loading}>
            {loading ? t('auth.signingIn') : t('auth.signIn')}
          </button>
        </form>
        <p className="muted small">{t('auth.forgotHint')}</p>
        <p className="auth-alt">
          {t('auth.noAccount')} <Link to="/register">{t('auth.registerLink')}</Link>
        </p>
      </div>
    </main>
  );
}
