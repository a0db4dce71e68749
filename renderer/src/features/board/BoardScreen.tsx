import { Box, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { BoardContacts } from '../roster/BoardContacts';
import { BoardCalled } from './BoardCalled';
import { BoardClock } from './BoardClock';
import { BoardNotices, BoardPace } from './BoardNotices';
import { BoardQueue } from './BoardQueue';
import { BOARD_COLORS } from './boardColors';
import { useBoardInstallation } from './useBoardInstallation';
import { useFollowStoredLanguage } from './useFollowStoredLanguage';
import { useGateBoard } from './useGateBoard';
import { useVoiceCalls } from './useVoiceCalls';

/**
 * `#/board`, the drivers' queue board (排队公告) on a second display (the Electron board window, or any screen
 * through the headless host): plant and clock; the release pace when not normal; the trucks called in ("请 豫A12345
 * 进厂", with an optional Chinese voice call); notices; the queue per product line with each truck's position,
 * status and estimated wait; the duty roster and coordinators. No shell, no session, no scrolling; dark, high contrast;
 * live through the public `gate.changed` topic.
 */
export function BoardScreen() {
  const { t } = useTranslation();
  const installation = useBoardInstallation();
  useFollowStoredLanguage();
  const board = useGateBoard();
  const data = board.data;
  const voiceCalls = useVoiceCalls(data);

  return (
    <Box
      data-testid="board"
      data-voice-calls={voiceCalls}
      data-generated-at={data?.generatedAt}
      bg={BOARD_COLORS.background}
      c="white"
      h="100vh"
      px="2.5vw"
      py="1.6vh"
      style={{ display: 'flex', flexDirection: 'column', gap: '1.2vh', overflow: 'hidden', colorScheme: 'dark' }}
    >
      <Group justify="space-between" align="center" wrap="nowrap" gap="1.5vw">
        <Stack gap={0} style={{ width: '17vw', flexShrink: 0 }}>
          <Text component="h1" data-testid="board-title" fw={800} c={BOARD_COLORS.accent} m={0} lh={1.15} style={{ fontSize: 'clamp(2rem, 3vw, 3.6rem)' }}>
            {t('board.title')}
          </Text>
          <Text data-testid="board-plant" fw={700} c="white" truncate style={{ fontSize: 'clamp(1.1rem, 1.5vw, 1.8rem)' }}>
            {installation ? installation.plantName || t('app.name') : '\u00a0'}
          </Text>
        </Stack>
        <Box flex={1} style={{ minWidth: 0 }}>{data && <BoardCalled called={data.called} />}</Box>
        <BoardClock />
      </Group>
      {data ? (
        <>
          <BoardPace pace={data.pace} />
          <BoardNotices notices={data.notices} />
          <BoardQueue lines={data.lines} />
        </>
      ) : (
        <Stack flex={1} justify="center" align="center">
          <Text fw={700} c="gray.4" style={{ fontSize: 'clamp(2rem, 3vw, 3.5rem)' }}>
            {t('board.connecting')}
          </Text>
        </Stack>
      )}
      <Box pt="0.8vh" style={{ borderTop: `4px solid ${BOARD_COLORS.line}` }}>
        <BoardContacts accent={BOARD_COLORS.accent} fontSize="clamp(1rem, 1.25vw, 1.5rem)" />
      </Box>
    </Box>
  );
}
