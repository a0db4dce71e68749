import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { storedLanguage } from '../../i18n/language';

/**
 * The board runs in its own window, with nobody at its keyboard: when the counter switches language (stored per
 * computer), the browser tells every other window of the app through a `storage` event, and the board follows.
 */
export function useFollowStoredLanguage(): void {
  const { i18n } = useTranslation();
  useEffect(() => {
    const follow = () => {
      const language = storedLanguage();
      if (language !== i18n.language) void i18n.changeLanguage(language);
    };
    window.addEventListener('storage', follow);
    return () => window.removeEventListener('storage', follow);
  }, [i18n]);
}
