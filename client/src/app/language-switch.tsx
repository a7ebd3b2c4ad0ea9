import { useTranslation } from 'react-i18next';

/** Russian ⇄ English; the button names the other language, in that language. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const other = i18n.language === 'en' ? 'ru' : 'en';
  return (
    <button
      type="button"
      className="button button-ghost language-switch"
      lang={other}
      aria-label={t('app.languageLabel')}
      onClick={() => void i18n.changeLanguage(other)}
    >
      {t('app.language')}
    </button>
  );
}
