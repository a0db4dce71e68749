import 'i18next';
import type zhCN from './zh-CN';

// Typed keys: t('no.such.key') fails to compile.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof zhCN };
  }
}
