import { useMutation } from '@apollo/client/react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { LanguageSwitch } from '../../app/language-switch';
import { errorCode, errorField, retryAfterMinutes } from '../../components/errors';
import { ErrorNotice } from '../../components/query-state';
import { RegisterDocument } from '../../gql/graphql';

type Field = 'displayName' | 'email' | 'login' | 'password' | 'repeat';
type Errors = Partial<Record<Field, string>>;

const loginPattern = /^[a-z0-9._-]{3,64}$/i;
const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A third party asks for an account; an administrator approves it. */
export function RegisterPage() {
  const { t } = useTranslation();
  const [values, setValues] = useState<Record<Field, string>>({
    displayName: '',
    email: '',
    login: '',
    password: '',
    repeat: '',
  });
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [register, { data, loading }] = useMutation(RegisterDocument);
  useEffect(() => {
    document.title = `${t('auth.registerTitle')} — ${t('app.name')}`;
  }, [t]);

  const validate = (): Errors => {
    const found: Errors = {};
    if (values.displayName.trim().length < 3) found.displayName = t('auth.displayNameShort');
    if (!emailPattern.test(values.email.trim())) found.email = t('auth.emailInvalid');
    if (!loginPattern.test(values.login.trim())) found.login = t('auth.loginInvalid');
    if (values.password.length < 10) found.password = t('auth.passwordShort');
    if (values.repeat !== values.password) found.repeat = t('auth.passwordMismatch');
    return found;
  };

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const found = validate();
    setErrors(found);
    if (Object.keys(found).length > 0) {
      document.getElementById(`reg-${Object.keys(found)[0]}`)?.focus();
      return;
    }
    try {
      await register({
        variables: {
          input: {
            displayName: values.displayName.trim(),
            email: values.email.trim(),
            login: values.login.trim(),
            password: values.password,
          },
        },
      });
    } catch (error) {
      const field = errorField(error)?.replace(/^input\./, '') as Field | undefined;
      if (field && field in values) setErrors({ [field]: t('errors.input') });
      else setFailure(error);
    }
  };

  const input = (
    field: Field,
    label: string,
    props: React.InputHTMLAttributes<HTMLInputElement>,
    hint?: string,
  ) => (
    <div className="field">
      <label htmlFor={`reg-${field}`}>{label}</label>
      {hint ? (
        <p className="hint" id={`reg-${field}-hint`}>
          {hint}
        </p>
      ) : null}
      <input
        id={`reg-${field}`}
        value={values[field]}
        aria-invalid={errors[field] ? true : undefined}
        aria-describedby={
          [hint ? `reg-${field}-hint` : '', errors[field] ? `reg-${field}-error` : '']
            .join(' ')
            .trim() || undefined
        }
        onChange={(event) => setValues((current) => ({ ...current, [field]: event.target.value }))}
        {...props}
      />
      {errors[field] ? (
        <p className="field-error" id={`reg-${field}-error`}>
          {errors[field]}
        </p>
      ) : null}
    </div>
  );

  return (
    <main className="auth" id="main">
      <div className="auth-top">
        <LanguageSwitch />
      </div>
      <div className="auth-card">
        <p className="brand-title">{t('app.name')}</p>
        <h1>{t('auth.registerTitle')}</h1>
        {data ? (
          <div role="status">
            <p className="notice notice-success">{t('auth.registered')}</p>
            <p>{t('auth.registeredText', { login: data.register.login })}</p>
            <Link className="button button-primary" to="/login">
              {t('auth.toSignIn')}
            </Link>
          </div>
        ) : (
          <>
            <p className="muted">{t('auth.registerLead')}</p>
            <form onSubmit={(event) => void submit(event)} noValidate>
              {input(
                'displayName',
                t('auth.displayName'),
                { autoComplete: 'name' },
                t('auth.displayNameHint'),
              )}
              {input('email', t('auth.email'), { type: 'email', autoComplete: 'email' })}
              {input(
                'login',
                t('auth.newLogin'),
                { autoComplete: 'username', autoCapitalize: 'none', spellCheck: false },
                t('auth.loginHint'),
              )}
              {input(
                'password',
                t('auth.newPassword'),
                { type: 'password', autoComplete: 'new-password' },
                t('auth.passwordHint'),
              )}
              {input('repeat', t('auth.passwordRepeat'), {
                type: 'password',
                autoComplete: 'new-password',
              })}
              {failure && errorCode(failure) === 'TOO_MANY_ATTEMPTS' ? (
                <p className="notice notice-error" role="alert">
                  {t('auth.registerTooMany', { minutes: retryAfterMinutes(failure) })}
                </p>
              ) : failure ? (
                <ErrorNotice error={failure} />
              ) : null}
              <button
                type="submit"
                className="button button-primary button-block"
                disabled={loading}
              >
                {loading ? t('auth.registering') : t('auth.register')}
              </button>
            </form>
            <p className="auth-alt">
              {t('auth.haveAccount')} <Link to="/login">{t('auth.signIn')}</Link>
            </p>
          </>
        )}
      </div>
    </main>
  );
}
