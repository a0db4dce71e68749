import { Box, Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './LanguageSwitch';

/** The frame of the screens before sign-in: product name and language switch on top, one card in the middle. */
export function CenteredPage({ title, subtitle, children, width = 520 }: { title: string; subtitle?: ReactNode; children: ReactNode; width?: number }) {
  const { t } = useTranslation();
  return (
    <Box mih="100vh" bg="gray.0">
      <Group justify="space-between" p="md">
        <Text fw={700} size="lg" c="blue.8">
          {t('app.title')}
        </Text>
        <LanguageSwitch size="md" />
      </Group>
      <Center px="md" pb="xl">
        <Paper withBorder shadow="sm" p="xl" w="100%" maw={width}>
          <Stack gap="lg">
            <Stack gap={4}>
              <Title order={1}>{title}</Title>
              {subtitle && <Text c="dimmed">{subtitle}</Text>}
            </Stack>
            {children}
          </Stack>
        </Paper>
      </Center>
    </Box>
  );
}
