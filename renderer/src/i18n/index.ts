import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en';
import { DEFAULT_LANGUAGE, rememberLanguage, storedLanguage } from './language';
import type { Language } from './types';
import zhCN from './zh-CN';

export const resources = {
  'zh-CN': { translation: zhCN },
  en: { translation: en },
} as const;

/** Keeps <html lang> and the window title in step with the language (screen readers, fonts, CJK line breaking). */
function applyToDocument(language: string): void {
  if (typeof document === 'undefined') return;
  document.documentElement.lang = language;
  document.title = i18next.t('app.title');
}

export function initI18n(language: Language = storedLanguage()) {
  if (!i18next.isInitialized) {
    i18next.on('languageChanged', applyToDocument);
    void i18next.use(initReactI18next).init({
      resources,
      lng: language,
      fallbackLng: DEFAULT_LANGUAGE,
      supportedLngs: ['zh-CN', 'en'],
      interpolation: { escapeValue: false }, // React escapes
      returnNull: false,
      initAsync: false,
    });
    applyToDocument(language);
  }
  return i18next;
}

export async function changeLanguage(language: Language): Promise<void> {
  rememberLanguage(language);
  await i18next.changeLanguage(language);
}

export { i18next };
export type { Language } from './types';
