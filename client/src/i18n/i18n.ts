import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';

import { en } from './en';
import { ru, type Messages } from './ru';

declare module 'i18next' {
  interface CustomTypeOptions {
    resources: { translation: Messages };
  }
}

export type Language = 'ru' | 'en';
const STORAGE_KEY = 'kabinet.language';

function storedLanguage(): Language {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'ru';
  } catch {
    return 'ru';
  }
}

/** One i18n layer for every string: Russian by default, English on request (remembered). */
export function initI18n(): typeof i18n {
  void i18n.use(initReactI18next).init({
    resources: { ru: { translation: ru }, en: { translation: en } },
    lng: storedLanguage(),
    fallbackLng: 'ru',
    initAsync: false,
    interpolation: { escapeValue: false },
    react: { useSuspense: false },
  });
  document.documentElement.lang = i18n.language;
  i18n.on('languageChanged', (language) => {
    document.documentElement.lang = language;
    try {
      localStorage.setItem(STORAGE_KEY, language);
    } catch {
      // Private mode: the choice lasts for this page only.
    }
  });
  return i18n;
}

export const currentLanguage = (): Language => (i18n.language === 'en' ? 'en' : 'ru');
