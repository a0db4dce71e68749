import { Box, Group, Stack, Text } from '@mantine/core';
import { IconTruck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { BoardContacts } from '../roster/BoardContacts';
import { BoardClock } from './BoardClock';
import { useBoardInstallation } from './useBoardInstallation';
import { useFollowStoredLanguage } from './useFollowStoredLanguage';

const BACKGROUND = '#0b1320';
const ACCENT = '#ffd43b';

/**
 * The drivers' hall display (second screen, read from across the hall): plant, title, a big clock, and the queue
 * area. No shell, no session; dark with high contrast. The gate screens will fill the queue area with the real queue.
 */
export function BoardScreen() {
  const { t } = useTranslation();
  const installation = useBoardInstallation();
  useFollowStoredLanguage();

  return (
    <Box
      data-testid="board"
      bg={BACKGROUND}
      c="white"
      h="100vh"
      px="4vw"
      py="3vh"
      style={{ display: 'flex', flexDirection: 'column', overflow: 'hidden', colorScheme: 'dark' }}
    >
      <Group justify="space-between" align="center" wrap="nowrap" gap="xl" pb="2vh" style={{ borderBottom: '4px solid #334155' }}>
        <Text data-testid="board-plant" fw={700} c="white" truncate style={{ fontSize: 'clamp(2rem, 3.2vw, 3.75rem)' }}>
          {installation ? installation.plantName || t('app.name') : '\u00a0'}
        </Text>
        <Text component="h1" data-testid="board-title" fw={700} c={ACCENT} m={0} style={{ fontSize: 'clamp(2rem, 3.2vw, 3.75rem)', flexShrink: 0 }}>
          {t('board.title')}
        </Text>
      </Group>
      <Stack flex={1} justify="center" align="center" gap="6vh">
        <BoardClock />
      </Stack>
      <Group
        data-testid="board-queue"
        justify="center"
        wrap="nowrap"
        gap="lg"
        p="3vh"
        style={{ border: '3px dashed #475569', borderRadius: 16 }}
      >
        <IconTruck size="3.5rem" color={ACCENT} style={{ flexShrink: 0 }} aria-hidden />
        <Text fw={700} c="gray.1" ta="center" style={{ fontSize: 'clamp(1.75rem, 2.6vw, 3rem)' }}>
          {t('board.queuePending')}
        </Text>
      </Group>
      <Box pt="2vh" mt="2vh" style={{ borderTop: '4px solid #334155' }}>
        <BoardContacts accent={ACCENT} />
      </Box>
    </Box>
  );
}
