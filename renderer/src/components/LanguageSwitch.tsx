import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { changeLanguage } from '../i18n';
import { isLanguage } from '../i18n/language';

/** 中文 / English, each label written in its own language so anyone can find their way back. */
export function LanguageSwitch({ size = 'sm' }: { size?: 'sm' | 'md' }) {
  const { t, i18n } = useTranslation();
  return (
    <SegmentedControl
      data-testid="lang-switch"
      aria-label={t('lang.label')}
      size={size}
      value={i18n.language}
      onChange={(value) => isLanguage(value) && void changeLanguage(value)}
      data={[
        { value: 'zh-CN', label: t('lang.zh') },
        { value: 'en', label: t('lang.en') },
      ]}
    />
  );
}
