import { Button, Center, Code, Paper, Stack, Text, Title } from '@mantine/core';
import { IconMoodSad, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

export function ErrorScreen({ error }: { error: Error }) {
  const { t } = useTranslation();
  return (
    <Center mih="100vh" p="lg" data-testid="error-screen">
      <Paper withBorder p="xl" maw={640} w="100%">
        <Stack gap="md">
          <IconMoodSad size={48} />
          <Title order={1}>{t('errorBoundary.title')}</Title>
          <Text size="lg">{t('errorBoundary.body')}</Text>
          <Button leftSection={<IconRefresh />} size="lg" onClick={() => window.location.reload()} autoFocus>
            {t('errorBoundary.reload')}
          </Button>
          <details>
            <summary>{t('errorBoundary.details')}</summary>
            <Code block>{error.message}</Code>
          </details>
        </Stack>
      </Paper>
    </Center>
  );
}
