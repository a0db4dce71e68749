import { Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconInfoCircle, IconMessage2, IconPlayerPause } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { BoardNoticeDto, ReleasePaceDto } from '../../../../src/shared/contract/gate';
import { intervalParts } from './boardLayout';
import { BOARD_COLORS } from './boardColors';

const NOTICES_SHOWN = 2;

/** The release pace when it is not normal: paused (red) or slowed to one truck per interval (yellow). */
export function BoardPace({ pace }: { pace: ReleasePaceDto }) {
  const { t } = useTranslation();
  if (pace.mode === 'normal') return null;
  const paused = pace.mode === 'pause';
  const parts = intervalParts(pace.intervalSeconds);
  const interval =
    parts.minutes === 0
      ? t('board.intervalSeconds', { seconds: parts.seconds })
      : parts.seconds === 0
        ? t('board.intervalMinutes', { minutes: parts.minutes })
        : t('board.intervalMinSec', parts);
  const reason = pace.reason ?? '';
  return (
    <Group
      data-testid="board-pace"
      data-mode={pace.mode}
      wrap="nowrap"
      gap="1.2vw"
      px="2vw"
      py="0.6vh"
      style={{ background: paused ? BOARD_COLORS.pause : BOARD_COLORS.accent, borderRadius: 12 }}
    >
      <IconPlayerPause size="2.4rem" color={paused ? 'white' : 'black'} style={{ flexShrink: 0 }} aria-hidden />
      <Text fw={800} c={paused ? 'white' : 'black'} truncate style={{ fontSize: 'clamp(1.5rem, 2.1vw, 2.6rem)' }}>
        {paused ? t('board.pauseText', { reason }) : t('board.intervalText', { interval, reason })}
      </Text>
    </Group>
  );
}

const KIND_STYLE: Record<BoardNoticeDto['kind'], { color: string; Icon: typeof IconInfoCircle }> = {
  equipment_stop: { color: '#ff8787', Icon: IconAlertTriangle },
  queue_answer: { color: '#74c0fc', Icon: IconMessage2 },
  message: { color: '#e9ecef', Icon: IconInfoCircle },
};

/** Notices for the drivers, newest first: queue answers, equipment stops with the expected repair time, messages. */
export function BoardNotices({ notices }: { notices: BoardNoticeDto[] }) {
  const { t, i18n } = useTranslation();
  if (notices.length === 0) return null;
  const sorted = [...notices].sort((a, b) => b.postedAt - a.postedAt || b.id - a.id);
  const rest = sorted.length - NOTICES_SHOWN;
  const time = (ms: number) => new Intl.DateTimeFormat(i18n.language, { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(ms));
  const clock = (ms: number) => new Intl.DateTimeFormat(i18n.language, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(ms));
  const sameDay = (a: number, b: number) => new Date(a).toDateString() === new Date(b).toDateString();
  return (
    <Stack data-testid="board-notices" gap="0.5vh">
      {sorted.slice(0, NOTICES_SHOWN).map((n, i) => {
        const { color, Icon } = KIND_STYLE[n.kind];
        return (
          <Group
            key={n.id}
            data-testid="board-notice"
            data-kind={n.kind}
            wrap="nowrap"
            gap="1vw"
            px="1.2vw"
            py="0.3vh"
            style={{ background: BOARD_COLORS.panel, borderRadius: 12, borderLeft: `8px solid ${color}`, fontSize: 'clamp(1.2rem, 1.6vw, 1.9rem)' }}
          >
            <Icon size="1.4em" color={color} style={{ flexShrink: 0 }} aria-hidden />
            <Text fw={800} c={color} inherit style={{ flexShrink: 0 }}>
              {t(`board.noticeKind.${n.kind}`)}
              {n.lineLabel ? ` · ${n.lineLabel}` : ''}
            </Text>
            <Text fw={700} c="white" inherit truncate style={{ flex: 1 }}>
              {n.text}
            </Text>
            {n.expectedUntil !== null && (
              <Text fw={800} c={color} inherit style={{ flexShrink: 0 }}>
                {t('board.expectedUntil', { time: sameDay(n.expectedUntil, n.postedAt) ? clock(n.expectedUntil) : time(n.expectedUntil) })}
              </Text>
            )}
            {rest > 0 && i === NOTICES_SHOWN - 1 && (
              <Text data-testid="board-notices-more" fw={700} c="gray.4" style={{ flexShrink: 0, fontSize: '0.75em' }}>
                {t('board.moreNotices', { count: rest })}
              </Text>
            )}
          </Group>
        );
      })}
    </Stack>
  );
}
