import { LANGUAGES, type Language } from './types';

/** The chosen language is remembered per computer (localStorage `dd.lang`); Chinese unless chosen otherwise. */
const KEY = 'dd.lang';
export const DEFAULT_LANGUAGE: Language = 'zh-CN';

export function isLanguage(value: unknown): value is Language {
  return LANGUAGES.includes(value as Language);
}

export function storedLanguage(): Language {
  try {
    const value = localStorage.getItem(KEY);
    return isLanguage(value) ? value : DEFAULT_LANGUAGE;
  } catch {
    return DEFAULT_LANGUAGE;
  }
}

export function rememberLanguage(language: Language): void {
  try {
    localStorage.setItem(KEY, language);
  } catch {
    // storage unavailable: the choice lasts until reload
  }
}
