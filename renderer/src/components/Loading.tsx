import { Center, Loader, Text, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function Loading({ full = false }: { full?: boolean }) {
  const { t } = useTranslation();
  return (
    <Center mih={full ? '100vh' : 160}>
      <Stack align="center" gap="xs">
        <Loader />
        <Text c="dimmed">{t('app.loading')}</Text>
      </Stack>
    </Center>
  );
}
