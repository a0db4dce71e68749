import { Alert, Button, Group, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api';
import { translateError } from '../i18n/translate';

/** A failed load with the translated reason and a retry button. */
export function LoadError({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="red" variant="light" icon={<IconAlertTriangle />} title={t('common.loadFailed')} role="alert">
      <Group justify="space-between" wrap="nowrap">
        <Text>{translateError(t, error.rpc)}</Text>
        {onRetry && (
          <Button variant="default" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        )}
      </Group>
    </Alert>
  );
}
